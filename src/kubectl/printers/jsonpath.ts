// kubectl -o jsonpath=TEMPLATE (client-go util/jsonpath): text, `{.field.path}`, `[n]`, `[*]`,
// `[a:b]`, `..name`, `['key']`, `[?(@.x=="y")]`, `{range ...}{end}`, and `{"literal"}`.
// Maps and lists print as compact JSON, scalars as Go's fmt prints them, results separated by
// a space. Missing keys print nothing (kubectl's --allow-missing-template-keys=true).

import { goSprint } from '../gofmt.ts';
import { goJSONString, goNumber } from './json.ts';
import { KubectlError } from '../rest/errors.ts';

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string }
  | { kind: 'index'; start?: number; end?: number; single: boolean }
  | { kind: 'wildcard' }
  | { kind: 'filter'; path: Step[]; op?: string; value?: unknown };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; steps: Step[]; root: boolean }
  | { kind: 'literal'; text: string }
  | { kind: 'range'; steps: Step[]; body: Node[] };

export interface JSONPathTemplate {
  source: string;
  nodes: Node[];
}

function parsePath(expr: string, source: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const fail = () => new KubectlError(`error parsing jsonpath ${source}, unrecognized character in action: U+0022 '"'`);
  if (expr[i] === '$' || expr[i] === '@') i++;
  while (i < expr.length) {
    if (expr.startsWith('..', i)) {
      i += 2;
      const m = /^[A-Za-z0-9_\-/]+/.exec(expr.slice(i));
      steps.push({ kind: 'recursive', name: m ? m[0] : '' });
      i += m ? m[0].length : 0;
    } else if (expr[i] === '.') {
      i++;
      if (expr[i] === '*') {
        steps.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      const m = /^[A-Za-z0-9_\-/]*/.exec(expr.slice(i))!;
      if (m[0] !== '') steps.push({ kind: 'field', name: m[0] });
      i += m[0].length;
    } else if (expr[i] === '[') {
      const close = matchingBracket(expr, i);
      const inner = expr.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === '*') steps.push({ kind: 'wildcard' });
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ kind: 'field', name: inner.slice(1, -1) });
      else if (inner.startsWith('?(') && inner.endsWith(')')) steps.push(parseFilter(inner.slice(2, -1), source));
      else if (/^-?\d*(:-?\d*)?(:-?\d*)?$/.test(inner)) {
        const [a, b] = inner.split(':');
        if (!inner.includes(':')) steps.push({ kind: 'index', start: Number(a), single: true });
        else steps.push({ kind: 'index', start: a ? Number(a) : undefined, end: b ? Number(b) : undefined, single: false });
      } else throw fail();
    } else if (expr[i] === ' ') {
      i++;
    } else throw fail();
  }
  return steps;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new KubectlError(`error parsing jsonpath {${s}}, unclosed array expect ]`);
}

