// kube-aggregator's pkg/apis/apiregistration/validation: ValidateAPIService and
// ValidateAPIServiceUpdate, with the ObjectMeta checks of apimachinery's
// pkg/api/validation/objectmeta.go that run before them. Errors come out in the order the real
// validator appends them, because kubectl prints them in that order.

import { invalid, notSupported, required, type FieldError } from '../fielderrors.ts';
import { isObject, type KubeObject, type ObjectMeta } from '../types.ts';
import { decodedLength } from '../../lib/base64.ts';
import { conditionsOf, serviceOf, specOf } from './helpers.ts';

const byteLength = (s: string) => new TextEncoder().encode(s).length;

// apimachinery pkg/util/validation: the messages are built exactly as RegexError/MaxLenError do.
function regexError(msg: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${format}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

const maxLenError = (length: number) => `must be no more than ${length} characters`;

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`);
const dns1123SubdomainErrorMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelRegexp = new RegExp(`^${dns1035LabelFmt}$`);
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

/** IsDNS1123Subdomain. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!dns1123SubdomainRegexp.test(value)) errs.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, 'example.com'));
  return errs;
}

/** IsDNS1035Label. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRegexp.test(value)) errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'));
  return errs;
}

/** path.IsValidPathSegmentName: `.`/`..` are reported alone; `/` and `%` can both be. */
export function isValidPathSegmentName(name: string): string[] {
  for (const illegal of ['.', '..']) if (name === illegal) return [`may not be '${illegal}'`];
  const errs: string[] = [];
  for (const illegal of ['/', '%']) if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  return errs;
}

const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qualifiedNameRegexp = new RegExp(`^${qualifiedNameFmt}$`);
const qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsQualifiedName: label and annotation keys, `[prefix/]name`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRegexp.test(name)) errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueRegexp = new RegExp(`^${labelValueFmt}$`);
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsValidLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!labelValueRegexp.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
  return errs;
}

// Go walks these maps in random order; the sim walks them sorted so errors are reproducible.
const sortedEntries = (m: unknown) => (isObject(m) ? Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : []);

/** ValidateLabels and ValidateAnnotations (keys only: annotation keys are checked lower-cased). */
function validateLabelsAndAnnotations(meta: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of sortedEntries(meta.labels)) {
    for (const msg of isQualifiedName(key)) errs.push(invalid('metadata.labels', key, msg));
    for (const msg of isValidLabelValue(str(value))) errs.push(invalid('metadata.labels', str(value), msg));
  }
  for (const [key] of sortedEntries(meta.annotations)) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(invalid('metadata.annotations', key, msg));
  }
  return errs;
}

/** IsValidPortNum's message as the APIService validator prefixes it. */
const portError = 'port is not valid: must be between 1 and 65535, inclusive';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const int = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The name check ValidateAPIService hands to ValidateObjectMeta: a path segment, then version.group. */
function apiServiceNameErrors(name: string, requiredName: string): string[] {
  const minimalFailures = isValidPathSegmentName(name);
  if (minimalFailures.length > 0) return minimalFailures;
  if (name !== requiredName) return [`must be \`spec.version+"."+spec.group\`: "${requiredName}"`];
  return [];
}

/**
 * ValidateObjectMeta for a cluster-scoped object. The apiserver has already generated a name
 * from generateName and cleared metadata.namespace (rest.BeforeCreate/BeforeUpdate), so the
 * namespace is not looked at: a client-sent one never reaches the real validator.
 */
function validateObjectMeta(meta: ObjectMeta, nameFn: (name: string) => string[]): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = str(meta.generateName);
  if (generateName) for (const msg of nameFn(generateName)) errs.push(invalid('metadata.generateName', generateName, msg));
  const name = str(meta.name);
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else for (const msg of nameFn(name)) errs.push(invalid('metadata.name', name, msg));
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errs.push(invalid('metadata.generation', meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabelsAndAnnotations(meta));
  return errs;
}

