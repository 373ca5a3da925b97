// kubectl's OpenAPI v3 client: the root index (`GET /openapi/v3`), one document per
// group-version fetched by its hash URL, both cached for the command; the query-parameter
// verifier that asks whether the server's PATCH operation for a kind takes `fieldValidation`;
// and the patch metadata (x-kubernetes-patch-strategy/merge-key) a strategic merge patch needs.

import type { RESTClient } from '../rest/client.ts';
import { caller } from '../rest/body_log.ts';
import { mergeAsSet, type MergeKeys } from '../../lib/strategic_merge_patch.ts';

interface SchemaObject {
  type?: string;
  $ref?: string;
  allOf?: SchemaObject[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

interface Operation {
  requestBody?: { content?: Record<string, unknown> };
  parameters?: { name?: string; in?: string; $ref?: string }[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string };
}

interface GVDocument {
  paths?: Record<string, { patch?: Operation; parameters?: { name?: string; $ref?: string }[] }>;
  components?: { schemas?: Record<string, SchemaObject>; parameters?: Record<string, { name?: string }> };
}

export interface GVK {
  group: string;
  version: string;
  kind: string;
}

/**
 * The parameter is not offered: kubectl then validates against the OpenAPI v2 schema itself.
 * `download` marks the case where kubectl's v2 verifier fetched the document (a kind missing
 * from its group-version's document), whose failure reads `failed to download openapi: ...`.
 */
export class ParamUnsupportedError extends Error {
  readonly download: boolean;
  constructor(download = false) {
    super('parameter unsupported');
    this.download = download;
  }
}

/** The group-version is not in the OpenAPI index. */
class GroupVersionNotFound extends Error {}

export class OpenAPIV3 {
  private readonly client: RESTClient;
  private root: Promise<Record<string, { serverRelativeURL?: string }>> | undefined;
  private readonly docs = new Map<string, Promise<GVDocument>>();

  constructor(client: RESTClient) {
    this.client = client;
  }

  private paths(): Promise<Record<string, { serverRelativeURL?: string }>> {
    this.root ??= this.client
      .getJSON<{ paths?: Record<string, { serverRelativeURL?: string }> }>({ caller: caller.openAPIV3Paths, httpCache: true, path: '/openapi/v3?timeout=32s', accept: 'application/json, */*' })
      .then((r) => r.paths ?? {});
    return this.root;
  }

  async gvSpec(group: string, version: string): Promise<GVDocument> {
    const key = group ? `apis/${group}/${version}` : `api/${version}`;
    const paths = await this.paths();
    const entry = paths[key];
    if (!entry?.serverRelativeURL) throw new GroupVersionNotFound(key);
    let doc = this.docs.get(key);
    if (!doc) {
      const url = entry.serverRelativeURL;
      doc = this.client.getJSON<GVDocument>({ caller: caller.openAPIV3GroupVersion, httpCache: true, path: `${url}${url.includes('?') ? '&' : '?'}timeout=32s`, accept: 'application/json' });
      this.docs.set(key, doc);
    }
    return doc;
  }

  /** cli-runtime's queryParamVerifierV3.HasSupport for `fieldValidation`. */
  async hasFieldValidation(gvk: GVK): Promise<void> {
    if (gvk.group === '' && gvk.version === 'v1' && gvk.kind === 'List') throw new ParamUnsupportedError();
    let doc: GVDocument;
    try {
      doc = await this.gvSpec(gvk.group, gvk.version);
    } catch (e) {
      if (!(e instanceof GroupVersionNotFound)) throw e;
      // Not in the index: a custom resource is validated by the server when a CRD defines it.
      const crds = await this.client.getJSON<{ items?: { spec?: { group?: string; names?: { kind?: string }; versions?: { name?: string }[] } }[] }>({ caller: caller.dynamicList,
        path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
        accept: 'application/json',
      });
      const defined = (crds.items ?? []).some(
        (c) => c.spec?.group === gvk.group && c.spec.names?.kind === gvk.kind && (c.spec.versions ?? []).some((v) => v.name === gvk.version),
      );
      if (defined) return;
      throw new ParamUnsupportedError();
    }
    const wanted = gvk;
    for (const item of Object.values(doc.paths ?? {})) {
      const op = item.patch;
      const opGVK = op?.['x-kubernetes-group-version-kind'];
      if (!op || !opGVK || opGVK.group !== wanted.group || opGVK.version !== wanted.version || opGVK.kind !== wanted.kind) continue;
      const params = [...(op.parameters ?? []), ...(item.parameters ?? [])];
      const names = params.map((p) => p.name ?? (p.$ref ? doc.components?.parameters?.[p.$ref.split('/').pop()!]?.name : undefined));
      if (names.includes('fieldValidation')) return;
      throw new ParamUnsupportedError();
    }
    throw new ParamUnsupportedError(true);
  }

  /**
   * The patcher's gvkSupportsPatchOpenapiV3 and schema lookup: the kind's schema when its PATCH
   * operation takes a strategic merge patch; `missing` when the group-version has no document,
   * `unsupported` when the operation does not take one.
   */
  async strategicSchema(gvk: GVK): Promise<PatchSchema | 'missing' | 'unsupported'> {
    let doc: GVDocument;
    try {
      doc = await this.gvSpec(gvk.group, gvk.version);
    } catch (e) {
      if (e instanceof GroupVersionNotFound) return 'missing';
      throw e;
    }
    const matches = (k: { group: string; version: string; kind: string } | undefined) =>
      k !== undefined && k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind;
    const op = Object.values(doc.paths ?? {}).find((item) => matches(item.patch?.['x-kubernetes-group-version-kind']))?.patch;
    if (!op || !Object.keys(op.requestBody?.content ?? {}).includes('application/strategic-merge-patch+json')) return 'unsupported';
    const schemas = doc.components?.schemas ?? {};
    for (const schema of Object.values(schemas)) {
      if ((schema['x-kubernetes-group-version-kind'] ?? []).some(matches)) return new PatchSchema(schema, schemas);
    }
    return 'unsupported';
  }
}

/** Navigates a kind's schema for strategic merge patch metadata. */
export class PatchSchema {
  readonly schema: SchemaObject;
  private readonly schemas: Record<string, SchemaObject>;

  constructor(schema: SchemaObject, schemas: Record<string, SchemaObject>) {
    this.schemas = schemas;
    this.schema = this.resolve(schema);
  }

  private resolve(s: SchemaObject): SchemaObject {
    for (let i = 0; i < 20; i++) {
      if (s.$ref) s = this.schemas[s.$ref.split('/').pop()!] ?? {};
      else if (s.allOf?.length === 1 && !s.properties) s = { ...s.allOf[0]!, ...s, allOf: undefined };
      else break;
    }
    return s;
  }

  /** The schema of a map field, keeping the field's own patch extensions. */
  field(name: string): { schema: PatchSchema | undefined; strategy: string; mergeKey: string } {
    const raw = this.schema.properties?.[name];
    let strategy = '';
    let mergeKey = '';
    let child: SchemaObject | undefined;
    if (raw) {
      strategy = raw['x-kubernetes-patch-strategy'] ?? raw.allOf?.[0]?.['x-kubernetes-patch-strategy'] ?? '';
      mergeKey = raw['x-kubernetes-patch-merge-key'] ?? '';
      child = raw;
    } else if (typeof this.schema.additionalProperties === 'object') {
      child = this.schema.additionalProperties;
    }
    return { schema: child ? new PatchSchema(child, this.schemas) : undefined, strategy, mergeKey };
  }

  /** For an array schema: the schema of its items. */
  items(): PatchSchema | undefined {
    return this.schema.items ? new PatchSchema(this.schema.items, this.schemas) : undefined;
  }
}

const noKeys: MergeKeys = { list: () => undefined, field: () => noKeys };

/** A kind's patch metadata as strategicMergePatch looks it up: x-kubernetes-patch-strategy and -merge-key. */
export function schemaMergeKeys(schema: PatchSchema | undefined): MergeKeys {
  if (!schema) return noKeys;
  return {
    list(name) {
      const f = schema.field(name);
      if (!f.strategy.split(',').includes('merge')) return undefined;
      return f.mergeKey || mergeAsSet;
    },
    field(name) {
      const child = schema.field(name).schema;
      return schemaMergeKeys(child?.schema.type === 'array' ? child.items() : child);
    },
  };
}
