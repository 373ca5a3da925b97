// Objects on the wire in the order the real apiserver writes them: built-in kinds are Go structs
// (kind, apiVersion, metadata in ObjectMeta field order, then spec and status); custom resources
// are unstructured maps, whose keys encoding/json sorts.

import { isObject, type KubeObject } from '../types.ts';

/** metav1.ObjectMeta's field order: how Go writes an object's metadata. */
export const metadataOrder = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

const sortedMap = (m: unknown) => (isObject(m) ? Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : m);

function orderMetadata(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of metadataOrder) if (meta[k] !== undefined) out[k] = meta[k];
  // Go writes maps with sorted keys.
  if (out.labels) out.labels = sortedMap(out.labels);
  if (out.annotations) out.annotations = sortedMap(out.annotations);
  for (const [k, v] of Object.entries(meta)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeysDeep(v[k]);
  return out;
}

/** A stored object as a response body. */
export function wireObject(obj: KubeObject, custom: boolean): KubeObject {
  if (custom) return sortKeysDeep(obj) as KubeObject;
  const { kind, apiVersion, metadata, ...rest } = obj;
  return { kind, apiVersion, metadata: orderMetadata(metadata), ...rest } as KubeObject;
}

/** A list item: built-in lists leave out each item's kind and apiVersion; custom ones keep them. */
export function wireListItem(obj: KubeObject, custom: boolean): unknown {
  if (custom) return sortKeysDeep(obj);
  const { kind: _k, apiVersion: _a, metadata, ...rest } = obj;
  return { metadata: orderMetadata(metadata), ...rest };
}

/** The metadata a Table row carries by default (includeObject=Metadata). */
export function partialObjectMetadata(obj: KubeObject): unknown {
  const { managedFields: _m, ...meta } = obj.metadata;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: orderMetadata(meta) };
}
