// /openapi/v2: one Swagger 2.0 document for every served group-version, converted from the v3
// documents the way kube-openapi's builder writes v2 (definitions, body parameters, produces).

import type { JsonMap } from './builder.ts';

const rewriteRefs = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const obj = node as JsonMap;
  // v3 wraps a described reference as allOf:[{$ref}]; v2 writes the $ref beside the description.
  if (Array.isArray(obj.allOf) && obj.allOf.length === 1 && !obj.properties) {
    const { allOf, ...rest } = obj;
    return rewriteRefs({ ...(allOf[0] as JsonMap), ...rest });
  }
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '#/definitions/') : rewriteRefs(v);
  }
  return out;
};

function parameterV2(p: JsonMap): JsonMap {
  const { schema, ...rest } = p;
  return { ...rest, ...(schema as JsonMap) };
}

function operationV2(op: JsonMap): JsonMap {
  const { requestBody, responses, parameters, ...rest } = op;
  const out: JsonMap = { ...rest };
  const params = ((parameters as JsonMap[] | undefined) ?? []).map(parameterV2);
  const produces = new Set<string>();
  const v2Responses: JsonMap = {};
  for (const [code, r] of Object.entries((responses as JsonMap) ?? {})) {
    const { content, ...desc } = r as JsonMap;
    const entry: JsonMap = { ...desc };
    for (const [type, media] of Object.entries((content as JsonMap) ?? {})) {
      produces.add(type);
      entry.schema = rewriteRefs((media as JsonMap).schema);
    }
    v2Responses[code] = entry;
  }
  let consumes: string[] = [];
  if (requestBody) {
    const body = requestBody as JsonMap;
    const types = Object.keys((body.content as JsonMap) ?? {});
    consumes = types;
    const schema = ((body.content as JsonMap)[types[0]] as JsonMap).schema;
    params.unshift({ in: 'body', name: 'body', required: body.required === true, schema: rewriteRefs(schema) });
  }
  if (consumes.length) out.consumes = consumes.filter((t) => t !== '*/*').length ? consumes : ['*/*'];
  if (params.length) out.parameters = params.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  out.produces = [...produces].sort();
  out.responses = v2Responses;
  out.schemes = ['https'];
  return out;
}

/** Merge v3 group-version documents into the single Swagger 2.0 document /openapi/v2 serves. */
export function swaggerFromV3(docs: JsonMap[]): JsonMap {
  const definitions: JsonMap = {};
  const paths: JsonMap = {};
  for (const doc of docs) {
    const schemas = ((doc.components as JsonMap | undefined)?.schemas as JsonMap | undefined) ?? {};
    for (const [name, schema] of Object.entries(schemas)) definitions[name] = rewriteRefs(schema);
    for (const [path, item] of Object.entries((doc.paths as JsonMap) ?? {})) {
      const v2: JsonMap = {};
      for (const [key, value] of Object.entries(item as JsonMap)) {
        v2[key] = key === 'parameters' ? (value as JsonMap[]).map(parameterV2) : operationV2(value as JsonMap);
      }
      paths[path] = v2;
    }
  }
  const sorted = (m: JsonMap) => Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
  return {
    definitions: sorted(definitions),
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: sorted(paths),
    security: [{ BearerToken: [] }],
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
    swagger: '2.0',
  };
}
