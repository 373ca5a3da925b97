// The OpenAPI v3 document of a custom resource group-version, as apiextensions-apiserver's
// controller/openapi/builder makes it: the version's openAPIV3Schema with apiVersion, kind and
// metadata filled in, a List schema, and the installer's paths (JSON and YAML only, no
// strategic merge patch), merged for every custom kind of the group-version.

import type { KubeObject } from '../types.ts';
import { buildGroupVersionDocument, type JsonMap, type ResourceRoute } from './builder.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const API_VERSION_TEXT =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_TEXT =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

/** A served custom kind: what the CRD says about one of its versions. */
export interface CustomKind extends ResourceRoute {
  group: string;
  version: string;
  /** spec.versions[].schema.openAPIV3Schema */
  schema?: unknown;
}

/** `stable.example.com` + `v1` + `CronTab` → `com.example.stable.v1.CronTab`. */
export function customSchemaName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

function objectSchema(k: CustomKind): JsonMap {
  const given = k.schema && typeof k.schema === 'object' ? structuredClone(k.schema as JsonMap) : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const properties = (given.properties as JsonMap | undefined) ?? {};
  given.properties = {
    ...properties,
    apiVersion: { description: API_VERSION_TEXT, type: 'string' },
    kind: { description: KIND_TEXT, type: 'string' },
    metadata: {
      allOf: [{ $ref: `#/components/schemas/${META}ObjectMeta` }],
      description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    },
  };
  given.type = 'object';
  given['x-kubernetes-group-version-kind'] = [{ group: k.group, kind: k.kind, version: k.version }];
  return given;
}

function listSchema(k: CustomKind): JsonMap {
  return {
    description: `${k.kind}List is a list of ${k.kind}`,
    properties: {
      apiVersion: { description: API_VERSION_TEXT, type: 'string' },
      items: {
        description: `List of ${k.resource}. More info: https://git.k8s.io/community/contributors/devel/api-conventions.md`,
        items: { $ref: `#/components/schemas/${customSchemaName(k.group, k.version, k.kind)}` },
        type: 'array',
      },
      kind: { description: KIND_TEXT, type: 'string' },
      metadata: {
        allOf: [{ $ref: `#/components/schemas/${META}ListMeta` }],
        description: 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
      },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': [{ group: k.group, kind: `${k.kind}List`, version: k.version }],
  };
}

/** One group-version's document for its custom kinds; `metaSchemas` are the apimachinery definitions. */
export function customGroupVersionDocument(kinds: CustomKind[], metaSchemas: Record<string, unknown>): JsonMap {
  const { group, version } = kinds[0];
  const schemas: Record<string, unknown> = { ...metaSchemas };
  for (const k of kinds) {
    schemas[customSchemaName(group, version, k.kind)] = objectSchema(k);
    schemas[customSchemaName(group, version, `${k.kind}List`)] = listSchema(k);
  }
  return buildGroupVersionDocument({
    group,
    version,
    resources: kinds,
    custom: true,
    schemaName: (kind) => customSchemaName(group, version, kind),
    schemas,
  });
}

interface CRDVersionSpec {
  name: string;
  served?: boolean;
  schema?: { openAPIV3Schema?: unknown };
  subresources?: { status?: unknown; scale?: unknown };
}

/** The kinds a CustomResourceDefinition object serves, one per served version. */
export function customKindsOf(crd: KubeObject): CustomKind[] {
  const spec = (crd.spec ?? {}) as { group?: string; scope?: string; names?: { plural?: string; kind?: string }; versions?: CRDVersionSpec[] };
  if (!spec.group || !spec.names?.plural || !spec.names.kind) return [];
  return (spec.versions ?? [])
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: spec.group as string,
      version: v.name,
      resource: spec.names?.plural as string,
      kind: spec.names?.kind as string,
      namespaced: spec.scope !== 'Cluster',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      subresources: [...(v.subresources?.status ? ['status'] : []), ...(v.subresources?.scale ? ['scale'] : [])],
      schema: v.schema?.openAPIV3Schema,
    }));
}

/** The document a CRD alone contributes for one of its versions (the first served one by default). */
export function crdOpenAPIDocument(crd: KubeObject, metaSchemas: Record<string, unknown>, version?: string): JsonMap {
  const kinds = customKindsOf(crd).filter((k) => version === undefined || k.version === version);
  if (kinds.length === 0) throw new Error(`CustomResourceDefinition ${crd.metadata.name ?? ''} serves no version ${version ?? ''}`.trim());
  return customGroupVersionDocument([kinds[0]], metaSchemas);
}
