// kubectl get --sort-by=PATH: list items (SortObjects) or Table rows (TableSorter) ordered by
// the first value the JSONPath finds in each object, compared as kubectl's isLess does, with
// Go's unstable sort so that equal keys come out in the order kubectl prints them.

import { compareQuantities, parseQuantity } from '../quantity.ts';
import { FatalError, KubectlError } from '../rest/errors.ts';
import { relaxedJSONPath } from './custom_columns.ts';
import { goSort, naturalLess } from './go_sort.ts';
import { findJSONPathResults, parseJSONPathTemplate } from './jsonpath.ts';

/** Where kubectl's sorter stops on an unsortable value: RuntimeSort.Less (lists) or TableSorter.Less (tables). */
type Sorter = 'objects' | 'table';

/** isLess for the decoded JSON values Unstructured objects hold; maps and slices are unsortable (klog.Fatalf). */
function isLess(a: unknown, b: unknown, field: string, sorter: Sorter): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa && qb) return compareQuantities(qa, qb) < 0;
    return naturalLess(a, b);
  }
  const goType = Array.isArray(a) ? '[]interface {}' : typeof a === 'object' ? 'map[string]interface {}' : typeof a === 'boolean' ? 'bool' : typeof a;
  const [source, container] = sorter === 'table' ? ['sorter.go:375', '[][][]reflect.Value'] : ['sorter.go:329', '*unstructured.Unstructured'];
  throw new FatalError(source, `Field ${field} in ${container} is an unsortable type: interface, err: unsortable type: ${goType}`);
}

/** The first value for each object; undefined where the path finds nothing. */
function sortKeys(objects: unknown[], field: string): (unknown[] | undefined)[] {
  const template = parseJSONPathTemplate(field);
  return objects.map((o) => {
    const results = findJSONPathResults(template, o);
    return results.length === 0 || results[0]!.length === 0 ? undefined : results[0];
  });
}

/** Reorders `items` in place by the keys, as RuntimeSort and TableSorter do (missing keys first). */
function sortByKeys<T>(items: T[], keys: (unknown[] | undefined)[], field: string, sorter: Sorter): void {
  goSort({
    len: () => items.length,
    less: (i, j) => {
      if (keys[i] === undefined) return true;
      if (keys[j] === undefined) return false;
      return isLess(keys[i]![0], keys[j]![0], field, sorter);
    },
    swap: (i, j) => {
      [items[i], items[j]] = [items[j]!, items[i]!];
      [keys[i], keys[j]] = [keys[j], keys[i]];
    },
  });
}

/** SortObjects: the items of a list, refused when no item has the field at all. */
export function sortObjects<T>(items: T[], fieldInput: string): void {
  if (items.length === 0) return;
  const field = relaxedJSONPath(fieldInput);
  const keys = sortKeys(items, field);
  if (keys.every((k) => k === undefined)) throw new KubectlError(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  sortByKeys(items, keys, field, 'objects');
}

/** TableSorter over the full objects the rows carry (includeObject=Object); false when it cannot sort, fatal on an unsortable value. */
export function sortTableRows<T extends { object?: unknown }>(rows: T[], fieldInput: string): boolean {
  if (rows.length <= 1) return true;
  let field: string;
  let keys: (unknown[] | undefined)[];
  try {
    field = relaxedJSONPath(fieldInput);
    keys = sortKeys(rows.map((r) => r.object), field);
  } catch {
    return false;
  }
  if (keys.every((k) => k === undefined)) return false;
  sortByKeys(rows, keys, field, 'table');
  return true;
}
