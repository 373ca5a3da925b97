// What kubectl's resource builder does with `-f` input before it talks to the server: the
// YAML-or-JSON stream split into documents (apimachinery's YAMLOrJSONDecoder), each document
// turned into JSON as sigs.k8s.io/yaml does (go-yaml v2, YAML 1.1 scalars), and go-yaml's
// error messages for the mistakes people make (bad indentation, tabs, open quotes).

import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import { goJSONString } from '../printers/json.ts';

/** An object as client-go's JSON encoder writes a request body: compact, then a line break. */
export const encodeObject = (obj: unknown) => goMarshal(obj) + '\n';

/** Go's json.Marshal of decoded JSON values: compact, map keys sorted, HTML characters escaped. */
export function goMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJSONString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goMarshal).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${goJSONString(k)}:${goMarshal(record[k])}`)
    .join(',')}}`;
}

export class ManifestParseError extends Error {}

/**
 * go-yaml's message for the first error the `yaml` package reports. go-yaml numbers lines in
 * two ways: a scanner error names the 1-based line, a parser error the 0-based line of the
 * offending token; either way no line is named when that index is 0.
 */
function goYAMLError(text: string, err: YAMLError): string {
  const lineIndex = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  const scanner = (index: number, message: string) => `yaml: ${index !== 0 ? `line ${index + 1}: ` : ''}${message}`;
  const parser = (index: number, message: string) => `yaml: ${index !== 0 ? `line ${index}: ` : ''}${message}`;
  const at = lineIndex(err.pos[0]);
  const lines = text.split('\n');
  const indentOf = (line: string) => line.length - line.trimStart().length;
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return scanner(at, 'found character that cannot start any token');
    case 'MISSING_CHAR':
      if (/quote/.test(err.message)) return scanner(lineIndex(text.length), 'found unexpected end of stream');
      break;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // A `: ` where a plain scalar goes on: the scanner stops at that colon.
      const colon = /:(\s|$)/.exec(text.slice(err.pos[0]));
      return scanner(colon ? lineIndex(err.pos[0] + colon.index) : at, 'mapping values are not allowed in this context');
    }
    case 'BAD_INDENT': {
      // An unclosed collection meets the stream's end, whose mark a missing final newline moves to the next line.
      const flowAt = err.pos[0] >= text.length ? lineIndex(text.length) + (text.endsWith('\n') ? 0 : 1) : at;
      if (/^Flow sequence/.test(err.message)) return parser(flowAt, "did not find expected ',' or ']'");
      if (/^Flow map/.test(err.message)) return parser(flowAt, "did not find expected ',' or '}'");
      // Inside a block sequence at this indentation the parser wanted another `-` item.
      const line = lines[at] ?? '';
      const indent = indentOf(line);
      for (let i = at - 1; i >= 0; i--) {
        const prev = lines[i]!;
        if (prev.trim() === '' || prev.trimStart().startsWith('#')) continue;
        if (indentOf(prev) < indent) break;
        if (indentOf(prev) === indent) {
          if (/^-(\s|$)/.test(prev.trimStart())) return parser(at, "did not find expected '-' indicator");
          break;
        }
      }
      return parser(at, 'did not find expected key');
    }
    default:
      break;
  }
  return parser(at, 'did not find expected key');
}

/** go-yaml v2's allowedAliasRatio: small documents may be 99% alias expansion, huge ones 10%. */
function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - (0.89 * (decodeCount - low)) / (high - low);
}

/**
 * go-yaml v2's decoder counts every node it decodes, aliases expanded, and stops a document
 * that is mostly alias expansion ("billion laughs") or whose anchor contains itself, before
 * building anything: the same walk over the parsed document, without building.
 */
function checkAliasing(doc: Document): void {
  let decodeCount = 1; // the document node
  let aliasCount = 0;
  const expanding = new Set<unknown>();
  const fail = (message: string) => new ManifestParseError(`error converting YAML to JSON: yaml: ${message}`);
  const visit = (node: unknown): void => {
    decodeCount++;
    if (expanding.size > 0) aliasCount++;
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) throw fail('document contains excessive aliasing');
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return;
      if (expanding.has(target)) throw fail(`anchor '${node.source}' value contains itself`);
      expanding.add(target);
      visit(target);
      expanding.delete(target);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        // A merge key is not decoded itself: its value's mappings are.
        if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
          if (isSeq(pair.value)) for (const item of [...pair.value.items].reverse()) visit(item);
          else visit(pair.value);
          continue;
        }
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
}

/** One YAML document to its JSON value, as sigs.k8s.io/yaml's YAMLToJSON would decode it. */
export function yamlToJSON(text: string): unknown {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false, merge: true });
  if (doc.errors.length > 0) throw new ManifestParseError(`error converting YAML to JSON: ${goYAMLError(text, doc.errors[0]!)}`);
  checkAliasing(doc);
  return doc.toJS({ maxAliasCount: -1 }) as unknown;
}

/** apimachinery's YAMLReader: documents split at lines starting with `---` (rest blank or a comment). */
export function splitYAMLDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest === '' || rest.startsWith('#')) {
        docs.push(current.join(''));
        current = [];
        continue;
      }
    }
    current.push(line);
  }
  docs.push(current.join(''));
  return docs;
}

/** A JSON stream: values one after another, as json.Decoder reads them. */
function splitJSONStream(text: string): unknown[] {
  const values: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    let depth = 0;
    let inString = false;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    const chunk = text.slice(i, j + 1);
    try {
      values.push(JSON.parse(chunk));
    } catch (e) {
      throw new ManifestParseError((e as Error).message);
    }
    i = j + 1;
  }
  return values;
}

/**
 * The documents of one source in order: each a JSON value, or the parse error that ends the
 * stream (kubectl stops reading a file at its first bad document).
 */
export function readDocuments(text: string): { values: unknown[]; error?: ManifestParseError } {
  const values: unknown[] = [];
  if (/^\s*\{/.test(text)) {
    try {
      return { values: splitJSONStream(text) };
    } catch (e) {
      return { values, error: e as ManifestParseError };
    }
  }
  for (const doc of splitYAMLDocuments(text)) {
    try {
      const value = yamlToJSON(doc);
      if (value === null || value === undefined) continue;
      values.push(value);
    } catch (e) {
      if (!(e instanceof ManifestParseError)) throw e;
      return { values, error: e };
    }
  }
  return { values };
}
