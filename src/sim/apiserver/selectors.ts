// Label and field selectors as apimachinery parses them (labels.Parse, fields.ParseSelector).

import { badRequest } from '../errors.ts';
import type { KubeObject } from '../types.ts';

type Requirement =
  | { op: 'exists' | '!'; key: string }
  | { op: '=' | '!='; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] };

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

const keyPattern = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function parseRequirement(term: string, whole: string): Requirement {
  let m = /^!\s*(\S+)$/.exec(term);
  if (m) return { op: '!', key: m[1] };
  m = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (m) return { op: m[2] as 'in' | 'notin', key: m[1], values: m[3].split(',').map((v) => v.trim()) };
  m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
  if (m) return { op: m[2] === '!=' ? '!=' : '=', key: m[1], value: m[3].trim() };
  if (keyPattern.test(term)) return { op: 'exists', key: term };
  throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt (selector "${whole}")`);
}

export function parseLabelSelector(s: string | null): Selector {
  if (!s || !s.trim()) return () => true;
  const reqs = splitTerms(s).map((t) => parseRequirement(t, s));
  return (labels) => {
    const l = labels ?? {};
    return reqs.every((r) => {
      const has = Object.prototype.hasOwnProperty.call(l, r.key);
      switch (r.op) {
        case 'exists':
          return has;
        case '!':
          return !has;
        case '=':
          return has && l[r.key] === r.value;
        case '!=':
          return !has || l[r.key] !== r.value;
        case 'in':
          return has && r.values.includes(l[r.key]);
        case 'notin':
          return !has || !r.values.includes(l[r.key]);
      }
    });
  };
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
