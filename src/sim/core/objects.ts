// Small helpers over the JSON shapes of built-in objects: typed field access, key order as the
// Go structs marshal them, and label selectors as apimachinery evaluates and prints them.

import { isObject, type JsonObject, type KubeObject } from '../types.ts';


/** A nested object field, created empty when absent. */
export function objectField(parent: JsonObject, key: string): JsonObject {
  const v = parent[key];
  if (isObject(v)) return v;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

export const objectOf = (v: unknown): JsonObject => (isObject(v) ? v : {});
export const arrayOf = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
export const stringOf = (v: unknown): string => (typeof v === 'string' ? v : '');
export const numberOf = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);
export const stringMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
};

export const specOf = (obj: KubeObject): JsonObject => objectOf(obj.spec);
export const statusOf = (obj: KubeObject): JsonObject => objectOf(obj.status);

/**
 * Rewrite an object's keys in the order its Go struct declares them, as encoding/json writes
 * them; keys the order does not know keep their place after the known ones.
 */
export function orderKeys(obj: JsonObject, order: readonly string[]): JsonObject {
  const entries = Object.entries(obj);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const k of order) {
    const e = entries.find(([key]) => key === k);
    if (e && e[1] !== undefined) obj[k] = e[1];
  }
  for (const [k, v] of entries) if (!(k in obj) && v !== undefined) obj[k] = v;
  return obj;
}

/** Set a key only when it is absent (Go's `if x == nil { x = default }`). */
export function defaultTo(obj: JsonObject, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** metav1.LabelSelectorAsSelector then Matches: a nil selector matches nothing, an empty one everything. */
export function selectorMatches(selector: unknown, labels: Record<string, string> | undefined): boolean {
  if (!isObject(selector)) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(stringMap(selector.matchLabels))) if (l[k] !== v) return false;
  for (const req of arrayOf(selector.matchExpressions)) {
    const key = stringOf(req.key);
    const values = Array.isArray(req.values) ? req.values.map(String) : [];
    const has = Object.prototype.hasOwnProperty.call(l, key);
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(l[key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Service's map selector (labels.SelectorFromSet). */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** labels.Selector.String() of a metav1.LabelSelector: requirements sorted by key. Nil → "". */
export function labelSelectorString(selector: unknown): string {
  if (!isObject(selector)) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(stringMap(selector.matchLabels))) reqs.push({ key: k, text: `${k}=${v}` });
  for (const req of arrayOf(selector.matchExpressions)) {
    const key = stringOf(req.key);
    const values = (Array.isArray(req.values) ? req.values.map(String) : []).sort(byteOrder);
    const text =
      req.operator === 'In'
        ? `${key} in (${values.join(',')})`
        : req.operator === 'NotIn'
          ? `${key} notin (${values.join(',')})`
          : req.operator === 'Exists'
            ? key
            : `!${key}`;
    reqs.push({ key, text });
  }
  return reqs
    .sort((a, b) => byteOrder(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: `<none>` when the selector selects everything or is missing. */
export function formatLabelSelector(selector: unknown): string {
  return labelSelectorString(selector) || '<none>';
}

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** The owner reference a controller sets on what it creates. */
export function controllerRef(owner: KubeObject): JsonObject {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** metav1.GetControllerOf: the owner reference marked controller, if any. */
export function controllerOf(obj: KubeObject): JsonObject | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller === true) as JsonObject | undefined;
}

export const isOwnedBy = (obj: KubeObject, owner: KubeObject) => controllerOf(obj)?.uid === owner.metadata.uid;
