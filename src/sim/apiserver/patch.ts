// The patch types the apiserver accepts: JSON merge patch (RFC 7386), strategic merge patch
// (list merge by key, with the directives kubectl apply sends), and JSON patch (RFC 6902).

import { JsonPatchError, jsonMergePatch, jsonPatch } from '../../lib/json_patch.ts';
import { clone, isObject, type JsonObject } from '../types.ts';

/** Which lists merge by key, as the Go struct tags (patchMergeKey) of the kinds we serve declare. */
function mergeKeyFor(path: string[]): string | 'set' | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
    case 'env':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'hostAliases':
      return 'ip';
    case 'ownerReferences':
      return 'uid';
    case 'conditions':
      return 'type';
    case 'finalizers':
      return 'set';
    case 'ports':
      // Container ports merge on containerPort; a Service's ports on port. Endpoint ports replace.
      if (parent === 'containers' || parent === 'initContainers' || parent === 'ephemeralContainers') return 'containerPort';
      if (path.length === 2 && path[0] === 'spec') return 'port';
      return undefined;
    default:
      return undefined;
  }
}

export function strategicMergePatch(target: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isObject(patch)) return clone(patch);
  const directive = patch['$patch'];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _, ...rest } = patch;
    return clone(rest);
  }
  const out: JsonObject = isObject(target) ? { ...target } : {};
  const retainKeys = patch['$retainKeys'];
  if (Array.isArray(retainKeys)) {
    for (const k of Object.keys(out)) if (!retainKeys.includes(k)) delete out[k];
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(v)) out[field] = (out[field] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    const childPath = [...path, k];
    if (v === null) {
      delete out[k];
    } else if (Array.isArray(v)) {
      const merged = mergeList(out[k], v, childPath);
      const order = patch[`$setElementOrder/${k}`];
      out[k] = Array.isArray(order) ? orderList(merged, order, mergeKeyFor(childPath)) : merged;
    } else if (isObject(v)) {
      const merged = strategicMergePatch(out[k], v, childPath);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else {
      out[k] = v;
    }
  }
  return out;
}

function mergeList(current: unknown, patch: unknown[], path: string[]): unknown[] {
  const key = mergeKeyFor(path);
  if (!key) return clone(patch).filter((e) => !(isObject(e) && e['$patch'] === 'delete'));
  const base = Array.isArray(current) ? [...current] : [];
  if (key === 'set') {
    for (const v of patch) if (!base.includes(v)) base.push(v);
    return base;
  }
  for (const item of patch) {
    if (!isObject(item)) continue;
    const idx = base.findIndex((b) => isObject(b) && b[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (idx >= 0) base.splice(idx, 1);
      continue;
    }
    if (idx >= 0) base[idx] = strategicMergePatch(base[idx], item, path);
    else base.push(strategicMergePatch(undefined, item, path));
  }
  return base;
}

/** Honour `$setElementOrder`: listed elements first, in the given order, then the rest. */
function orderList(list: unknown[], order: unknown[], key: string | 'set' | undefined): unknown[] {
  if (!key) return list;
  const id = (e: unknown) => (key === 'set' ? e : isObject(e) ? e[key] : e);
  const orderIds = order.map((o) => (key === 'set' ? o : isObject(o) ? o[key] : o));
  const ranked = list.map((e, i) => ({ e, rank: orderIds.indexOf(id(e)), i }));
  ranked.sort((a, b) => (a.rank < 0 ? 1e9 + a.i : a.rank) - (b.rank < 0 ? 1e9 + b.i : b.rank));
  return ranked.map((r) => r.e);
}

export { JsonPatchError, jsonMergePatch, jsonPatch };
