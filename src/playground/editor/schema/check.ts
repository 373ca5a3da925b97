// The schema's structural rules for the plain editor (Monaco gets them from its YAML worker): wrong
// types, unknown fields, missing required fields and values outside an enum, worded as the YAML
// language service words them so both editors say the same thing. Covers the draft-07 subset the
// generated schema uses: $ref, allOf, if/then on `kind`, anyOf/oneOf, type, enum, const, properties,
// additionalProperties, required, items.

import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { JSONSchema } from './convert.ts';

export interface SchemaProblem {
  /** Offsets into the text: [start, end). */
  start: number;
  end: number;
  message: string;
}

type Schema = JSONSchema & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  if?: Schema;
  then?: Schema;
};

const range = (n: Node | null | undefined): [number, number] => (n?.range ? [n.range[0], n.range[1]] : [0, 0]);

function typeOf(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) ? 'integer' : 'number';
    return 'string';
  }
  return 'string';
}

const matchesType = (actual: string, wanted: string) => actual === wanted || (wanted === 'number' && actual === 'integer');

function keyOf(p: Pair): string {
  return isScalar(p.key) ? String(p.key.value) : String(p.key);
}

export class SchemaChecker {
  private readonly root: Schema;

  constructor(root: JSONSchema) {
    this.root = root as Schema;
  }

  private deref(s: Schema): Schema {
    let cur = s;
    for (let i = 0; cur.$ref && i < 32; i++) {
      const name = cur.$ref.replace(/^#\/definitions\//, '');
      cur = ((this.root.definitions as Record<string, Schema> | undefined)?.[name] ?? {}) as Schema;
    }
    return cur;
  }

  /** Problems of one YAML document (the document's own syntax errors are not repeated here). */
  checkDocument(doc: Document): SchemaProblem[] {
    if (doc.errors.length > 0 || doc.contents === null) return [];
    const out: SchemaProblem[] = [];
    this.check(doc.contents as Node, this.root, out, undefined);
    return out;
  }

  /** Whether `node` satisfies `s` (used for anyOf/oneOf/if). */
  private valid(node: Node | null, s: Schema): boolean {
    const out: SchemaProblem[] = [];
    this.check(node, s, out, undefined);
    return out.length === 0;
  }

  private check(node: Node | null, schema: Schema, out: SchemaProblem[], keyRange: [number, number] | undefined): void {
    const s = this.deref(schema);
    const where = node ? range(node) : (keyRange ?? [0, 0]);
    for (const sub of s.allOf ?? []) this.check(node, sub, out, keyRange);
    if (s.if && s.then && this.valid(node, s.if)) this.check(node, s.then, out, keyRange);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives && !alternatives.some((a) => this.valid(node, a))) {
      const types = alternatives.map((a) => this.deref(a).type).filter((t): t is string => typeof t === 'string');
      out.push({ start: where[0], end: where[1], message: `Incorrect type. Expected "${types.join(' | ')}".` });
      return;
    }
    const actual = typeOf(node);
    if (s.type !== undefined) {
      const wanted = Array.isArray(s.type) ? s.type : [s.type];
      if (!wanted.some((w) => matchesType(actual, w))) {
        out.push({ start: where[0], end: where[1], message: `Incorrect type. Expected "${wanted.join(' | ')}".` });
        return;
      }
    }
    if (s.const !== undefined && !(isScalar(node) && node.value === s.const)) {
      out.push({ start: where[0], end: where[1], message: `Value must be ${JSON.stringify(s.const)}.` });
    }
    if (s.enum && isScalar(node) && !s.enum.includes(node.value)) {
      out.push({ start: where[0], end: where[1], message: `Value is not accepted. Valid values: ${s.enum.map((v) => JSON.stringify(v)).join(', ')}.` });
    }
    if (node && isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items as Pair[]) {
        const key = keyOf(item);
        seen.add(key);
        const kr = range(item.key as Node);
        const prop = s.properties?.[key];
        if (prop) this.check(item.value as Node | null, prop, out, kr);
        else if (s.additionalProperties === false) out.push({ start: kr[0], end: kr[1], message: `Property ${key} is not allowed.` });
        else if (typeof s.additionalProperties === 'object') this.check(item.value as Node | null, s.additionalProperties, out, kr);
      }
      const missing = (s.required ?? []).filter((r) => !seen.has(r));
      if (missing.length > 0) {
        // On the key that holds the object (or, for the document itself, its first key).
        const at = keyRange ?? (node.items[0] ? range(node.items[0].key as Node) : where);
        for (const m of missing) out.push({ start: at[0], end: at[1], message: `Missing property "${m}".` });
      }
    }
    if (node && isSeq(node) && s.items) for (const item of node.items) this.check(item as Node, s.items, out, undefined);
  }
}
