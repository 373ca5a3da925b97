// kube-aggregator's pkg/registry/apiservice/strategy.go (apiServerStrategy and
// apiServerStatusStrategy), v1 defaulting (SetDefaults_ServiceReference), and the field order
// the real server serializes an APIService in (Go struct order, omitempty applied), so that a
// stored object JSON.stringifies exactly as kube-apiserver writes it.

import { isObject, type KubeObject, type ObjectMeta } from '../types.ts';
import { metadataOrder } from '../apiserver/serialize.ts';
import { newCondition, newLocalAvailableAPIServiceCondition, serviceOf, type APIServiceCondition } from './helpers.ts';

/** SetDefaults_ServiceReference: a service without a port talks to 443. */
export function setDefaults(obj: KubeObject): void {
  const service = serviceOf(obj);
  if (service && (service.port === undefined || service.port === null)) service.port = 443;
}


// Written by the store after the strategy runs: reserving their places keeps the Go order when
// the store fills them in (JSON.stringify skips the undefined placeholders).
const serverSetMeta = new Set(['uid', 'resourceVersion', 'creationTimestamp']);

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  v === false ||
  v === 0 ||
  (Array.isArray(v) && v.length === 0) ||
  (isObject(v) && Object.keys(v).length === 0);

function orderedMeta(meta: ObjectMeta): ObjectMeta {
  const out: Record<string, unknown> = {};
  for (const key of metadataOrder) {
    const value = meta[key];
    // A pointer field: omitempty drops only nil, so an explicit 0 stays.
    if (key === 'deletionGracePeriodSeconds' ? value !== undefined && value !== null : !isEmpty(value)) out[key] = value;
    else if (serverSetMeta.has(key)) out[key] = undefined;
  }
  return out as ObjectMeta;
}

function orderedSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isObject(spec.service)) {
    const s = spec.service;
    const service: Record<string, unknown> = {};
    if (!isEmpty(s.namespace)) service.namespace = s.namespace;
    if (!isEmpty(s.name)) service.name = s.name;
    if (s.port !== undefined && s.port !== null) service.port = s.port;
    out.service = service;
  }
  for (const key of ['group', 'version', 'insecureSkipTLSVerify', 'caBundle']) if (!isEmpty(spec[key])) out[key] = spec[key];
  // No omitempty on the priorities: they always appear, 0 when unset.
  out.groupPriorityMinimum = typeof spec.groupPriorityMinimum === 'number' ? spec.groupPriorityMinimum : 0;
  out.versionPriority = typeof spec.versionPriority === 'number' ? spec.versionPriority : 0;
  return out;
}

function orderedStatus(status: unknown): Record<string, unknown> {
  const conditions = isObject(status) && Array.isArray(status.conditions) ? (status.conditions as APIServiceCondition[]) : [];
  return conditions.length > 0 ? { conditions: conditions.map(newCondition) } : {};
}

/**
 * The object with its keys in the order kube-apiserver writes an APIService:
 * kind, apiVersion, metadata (ObjectMeta order), spec (service, group, version,
 * insecureSkipTLSVerify, caBundle, groupPriorityMinimum, versionPriority), status ({} when empty).
 */
export function canonicalAPIService(obj: KubeObject): KubeObject {
  const out: KubeObject = {
    kind: obj.kind,
    apiVersion: obj.apiVersion,
    metadata: orderedMeta(obj.metadata ?? {}),
  };
  if (out.kind === undefined) delete (out as Partial<KubeObject>).kind;
  if (out.apiVersion === undefined) delete (out as Partial<KubeObject>).apiVersion;
  out.spec = orderedSpec(isObject(obj.spec) ? obj.spec : {});
  out.status = orderedStatus(obj.status);
  return out;
}

/** Replace `obj`'s contents in place (the ResourceType hooks mutate the object they are given). */
function replaceContents(obj: KubeObject, next: KubeObject): void {
  for (const key of Object.keys(obj)) delete obj[key];
  Object.assign(obj, next);
}

/**
 * apiServerStrategy.PrepareForCreate (and rest.BeforeCreate's namespace clearing for a
 * cluster-scoped kind): the client's status is discarded; a Local APIService is Available at once.
 */
export function prepareForCreate(obj: KubeObject, now: string): void {
  if (obj.metadata) delete obj.metadata.namespace;
  obj.status = serviceOf(obj) ? {} : { conditions: [newLocalAvailableAPIServiceCondition(now)] };
  replaceContents(obj, canonicalAPIService(obj));
}

/** apiServerStrategy.PrepareForUpdate: status only changes through /status. */
export function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  if (obj.metadata) delete obj.metadata.namespace;
  obj.status = structuredClone(old.status ?? {});
  replaceContents(obj, canonicalAPIService(obj));
}

/** apiServerStatusStrategy.PrepareForUpdate: a /status write keeps spec, labels, annotations, finalizers, ownerReferences. */
export function prepareForStatusUpdate(obj: KubeObject, old: KubeObject): void {
  obj.spec = structuredClone(old.spec);
  const meta: Record<string, unknown> = { ...(obj.metadata ?? {}) };
  for (const key of ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const) {
    if (old.metadata[key] === undefined) delete meta[key];
    else meta[key] = structuredClone(old.metadata[key]);
  }
  obj.metadata = meta as ObjectMeta;
  replaceContents(obj, canonicalAPIService(obj));
}
