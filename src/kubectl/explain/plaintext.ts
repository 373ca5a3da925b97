// kubectl explain's `plaintext` output (kubectl pkg/explain/v2/templates/plaintext.tmpl) over
// an OpenAPI v3 group-version document: the GVK found from the resource's paths, the kind's
// schema followed along the field path through $ref, allOf, items and additionalProperties,
// then DESCRIPTION and FIELDS, wrapped and indented as the template's funcs do.

import { deepEqual } from '../../lib/deep_equal.ts';
import { compareGoKeys, goSprint } from '../gofmt.ts';
import { KubectlError } from '../rest/errors.ts';
import { gvrString, type GVR } from './path.ts';
import { indent, wrapString } from './wordwrap.ts';

type Schema = Record<string, unknown>;
type Doc = Record<string, unknown>;

/** Go template truth: nil, false, 0, "" and empty maps or lists are false. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

const isMap = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (v: unknown, key: string): unknown => (isMap(v) ? v[key] : undefined);
const asSchema = (v: unknown): Schema => (isMap(v) ? v : {});

const sortedKeys = (m: Schema) => Object.keys(m).sort(compareGoKeys);

/** The template's `resolveRef`: a `#/...` fragment looked up in the document, or nil. */
function resolveRef(ref: unknown, doc: Doc): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#') || ref.length < 2) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split('/')) {
    if (k === '') continue;
    const next = get(cur, decodeURIComponent(k).replaceAll('~1', '/').replaceAll('~0', '~'));
    if (!isMap(next)) return undefined;
    cur = next;
  }
  return cur as Schema;
}

/** The object an additionalProperties holds, when it is a schema rather than a bool. */
const additionalSchema = (s: Schema): Schema | undefined => (isMap(s.additionalProperties) && truthy(s.additionalProperties) ? s.additionalProperties : undefined);

class Renderer {
  private readonly doc: Doc;
  private readonly recursive: boolean;

  constructor(doc: Doc, recursive: boolean) {
    this.doc = doc;
    this.recursive = recursive;
  }

  typeGuess(schema: Schema): string {
    if (!truthy(schema)) throw new KubectlError("expected schema argument to subtemplate 'typeguess'");
    if (truthy(schema.items)) return '[]' + this.typeGuess(asSchema(schema.items));
    const additional = additionalSchema(schema);
    if (additional) return 'map[string]' + this.typeGuess(additional);
    const allOf = schema.allOf;
    if (truthy(allOf) && !truthy(schema.properties) && Array.isArray(allOf) && allOf.length === 1) return this.typeGuess(asSchema(allOf[0]));
    const ref = schema.$ref;
    if (truthy(ref)) {
      const refSchema = resolveRef(ref, this.doc);
      if (!refSchema || !truthy(refSchema.type) || refSchema.type === 'object') {
        const name = String(ref).split('/').at(-1)!;
        return name.split('.').at(-1) || 'Object';
      }
      return String(refSchema.type);
    }
    if (schema.type === 'object') return 'Object';
    return truthy(schema.type) ? goSprint(schema.type) : 'Object';
  }

