// Kubernetes publishes its types as OpenAPI v3 component schemas. The editor's YAML language
// service wants JSON Schema draft-07, so this turns the component schemas a kind reaches into one
// self-contained draft-07 document: `#/components/schemas/X` refs become `#/definitions/X`, the
// `x-kubernetes-*` extensions become the JSON Schema they mean (or are dropped), and one `if/then`
// per kind picks the right definition by `kind`.

export type OpenAPISchema = { [key: string]: unknown };

export interface OpenAPIDocument {
  components: { schemas: Record<string, OpenAPISchema> };
}

/** A kind the editor knows: its definition and the apiVersion it is served at. */
export interface KindRef {
  apiVersion: string;
  kind: string;
  /** The component schema name, e.g. io.k8s.api.core.v1.Service. */
  definition: string;
}

export type JSONSchema = { [key: string]: unknown };

const componentPrefix = '#/components/schemas/';
const definitionPrefix = '#/definitions/';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Types the OpenAPI calls `type: object` with no properties (apiextensions' JSON,
 * JSONSchemaPropsOrBool, runtime.RawExtension, …) hold any JSON value on the wire; drawn as an
 * object they would reject booleans and arrays that the apiserver accepts.
 */
function holdsAnyValue(s: OpenAPISchema): boolean {
  return s.type === 'object' && isRecord(s.properties) && Object.keys(s.properties).length === 0 && s.additionalProperties === undefined;
}

// Formats JSON Schema knows and the language service checks; the rest (int32, byte, …) are
// OpenAPI's, carry no rule for a YAML document, and are dropped.
const keptFormats = new Set(['date-time']);

/** One OpenAPI schema node as draft-07, collecting the component names it refers to. */
export function convertSchema(s: OpenAPISchema, refs: Set<string>): JSONSchema {
  if (holdsAnyValue(s)) return typeof s.description === 'string' ? { description: s.description } : {};
  const out: JSONSchema = {};
  for (const [key, value] of Object.entries(s)) {
    switch (key) {
      case '$ref': {
        const ref = String(value);
        if (!ref.startsWith(componentPrefix)) throw new Error(`unsupported $ref ${ref}`);
        const name = ref.slice(componentPrefix.length);
        refs.add(name);
        out.$ref = definitionPrefix + name;
        break;
      }
      case 'properties':
        if (isRecord(value)) {
          const props: JSONSchema = {};
          for (const [name, sub] of Object.entries(value)) props[name] = convertSchema(sub as OpenAPISchema, refs);
          out.properties = props;
        }
        break;
      case 'items':
        out.items = convertSchema(value as OpenAPISchema, refs);
        break;
      case 'additionalProperties':
        out.additionalProperties = typeof value === 'boolean' ? value : convertSchema(value as OpenAPISchema, refs);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[key] = (value as OpenAPISchema[]).map((sub) => convertSchema(sub, refs));
        break;
      case 'format':
        if (keptFormats.has(String(value))) out.format = value;
        break;
      case 'default':
        // Kubernetes' published defaults are Go's zero values (`groupPriorityMinimum: 0`,
        // `metadata: {}`): offered as completions they would write invalid objects.
        break;
      case 'x-kubernetes-int-or-string':
        if (value === true) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
        break;
      case 'description':
      case 'type':
      case 'enum':
      case 'required':
      case 'minimum':
      case 'maximum':
      case 'pattern':
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'uniqueItems':
      case 'nullable':
        out[key] = value;
        break;
      default:
        // Other x-kubernetes-* extensions (list types, patch strategies, CEL rules, group-version-kind)
        // describe server behaviour, not the document's shape.
        break;
    }
  }
  if (out.nullable === true) {
    // OpenAPI's nullable: the value may also be null.
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
  } else delete out.nullable;
  // The apiserver rejects (or, with warn, reports) unknown fields: so does the editor, except where
  // the type keeps unknown fields by design.
  if (out.type === 'object' && isRecord(out.properties) && out.additionalProperties === undefined && s['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

/** Every component schema reachable from `roots`, converted, keyed by name. */
export function reachableDefinitions(schemas: Record<string, OpenAPISchema>, roots: string[]): Record<string, JSONSchema> {
  const definitions: Record<string, JSONSchema> = {};
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (name in definitions) continue;
    const s = schemas[name];
    if (!s) throw new Error(`component schema ${name} not found`);
    const refs = new Set<string>();
    definitions[name] = convertSchema(s, refs);
    for (const r of [...refs].sort()) if (!(r in definitions)) queue.push(r);
  }
  // Stable output: sorted by name.
  return Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One draft-07 schema for documents of any of `kinds`: apiVersion and kind are offered as
 * enums, and the document is checked against its kind's definition (with apiVersion pinned to
 * the version that kind is served at).
 */
export function buildKubeSchema(schemas: Record<string, OpenAPISchema>, kinds: KindRef[]): JSONSchema {
  const definitions = reachableDefinitions(
    schemas,
    kinds.map((k) => k.definition),
  );
  for (const k of kinds) {
    const def = definitions[k.definition];
    const props = isRecord(def.properties) ? def.properties : {};
    definitions[k.definition] = {
      ...def,
      properties: {
        ...props,
        apiVersion: { ...(props.apiVersion as JSONSchema), enum: [k.apiVersion] },
        kind: { ...(props.kind as JSONSchema), enum: [k.kind] },
      },
      required: [...new Set(['apiVersion', 'kind', ...((def.required as string[] | undefined) ?? [])])],
    };
  }
  const unique = (xs: string[]) => [...new Set(xs)].sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes object',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: 'The versioned schema of this object: group/version, or v1 for the core group.', enum: unique(kinds.map((k) => k.apiVersion)) },
      kind: { type: 'string', description: 'The kind of object this document describes.', enum: unique(kinds.map((k) => k.kind)) },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { kind: { const: k.kind } }, required: ['kind'] },
      then: { $ref: definitionPrefix + k.definition },
    })),
    definitions,
  };
}
