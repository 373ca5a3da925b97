// The patch types the apiserver accepts: JSON merge patch (RFC 7386), strategic merge patch
// (list merge by key, with the directives kubectl apply sends), and JSON patch (RFC 6902).

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

export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
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

export class JsonPatchError extends Error {}

function pointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${p}`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JsonPatchError('json patch must be an array of operations');
  let doc = clone(target);
  const get = (parts: string[]) => parts.reduce<unknown>((cur, p) => (cur as Record<string, unknown> | undefined)?.[p], doc);
  const parentOf = (parts: string[]) => {
    const parent = get(parts.slice(0, -1));
    if (typeof parent !== 'object' || parent === null) throw new JsonPatchError(`missing path: /${parts.join('/')}`);
    return parent as Record<string, unknown> | unknown[];
  };
  const add = (parts: string[], value: unknown) => {
    if (parts.length === 0) return void (doc = value);
    const parent = parentOf(parts);
    const last = parts[parts.length - 1];
    if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    else parent[last] = value;
  };
  const remove = (parts: string[]) => {
    const parent = parentOf(parts);
    const last = parts[parts.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else {
      if (!(last in parent)) throw new JsonPatchError(`unable to remove nonexistent key: ${last}`);
      delete parent[last];
    }
  };
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') throw new JsonPatchError('invalid operation');
    const parts = pointer(op.path);
    switch (op.op) {
      case 'add':
        add(parts, clone(op.value));
        break;
      case 'remove':
        remove(parts);
        break;
      case 'replace':
        remove(parts);
        add(parts, clone(op.value));
        break;
      case 'test':
        if (JSON.stringify(get(parts)) !== JSON.stringify(op.value)) throw new JsonPatchError(`testing value /${parts.join('/')} failed`);
        break;
      case 'move':
      case 'copy': {
        const from = pointer(String(op.from));
        const value = clone(get(from));
        if (op.op === 'move') remove(from);
        add(parts, value);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}