  extractEnum(schema: Schema, longView: boolean, limit: number, indentAmount = 0): string {
    const values = schema.enum;
    if (!truthy(values) || !Array.isArray(values)) return '';
    let out = longView ? 'ENUM:' : '\n' + indent(indentAmount, '') + 'enum: ';
    for (let i = 0; i < values.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !longView) out += ', ';
      else if (longView) out += '\n' + indent(4, '');
      const v = values[i];
      out += v === '' ? '""' : goSprint(v);
    }
    return out;
  }

  description(schema: Schema): string {
    const s = resolveRef(schema.$ref, this.doc) ?? schema;
    if (!truthy(s)) return '';
    let out = '';
    if (truthy(s.description)) out += goSprint(s.description) + '\n';
    if (Array.isArray(s.allOf)) for (const sub of s.allOf) out += this.description(asSchema(sub));
    if (truthy(s.items)) out += this.description(asSchema(s.items));
    const additional = additionalSchema(s);
    if (additional) out += this.description(additional);
    return out;
  }

  externalDocs(schema: Schema): string {
    const docs = schema.externalDocs;
    if (!truthy(docs)) return '';
    let out = 'EXTERNAL DOCS:\n';
    const description = get(docs, 'description');
    if (truthy(description)) out += indent(4, wrapString(goSprint(description), 76)) + '\n';
    const url = get(docs, 'url');
    if (truthy(url)) out += indent(4, `URL: ${goSprint(url)}`) + '\n';
    return out;
  }

  /** The template's `output`: follows the field path, then DESCRIPTION and FIELDS. */
  output(schema: Schema, fieldPath: string[], history: Set<string>): string {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
    const next = new Set(history).add(ref);
    const resolved = resolveRef(ref, this.doc) ?? schema;
    if (fieldPath.length === 0) {
      let out = 'DESCRIPTION:\n';
      out += indent(4, wrapString(this.description(resolved) || '<empty>', 76)) + '\n';
      const docs = this.externalDocs(resolved);
      if (docs) out += '\n' + docs;
      const fields = this.fieldList(resolved, 1, new Set());
      if (fields) out += 'FIELDS:\n' + fields;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const properties = resolved.properties;
    if (truthy(properties) && truthy(get(properties, fieldPath[0]!))) {
      const sub = asSchema(get(properties, fieldPath[0]!));
      let out = '';
      if (fieldPath.length === 1) {
        out += `FIELD: ${fieldPath[0]} <${this.typeGuess(sub)}>\n`;
        out += this.extractEnum(sub, true, -1) + '\n\n';
      }
      return out + this.output(sub, fieldPath.slice(1), new Set());
    }
    if (truthy(resolved.items)) return this.output(asSchema(resolved.items), fieldPath, next);
    const additional = additionalSchema(resolved);
    if (additional) return this.output(additional, fieldPath, next);
    if (Array.isArray(resolved.allOf)) {
      for (const sub of resolved.allOf) {
        const out = this.output(asSchema(sub), fieldPath, next);
        if (out) return out;
      }
    }
    return '';
  }

  /** The template's `fieldList`: each field, and with --recursive the fields beneath it. */
  fieldList(schema: Schema, level: number, history: Set<string>): string {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = resolveRef(ref, this.doc) ?? schema;
    let out = '';
    const properties = asSchema(resolved.properties);
    for (const name of sortedKeys(properties)) {
      out += this.fieldDetail(name, resolved, level);
      if (this.recursive) out += this.fieldList(asSchema(properties[name]), level + 1, next);
    }
    if (Array.isArray(resolved.allOf)) for (const sub of resolved.allOf) out += this.fieldList(asSchema(sub), level, next);
    if (truthy(resolved.items)) out += this.fieldList(asSchema(resolved.items), level, next);
    const additional = additionalSchema(resolved);
    if (additional) out += this.fieldList(additional, level, next);
    return out;
  }

  fieldDetail(name: string, parent: Schema, level: number): string {
    const amount = level * 2;
    const field = asSchema(get(parent.properties, name));
    let out = indent(amount, name) + '\t<' + this.typeGuess(field) + '>';
    if (Array.isArray(parent.required) && parent.required.includes(name)) out += ' -required-';
    out += this.extractEnum(field, false, 4, amount) + '\n';
    if (!this.recursive) {
      const description = truthy(field.description) ? goSprint(field.description) : '<no description>';
      out += indent(amount + 2, wrapString(description, 78 - amount)) + '\n';
      const docs = field.externalDocs;
      if (truthy(docs)) {
        out += '\n' + indent(amount + 2, 'EXTERNAL DOCS:') + '\n';
        const d = get(docs, 'description');
        if (truthy(d)) out += indent(amount + 4, wrapString(goSprint(d), 76 - amount)) + '\n';
        const url = get(docs, 'url');
        if (truthy(url)) out += indent(amount + 4, `URL: ${goSprint(url)}`) + '\n';
      }
      out += '\n';
    }
    return out;
  }
}

/**
 * Renders `kubectl explain` for one resource of a group-version document. Writes what the
 * template writes before failing (the GROUP/KIND/VERSION header) and then throws the error.
 */
export function renderPlaintext(doc: Doc, gvr: GVR, fieldPath: string[], recursive: boolean, write: (text: string) => void): void {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const searchPaths = [
    [prefix, gvr.version, gvr.resource],
    [prefix, gvr.version, gvr.resource, '{name}'],
    [prefix, gvr.version, 'namespaces', '{namespace}', gvr.resource],
    [prefix, gvr.version, 'namespaces', '{namespace}', gvr.resource, '{name}'],
  ].map((parts) => parts.join('/'));
  let gvk: unknown;
  for (const path of searchPaths) {
    const item = get(doc.paths, path);
    if (!truthy(item)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = get(item, method);
      if (!truthy(op)) continue;
      gvk = get(op, 'x-kubernetes-group-version-kind');
      if (truthy(gvk)) break;
    }
  }
  if (!truthy(gvk)) throw new KubectlError(`error: GVR (${gvrString(gvr)}) not found in OpenAPI schema`);
  const group = get(gvk, 'group');
  let header = '';
  if (truthy(group)) header += `GROUP:      ${goSprint(group)}\n`;
  header += `KIND:       ${goSprint(get(gvk, 'kind') ?? '<no value>')}\n`;
  header += `VERSION:    ${goSprint(get(gvk, 'version') ?? '<no value>')}\n`;
  write(header + '\n');

  const renderer = new Renderer(doc, recursive);
  const schemas = asSchema(get(doc.components, 'schemas'));
  for (const key of sortedKeys(schemas)) {
    const schema = asSchema(schemas[key]);
    const kinds = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(kinds) || !kinds.some((k) => deepEqual(k, gvk))) continue;
    const out = renderer.output(schema, fieldPath, new Set());
    if (!out) throw new KubectlError(`error: field "${fieldPath.at(-1) ?? ''}" does not exist`);
    write(out + '\n');
    return;
  }
  throw new KubectlError(`error: GVK ${goSprint(gvk)} not found in OpenAPI schema`);
}
