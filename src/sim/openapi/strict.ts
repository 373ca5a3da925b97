// Strict field validation (fieldValidation=Strict): the unknown fields the apiserver's strict
// JSON decoder (sigs.k8s.io/json, case-sensitive, DisallowUnknownFields) reports, worded
// `unknown field "spec.groupPriorityMinimun"`, in the order they appear in the request body.

import type { JsonMap } from './builder.ts';

const REF_PREFIX = '#/components/schemas/';

function resolve(schema: unknown, schemas: Record<string, unknown>): JsonMap | undefined {
  let node = schema as JsonMap | undefined;
  for (let depth = 0; node && depth < 32; depth++) {
    if (typeof node.$ref === 'string') node = schemas[node.$ref.slice(REF_PREFIX.length)] as JsonMap | undefined;
    else if (Array.isArray(node.allOf) && node.allOf.length === 1 && !node.properties) node = node.allOf[0] as JsonMap;
    else return node;
  }
  return node;
}

const isPlainObject = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Walk `value` against `schema`, collecting the dotted paths of fields the schema does not declare. */
export function collectUnknownFields(value: unknown, schema: unknown, schemas: Record<string, unknown>, path = '', out: string[] = []): string[] {
  const s = resolve(schema, schemas);
  if (!s || s['x-kubernetes-preserve-unknown-fields'] === true) return out;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((item, i) => collectUnknownFields(item, s.items, schemas, `${path}[${i}]`, out));
    return out;
  }
  if (!isPlainObject(value)) return out;
  const properties = s.properties as JsonMap | undefined;
  const additional = s.additionalProperties;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (properties && Object.hasOwn(properties, key)) collectUnknownFields(child, properties[key], schemas, childPath, out);
    else if (additional && typeof additional === 'object') collectUnknownFields(child, additional, schemas, childPath, out);
    else if (properties || additional === false) out.push(childPath);
    // An object schema without properties (FieldsV1, RawExtension) takes any content.
  }
  return out;
}

/** The schema of a kind in a group-version document, found by its x-kubernetes-group-version-kind. */
export function findKindSchema(doc: { components?: { schemas?: Record<string, unknown> } }, group: string, version: string, kind: string): unknown {
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    const gvks = (schema as JsonMap)['x-kubernetes-group-version-kind'];
    if (Array.isArray(gvks) && gvks.some((g: JsonMap) => g.group === group && g.version === version && g.kind === kind)) return schema;
  }
  return undefined;
}

/** Unknown fields of `obj`, each worded as the strict decoder does: `unknown field "spec.x"`. */
export function unknownFieldErrors(obj: unknown, kindSchema: unknown, schemas: Record<string, unknown>): string[] {
  return collectUnknownFields(obj, kindSchema, schemas).map((p) => `unknown field "${p}"`);
}

/** The 400 message the create/update handlers return (transformDecodeError over a strict decoding error). */
export function strictDecodingError(kind: string, version: string, fields: string[]): string {
  return `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${fields.join(', ')}`;
}