/** ValidateAPIService: the create-time rules (FACTS §2), in the real order. */
export function validateAPIService(obj: KubeObject): FieldError[] {
  const spec = specOf(obj);
  const group = str(spec.group);
  const version = str(spec.version);
  const requiredName = `${version}.${group}`;

  const errs = validateObjectMeta(obj.metadata ?? {}, (name) => apiServiceNameErrors(name, requiredName));

  // An empty group is only allowed for the legacy core group, served as v1.
  if (group.length === 0 && version !== 'v1') {
    errs.push(required('spec.group', 'only v1 may have an empty group and it better be legacy kube'));
  }
  if (group.length > 0) for (const msg of isDNS1123Subdomain(group)) errs.push(invalid('spec.group', group, msg));
  for (const msg of isDNS1035Label(version)) errs.push(invalid('spec.version', version, msg));

  const groupPriorityMinimum = int(spec.groupPriorityMinimum);
  if (groupPriorityMinimum <= 0 || groupPriorityMinimum > 20000) {
    errs.push(invalid('spec.groupPriorityMinimum', groupPriorityMinimum, 'must be positive and less than 20000'));
  }
  const versionPriority = int(spec.versionPriority);
  if (versionPriority <= 0 || versionPriority > 1000) {
    errs.push(invalid('spec.versionPriority', versionPriority, 'must be positive and less than 1000'));
  }

  const caBundleBytes = typeof spec.caBundle === 'string' ? decodedLength(spec.caBundle) : 0;
  const insecureSkipTLSVerify = spec.insecureSkipTLSVerify === true;
  const service = serviceOf(obj);
  if (!service) {
    if (caBundleBytes !== 0) errs.push(invalid('spec.caBundle', `${caBundleBytes} bytes`, 'local APIServices may not have a caBundle'));
    if (insecureSkipTLSVerify) {
      errs.push(invalid('spec.insecureSkipTLSVerify', true, 'local APIServices may not have insecureSkipTLSVerify'));
    }
    return errs;
  }

  if (!str(service.namespace)) errs.push(required('spec.service.namespace'));
  if (!str(service.name)) errs.push(required('spec.service.name'));
  // Defaulting has run, so an absent port is already 443; only an explicit bad value fails.
  const port = service.port ?? 443;
  if (port < 1 || port > 65535) errs.push(invalid('spec.service.port', port, portError));
  if (insecureSkipTLSVerify && caBundleBytes > 0) {
    errs.push(invalid('spec.insecureSkipTLSVerify', true, 'may not be true if caBundle is present'));
  }
  return errs;
}

const fieldImmutable = 'field is immutable';

/** ValidateObjectMetaUpdate, for the fields a client can send. */
function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof meta.generation === 'number' && typeof old.generation === 'number' && meta.generation < old.generation) {
    errs.push(invalid('metadata.generation', meta.generation, 'must not be decremented'));
  }
  const immutable: (keyof ObjectMeta)[] = ['name', 'uid', 'creationTimestamp', 'deletionTimestamp'];
  for (const key of immutable) {
    const now = meta[key] ?? '';
    const before = old[key] ?? '';
    // The apiserver copies uid/creationTimestamp from the stored object when a client omits them.
    if ((key === 'uid' || key === 'creationTimestamp') && now === '') continue;
    if (now !== before) errs.push(invalid(`metadata.${String(key)}`, now, fieldImmutable));
  }
  errs.push(...validateLabelsAndAnnotations(meta));
  return errs;
}

/**
 * ValidateAPIServiceUpdate: metadata update rules first, then every create rule again — which is
 * what makes spec.group and spec.version effectively immutable (the name must still match).
 */
export function validateAPIServiceUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {}), ...validateAPIService(obj)];
}

/** ValidateAPIServiceStatusUpdate: metadata update rules and known condition statuses. */
export function validateAPIServiceStatusUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {});
  conditionsOf(obj).forEach((c, i) => {
    const status = isObject(c) ? c.status : undefined;
    if (status !== 'True' && status !== 'False' && status !== 'Unknown') {
      errs.push(notSupported(`status.conditions[${i}].status`, status ?? '', ['True', 'False', 'Unknown']));
    }
  });
  return errs;
}
