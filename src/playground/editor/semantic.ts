// The checks the apiserver itself would make, run on the editor's text: each APIService document
// goes through the simulator's own ValidateAPIService, and every FieldError is placed on the YAML
// node its field path names, with the message kube-aggregator would print for it.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import { formatFieldError, type FieldError } from '../../sim/fielderrors.ts';
import { validateAPIService } from '../../sim/apiregistration/validation.ts';
import type { KubeObject } from '../../sim/types.ts';
import type { SchemaChecker } from './schema/check.ts';

export interface EditorDiagnostic {
  /** Offsets into the text: [start, end). */
  start: number;
  end: number;
  /** 1-based, as editors count. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
  /** Where the check comes from: `yaml` (syntax), `schema` (the OpenAPI's shape) or `apiserver` (the sim's validation). */
  source: 'yaml' | 'schema' | 'apiserver';
}

export type PathSegment = string | number;

/** `spec.service.port`, `status.conditions[0].status`, `metadata.labels[app]` → segments. */
export function parseFieldPath(field: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(field); m; m = re.exec(field)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else segments.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return segments;
}

type Range = [number, number];

const rangeOf = (n: Node | null | undefined): Range | undefined => (n?.range ? [n.range[0], n.range[1]] : undefined);

function pairFor(map: Node, key: PathSegment): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key)) as Pair | undefined;
}

/**
 * The text range a field path names in a parsed document: the value's range when the field is
 * there, else the key of the nearest enclosing field that is (a Required error points at the
 * object that lacks the field), else the document's first line. For a map field (labels,
 * annotations) an error whose value is one of its keys or values points at that entry.
 */
export function rangeForField(doc: Document, field: string, value?: unknown): Range {
  let node: Node | null = doc.contents as Node | null;
  // The key of the innermost field found so far: where a missing field is reported.
  let owner: Range | undefined;
  for (const seg of parseFieldPath(field)) {
    if (typeof seg === 'number' && node && isSeq(node)) {
      const item = node.items[seg] as Node | undefined;
      if (!item) return owner ?? firstLine(doc);
      node = item;
      owner = rangeOf(item) ?? owner;
      continue;
    }
    const pair = node ? pairFor(node, seg) : undefined;
    if (!pair) return owner ?? firstLine(doc);
    const keyRange = isScalar(pair.key) ? rangeOf(pair.key) : undefined;
    owner = keyRange ?? owner;
    const v = pair.value as Node | null;
    // `name:` with nothing after it: the key is the place to point at.
    if (!v || (isScalar(v) && v.value === null)) return owner ?? firstLine(doc);
    node = v;
  }
  if (node && isMap(node) && value !== undefined) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = isScalar(item.key) ? item.key : undefined;
      const v = isScalar(item.value) ? item.value : undefined;
      if (k && String(k.value) === String(value)) return rangeOf(k)!;
      if (v && String(v.value ?? '') === String(value)) return rangeOf(v)!;
    }
  }
  if (node && (isMap(node) || isSeq(node))) return owner ?? rangeOf(node) ?? firstLine(doc);
  return rangeOf(node) ?? owner ?? firstLine(doc);
}

/** The first line of a document's content (for errors about the object as a whole). */
function firstLine(doc: Document): Range {
  const r = rangeOf(doc.contents as Node | null);
  return r ? [r[0], r[0]] : [0, 0];
}

function diagnostic(lines: LineCounter, [start, end]: Range, message: string, source: EditorDiagnostic['source']): EditorDiagnostic {
  // A zero-width range would draw no squiggle: widen it to one character.
  if (end <= start) end = start + 1;
  const a = lines.linePos(start);
  const b = lines.linePos(end);
  return { start, end, startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col, message, severity: 'error', source };
}

const isAPIService = (obj: unknown): obj is KubeObject =>
  typeof obj === 'object' && obj !== null && (obj as KubeObject).kind === 'APIService' && (obj as KubeObject).apiVersion === 'apiregistration.k8s.io/v1';

/** FieldErrors with where they sit, for one document; exported for tests. */
export function apiServiceErrors(doc: Document): { error: FieldError; range: Range }[] {
  if (doc.errors.length > 0) return [];
  let obj: unknown;
  try {
    obj = doc.toJS();
  } catch {
    return [];
  }
  if (!isAPIService(obj)) return [];
  const withMeta: KubeObject = { ...obj, metadata: typeof obj.metadata === 'object' && obj.metadata !== null ? obj.metadata : {} };
  return validateAPIService(withMeta).map((error) => ({ error, range: rangeForField(doc, error.field, error.value) }));
}

/**
 * Diagnostics for an editor file: YAML syntax errors when `syntax` is set and the schema's rules
 * when a `schema` checker is given (the Monaco path gets both from its YAML worker), then the
 * apiserver's validation of every APIService.
 */
export function checkText(text: string, opts: { syntax?: boolean; schema?: SchemaChecker } = {}): EditorDiagnostic[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const out: EditorDiagnostic[] = [];
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    if (opts.syntax) for (const e of doc.errors) out.push(diagnostic(lines, [e.pos[0], e.pos[1]], e.message, 'yaml'));
    if (opts.schema) for (const p of opts.schema.checkDocument(doc)) out.push(diagnostic(lines, [p.start, p.end], p.message, 'schema'));
    for (const { error, range } of apiServiceErrors(doc)) out.push(diagnostic(lines, range, formatFieldError(error), 'apiserver'));
  }
  return out;
}