function parseFilter(body: string, source: string): Step {
  const m = /^\s*(@[^<>=!\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+?)\s*$/.exec(body);
  if (!m) return { kind: 'filter', path: parsePath(body.trim(), source) };
  const raw = m[3]!;
  let value: unknown = raw;
  if (/^'.*'$|^".*"$/.test(raw)) value = raw.slice(1, -1);
  else if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
  else if (raw === 'true' || raw === 'false') value = raw === 'true';
  return { kind: 'filter', path: parsePath(m[1]!, source), op: m[2], value };
}

function parseActions(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1]!.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1]!.push({ kind: 'text', text: template.slice(i, open) });
    let close = open + 1;
    let quote = '';
    for (; close < template.length; close++) {
      const c = template[close]!;
      if (quote) {
        if (c === '\\') close++;
        else if (c === quote) quote = '';
      } else if (c === '"') quote = c;
      else if (c === '}') break;
    }
    if (close >= template.length) throw new KubectlError(`error parsing jsonpath ${template}, unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    const current = stack[stack.length - 1]!;
    if (action.startsWith('range ')) {
      const node: Node = { kind: 'range', steps: parsePath(action.slice(6).trim(), template), body: [] };
      current.push(node);
      stack.push(node.body);
    } else if (action === 'end') {
      if (stack.length === 1) throw new KubectlError(`error parsing jsonpath ${template}, not in range, nothing to end`);
      stack.pop();
    } else if (action.startsWith('"')) {
      current.push({ kind: 'literal', text: JSON.parse(action) as string });
    } else if (action === '') {
      continue;
    } else {
      current.push({ kind: 'path', steps: parsePath(action, template), root: action.startsWith('$') });
    }
  }
  return root;
}

export function parseJSONPathTemplate(template: string): JSONPathTemplate {
  // kubectl accepts a template without braces and wraps it.
  const source = template.includes('{') ? template : `{${template}}`;
  return { source, nodes: parseActions(source) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return (a as number) < (b as number);
    case '>':
      return (a as number) > (b as number);
    case '<=':
      return (a as number) <= (b as number);
    default:
      return (a as number) >= (b as number);
  }
}

function evalSteps(values: unknown[], steps: Step[]): unknown[] {
  let current = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      switch (step.kind) {
        case 'field':
          if (isObject(v) && step.name in v) next.push(v[step.name]);
          break;
        case 'wildcard':
          if (Array.isArray(v)) next.push(...v);
          else if (isObject(v))
            for (const k of Object.keys(v).sort()) next.push(v[k]);
          break;
        case 'index': {
          if (!Array.isArray(v)) break;
          const len = v.length;
          const norm = (n: number) => (n < 0 ? n + len : n);
          if (step.single) {
            const idx = norm(step.start ?? 0);
            if (idx >= 0 && idx < len) next.push(v[idx]);
          } else {
            const start = Math.max(0, norm(step.start ?? 0));
            const end = Math.min(len, norm(step.end ?? len));
            next.push(...v.slice(start, end));
          }
          break;
        }
        case 'recursive':
          collectRecursive(v, step.name, next);
          break;
        case 'filter': {
          const items = Array.isArray(v) ? v : [v];
          for (const item of items) {
            const found = evalSteps([item], step.path);
            if (step.op === undefined ? found.length > 0 : found.some((f) => compare(f, step.op!, step.value))) next.push(item);
          }
          break;
        }
      }
    }
    current = next;
  }
  return current;
}

function collectRecursive(v: unknown, name: string, into: unknown[]): void {
  if (isObject(v)) {
    for (const k of Object.keys(v).sort()) {
      if (k === name) into.push(v[k]);
    }
    for (const k of Object.keys(v).sort()) collectRecursive(v[k], name, into);
  } else if (Array.isArray(v)) for (const item of v) collectRecursive(item, name, into);
}

/** json.Marshal: compact, sorted keys, HTML-escaped. */
function compactJSON(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJSONString(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(compactJSON).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${goJSONString(k)}:${compactJSON(o[k])}`)
    .join(',')}}`;
}

function text(v: unknown): string {
  if (v !== null && typeof v === 'object') return compactJSON(v);
  return goSprint(v, 'int64');
}

function execNodes(nodes: Node[], root: unknown, current: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text' || node.kind === 'literal') out += node.text;
    else if (node.kind === 'path') out += evalSteps([node.root ? root : current], node.steps).map(text).join(' ');
    else for (const item of evalSteps([current], node.steps)) out += execNodes(node.body, root, item);
  }
  return out;
}

export function executeJSONPath(template: JSONPathTemplate, obj: unknown, _allowMissingKeys = true): string {
  return execNodes(template.nodes, obj, obj);
}

/** Each path action's results (client-go's FindResults), for printers that format the values themselves. */
export function findJSONPathResults(template: JSONPathTemplate, obj: unknown): unknown[][] {
  return template.nodes.flatMap((node) => (node.kind === 'path' ? [evalSteps([obj], node.steps)] : []));
}
