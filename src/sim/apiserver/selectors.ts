// Label and field selectors as apimachinery parses them (labels.Parse, in src/lib; fields.ParseSelector).

import { badRequest } from '../errors.ts';
import type { KubeObject } from '../types.ts';
import { matchesSelector, parseSelector, type Requirement } from '../../lib/label_selector.ts';

export type Selector = (labels: Record<string, string> | undefined) => boolean;

/** Split on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

/** The labelSelector parameter: labels.Parse's requirements, its error a BadRequest naming the selector. */
export function parseLabelSelector(s: string | null): Selector {
  if (!s || !s.trim()) return () => true;
  let requirements: Requirement[];
  try {
    requirements = parseSelector(s);
  } catch (e) {
    throw badRequest(`${(e as Error).message} (selector "${s}")`);
  }
  return (labels) => matchesSelector(requirements, labels ?? {});
}

/** Read a dotted field path such as `involvedObject.name` or `metadata.namespace`. */
function fieldValue(obj: KubeObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[part];
    else return '';
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

export type FieldSelector = (obj: KubeObject) => boolean;

/** `a=b,c!=d`: equality only, on the fields a kind supports. */
export function parseFieldSelector(s: string | null, supported: (field: string) => boolean): FieldSelector {
  if (!s || !s.trim()) return () => true;
  const terms = splitTerms(s).map((t) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(t);
    if (!m) throw badRequest(`invalid selector: '${s}'; can't understand '${t}'`);
    const field = m[1].trim();
    if (!supported(field)) throw badRequest(`field label not supported: ${field}`);
    return { field, negate: m[2] === '!=', value: m[3].trim() };
  });
  return (obj) => terms.every((t) => (fieldValue(obj, t.field) === t.value) !== t.negate);
}
