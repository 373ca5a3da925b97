// Strategic merge patch (apimachinery's strategicpatch.StrategicMergePatch), shared by the
// apiserver (PATCH with application/strategic-merge-patch+json) and kubectl (`patch --local`,
// `--dry-run=client`): maps merge as in a JSON merge patch, lists with a merge key merge item by
// item, lists of scalars with the merge strategy merge as sets, other lists are replaced; with the
// directives kubectl apply sends ($patch, $retainKeys, $setElementOrder, $deleteFromPrimitiveList).
// Which lists merge by which key is the kind's business: each side passes its own lookup.

type JSONMap = Record<string, unknown>;

/** A merged list of scalars (patchStrategy merge without a merge key, as `finalizers`). */
export const mergeAsSet = Symbol('set');

/** The patch metadata of one map in the object: how its lists merge, and the maps below it. */
export interface MergeKeys {
  /** The merge key of the list in field `name`, `mergeAsSet`, or undefined when the list is replaced. */
  list(name: string): string | typeof mergeAsSet | undefined;
  /** The metadata of the map in field `name`, or of the items of the list there. */
  field(name: string): MergeKeys;
}

const isMap = (v: unknown): v is JSONMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** The patched object; undefined when the patch deletes it (`$patch: delete`). */
export function strategicMergePatch(target: unknown, patch: unknown, keys: MergeKeys): unknown {
  if (!isMap(patch)) return copy(patch);
  const directive = patch['$patch'];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _, ...rest } = patch;
    return copy(rest);
  }
  const out: JSONMap = isMap(target) ? { ...target } : {};
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
    if (v === null) {
      delete out[k];
    } else if (Array.isArray(v)) {
      const key = keys.list(k);
      const merged = mergeList(out[k], v, key, keys.field(k));
      const order = patch[`$setElementOrder/${k}`];
      out[k] = Array.isArray(order) ? orderList(merged, order, key) : merged;
    } else if (isMap(v)) {
      const merged = strategicMergePatch(out[k], v, keys.field(k));
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else {
      out[k] = v;
    }
  }
  return out;
}

function mergeList(current: unknown, patch: unknown[], key: string | typeof mergeAsSet | undefined, items: MergeKeys): unknown[] {
  if (key === undefined) return copy(patch).filter((e) => !(isMap(e) && e['$patch'] === 'delete'));
  const base = Array.isArray(current) ? [...current] : [];
  if (key === mergeAsSet) {
    for (const v of patch) if (!base.includes(v)) base.push(v);
    return base;
  }
  for (const item of patch) {
    if (!isMap(item)) continue;
    const idx = base.findIndex((b) => isMap(b) && b[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (idx >= 0) base.splice(idx, 1);
      continue;
    }
    if (idx >= 0) base[idx] = strategicMergePatch(base[idx], item, items);
    else base.push(strategicMergePatch(undefined, item, items));
  }
  return base;
}

/** Honour `$setElementOrder`: listed elements first, in the given order, then the rest. */
function orderList(list: unknown[], order: unknown[], key: string | typeof mergeAsSet | undefined): unknown[] {
  if (key === undefined) return list;
  const id = (e: unknown) => (key === mergeAsSet ? e : isMap(e) ? e[key] : e);
  const orderIds = order.map(id);
  const ranked = list.map((e, i) => ({ e, rank: orderIds.indexOf(id(e)), i }));
  ranked.sort((a, b) => (a.rank < 0 ? 1e9 + a.i : a.rank) - (b.rank < 0 ? 1e9 + b.i : b.rank));
  return ranked.map((r) => r.e);
}
