// The pieces of apimachinery's validation the core kinds share: name formats and ObjectMeta,
// with the messages pkg/util/validation and api/validation/objectmeta.go word them.

import { invalid, required, type FieldError } from '../fielderrors.ts';
import type { KubeObject } from '../types.ts';

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';

const dns1123LabelRe = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123SubdomainRe = new RegExp(`^${dns1123SubdomainFmt}$`);
const dns1035LabelRe = new RegExp(`^${dns1035LabelFmt}$`);

const maxLenMsg = (n: number) => `must be no more than ${n} characters`;

/** validation.IsDNS1123Label. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenMsg(63));
  if (!dns1123LabelRe.test(value)) {
    errs.push(
      `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '${dns1123LabelFmt}')`,
    );
  }
  return errs;
}

/** validation.IsDNS1123Subdomain. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenMsg(253));
  if (!dns1123SubdomainRe.test(value)) {
    errs.push(
      `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${dns1123SubdomainFmt}')`,
    );
  }
  return errs;
}

/** validation.IsDNS1035Label. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenMsg(63));
  if (!dns1035LabelRe.test(value)) {
    errs.push(
      `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${dns1035LabelFmt}')`,
    );
  }
  return errs;
}

export type NameValidator = (name: string) => string[];

/** ValidateObjectMeta's name and namespace checks, in its order. */
export function validateObjectMeta(obj: KubeObject, namespaced: boolean, nameFn: NameValidator): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata;
  const name = meta.name ?? '';
  if (!name) {
    errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name)) errs.push(invalid('metadata.name', name, msg));
  }
  if (namespaced) {
    const ns = meta.namespace ?? '';
    if (!ns) errs.push(required('metadata.namespace'));
    else for (const msg of isDNS1123Label(ns)) errs.push(invalid('metadata.namespace', ns, msg));
  }
  for (const ref of meta.ownerReferences ?? []) errs.push(...validateOwnerReference(ref as unknown as Record<string, unknown>));
  return errs;
}

/** The version schema.FromAPIVersionAndKind finds in an apiVersion: "" when ParseGroupVersion fails. */
function versionOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return apiVersion;
  return parts.length === 2 ? parts[1]! : '';
}

/** apimachinery's validateOwnerReference (its field path has no index, as in Go). */
function validateOwnerReference(ref: Record<string, unknown>): FieldError[] {
  const field = (key: string) => (typeof ref[key] === 'string' ? (ref[key] as string) : '');
  const errs: FieldError[] = [];
  if (!versionOf(field('apiVersion'))) errs.push(invalid('metadata.ownerReferences.apiVersion', field('apiVersion'), 'version must not be empty'));
  if (!field('kind')) errs.push(invalid('metadata.ownerReferences.kind', field('kind'), 'kind must not be empty'));
  if (!field('name')) errs.push(invalid('metadata.ownerReferences.name', field('name'), 'name must not be empty'));
  if (!field('uid')) errs.push(invalid('metadata.ownerReferences.uid', field('uid'), 'uid must not be empty'));
  return errs;
}

/** validation.IsValidPortNum's message, as field errors word it. */
export const portRangeMsg = 'must be between 1 and 65535, inclusive';

/** IsValidPortName: an IANA service name (≤15 chars, lowercase alphanumerics and '-', a letter). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length < 1 || port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push("must not begin or end with a hyphen");
  return errs;
}
