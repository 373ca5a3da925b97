// The patches client-side apply computes (apimachinery's strategicpatch.CreateThreeWayMergePatch
// and jsonmergepatch.CreateThreeWayJSONMergePatch): additions and changes from the live object
// to the new configuration, plus deletions of fields the last-applied configuration had and
// the new one dropped. Lists with a merge key are diffed item by item with `$setElementOrder`.

import { deepEqual } from '../../lib/deep_equal.ts';
import { goSprint } from '../gofmt.ts';
import type { PatchSchema } from './openapi.ts';

type JSONMap = Record<string, unknown>;

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
  retainKeys?: boolean;
}

/** A patch that cannot be computed, worded as strategicpatch's errors. */
export class PatchComputeError extends Error {}

const isMap = (v: unknown): v is JSONMap => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function fieldMeta(schema: PatchSchema | undefined, key: string) {
  const f = schema?.field(key);
  const strategies = (f?.strategy ?? '').split(',');
  return {
    schema: f?.schema,
    merge: strategies.includes('merge'),
    replace: strategies.includes('replace'),
    retainKeys: strategies.includes('retainKeys'),
    mergeKey: f?.mergeKey ?? '',
  };
}

function diffMaps(original: JSONMap, modified: JSONMap, schema: PatchSchema | undefined, opts: DiffOptions): JSONMap {
  const patch: JSONMap = {};
  for (const [key, mod] of Object.entries(modified)) {
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const orig = original[key];
    if (kindOf(orig) !== kindOf(mod)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    if (isMap(orig) && isMap(mod)) {
      const meta = fieldMeta(schema, key);
      if (meta.replace) {
        if (!opts.ignoreChangesAndAdditions && !deepEqual(orig, mod)) patch[key] = mod;
        continue;
      }
      const value = diffMaps(orig, mod, meta.schema, { ...opts, retainKeys: meta.retainKeys });
      if (Object.keys(value).length > 0) patch[key] = value;
    } else if (Array.isArray(orig) && Array.isArray(mod)) {
      diffSlice(key, orig, mod, patch, schema, opts);
    } else if (!opts.ignoreChangesAndAdditions && !deepEqual(orig, mod)) {
      patch[key] = mod;
    }
  }
  if (!opts.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  if (opts.retainKeys && Object.keys(patch).length > 0) patch.$retainKeys = Object.keys(modified).sort();
  return patch;
}

function diffSlice(key: string, orig: unknown[], mod: unknown[], patch: JSONMap, schema: PatchSchema | undefined, opts: DiffOptions): void {
  const meta = fieldMeta(schema, key);
  if (!meta.merge) {
    if (!opts.ignoreChangesAndAdditions && !deepEqual(orig, mod)) patch[key] = mod;
    return;
  }
  requireOneElementType(orig, mod);
  const sample = orig[0] ?? mod[0];
  const itemSchema = meta.schema?.items();
  if (isMap(sample) && meta.mergeKey) {
    const k = meta.mergeKey;
    const keyOf = (v: unknown) => (isMap(v) ? JSON.stringify(v[k]) : JSON.stringify(v));
    const origByKey = new Map(orig.map((v) => [keyOf(v), v]));
    const modKeys = new Set(mod.map(keyOf));
    const changes: unknown[] = [];
    for (const m of mod) {
      const o = origByKey.get(keyOf(m));
      if (o === undefined) {
        if (!opts.ignoreChangesAndAdditions) changes.push(m);
        continue;
      }
      const value = diffMaps(o as JSONMap, m as JSONMap, itemSchema, { ...opts, retainKeys: false });
      if (Object.keys(value).length > 0) changes.push({ ...value, [k]: (m as JSONMap)[k] });
    }
    const deletions = opts.ignoreDeletions
      ? []
      : orig.filter((o) => !modKeys.has(keyOf(o))).map((o) => ({ [k]: (o as JSONMap)[k], $patch: 'delete' }));
    const list = [...changes, ...deletions];
    const origOrder = orig.filter((o) => modKeys.has(keyOf(o))).map(keyOf);
    const modOrder = mod.filter((m) => origByKey.has(keyOf(m))).map(keyOf);
    const orderSame = deepEqual(origOrder, modOrder);
    if (list.length > 0) patch[key] = list;
    if ((!opts.ignoreChangesAndAdditions && (list.length > 0 || !orderSame)) || (!opts.ignoreDeletions && list.length > 0)) {
      patch[`$setElementOrder/${key}`] = mod.map((m) => ({ [k]: (m as JSONMap)[k] }));
    }
    return;
  }
  // A merged list of scalars: additions in the list, removals in a parallel directive.
  const additions = opts.ignoreChangesAndAdditions ? [] : mod.filter((m) => !orig.some((o) => deepEqual(o, m)));
  const removals = opts.ignoreDeletions ? [] : orig.filter((o) => !mod.some((m) => deepEqual(o, m)));
  if (additions.length > 0) patch[key] = additions;
  if (removals.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = removals;
  if ((!opts.ignoreDeletions && removals.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(orig, mod))) {
    patch[`$setElementOrder/${key}`] = mod;
  }
}

/** strategicpatch's sliceElementType: a merged list's items must all be of one type, and not lists. */
function requireOneElementType(...lists: unknown[][]): void {
  let first: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      const kind = kindOf(item);
      if (first === undefined) {
        first = kind;
        if (kind === 'array') throw new PatchComputeError('lists of lists are not supported');
      } else if (kind !== first) {
        throw new PatchComputeError(`list element types are not identical: ${goSprint(lists)}`);
      }
    }
  }
}

/** Merges the additions/changes patch into the deletions patch (strategicpatch's mergeMap of two patches). */
function mergePatches(base: JSONMap, over: JSONMap, schema: PatchSchema | undefined): JSONMap {
  const out: JSONMap = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    if (isMap(current) && isMap(value)) {
      out[key] = mergePatches(current, value, fieldMeta(schema, key).schema);
    } else if (Array.isArray(current) && Array.isArray(value) && !key.startsWith('$')) {
      const meta = fieldMeta(schema, key);
      if (meta.merge && meta.mergeKey) {
        const k = meta.mergeKey;
        const merged = [...current];
        for (const item of value) {
          const i = merged.findIndex((m) => isMap(m) && isMap(item) && deepEqual(m[k], item[k]));
          if (i >= 0) merged[i] = mergePatches(merged[i] as JSONMap, item as JSONMap, meta.schema?.items());
          else merged.push(item);
        }
        out[key] = merged;
      } else out[key] = value;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** strategicpatch.CreateThreeWayMergePatch with overwrite: the patch client-side apply sends. */
export function threeWayStrategicMergePatch(original: JSONMap, modified: JSONMap, current: JSONMap, schema: PatchSchema | undefined): JSONMap {
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffMaps(original, modified, schema, { ignoreDeletions: false, ignoreChangesAndAdditions: true });
  return mergePatches(deletions, delta, schema);
}

/** RFC 7386 diff: what turns `a` into `b`. */
function createMergePatch(a: JSONMap, b: JSONMap): JSONMap {
  const patch: JSONMap = {};
  for (const [key, value] of Object.entries(b)) {
    if (!(key in a)) patch[key] = value;
    else if (isMap(a[key]) && isMap(value)) {
      const sub = createMergePatch(a[key] as JSONMap, value);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (!deepEqual(a[key], value)) patch[key] = value;
  }
  for (const key of Object.keys(a)) if (!(key in b)) patch[key] = null;
  return patch;
}

/** Keeps only the null leaves (deletions) or only the non-null ones. */
function keepNulls(patch: JSONMap, nulls: boolean): JSONMap {
  const out: JSONMap = {};
  for (const [key, value] of Object.entries(patch)) {
    if (isMap(value) && Object.keys(value).length === 0) {
      // An explicitly empty map is a value, not an empty patch.
      if (!nulls) out[key] = value;
    } else if (isMap(value)) {
      const sub = keepNulls(value, nulls);
      if (Object.keys(sub).length > 0) out[key] = sub;
    } else if ((value === null) === nulls) out[key] = value;
  }
  return out;
}

/** jsonmergepatch.CreateThreeWayJSONMergePatch: for kinds kubectl has no Go type for (custom resources). */
export function threeWayJSONMergePatch(original: JSONMap, modified: JSONMap, current: JSONMap): JSONMap {
  const addAndChange = keepNulls(createMergePatch(current, modified), false);
  const deletions = keepNulls(createMergePatch(original, modified), true);
  return mergePatches(deletions, addAndChange, undefined);
}
