// The generic REST handlers (apiserver pkg/endpoints/handlers): get, list, create, update,
// patch and delete over the object store, with each kind's strategy (defaults, prepare,
// validate), the status and scale subresources, and server-side Table output.

import { decodeObjectMeta } from './go_decode.ts';
import type { ClusterContext } from '../context.ts';
import {
  ApiError,
  badRequest,
  invalidObject,
  methodNotSupported,
  notFound,
  resourceNotFound,
  type GroupResource,
} from '../errors.ts';
import type { ResourceType, TableContext } from '../resources.ts';
import { groupVersion } from '../resources.ts';
import { defaultTable } from '../table.ts';
import { invalid } from '../fielderrors.ts';
import { clone, isObject, type KubeObject } from '../types.ts';
import { parseBody, readBody, requireObject } from './decode.ts';
import { jsonMergePatch, jsonPatch, JsonPatchError } from '../../lib/json_patch.ts';
import { namespacesGR } from '../controllers/workqueue.ts';
import { strategicMergePatch } from './patch.ts';
import type { RequestInfo } from './request_info.ts';
import { jsonResponse, rawJsonResponse } from './response.ts';
import { parseFieldSelector, parseLabelSelector } from './selectors.ts';
import { partialObjectMetadata, wireListItem, wireObject } from './serialize.ts';

export interface RestHooks {
  /** Unknown fields of an object, worded as the strict decoder words them; [] when all are known. */
  unknownFields?(type: ResourceType, obj: KubeObject): Promise<string[]>;
}

// Clients send the same few Accept headers over and over.
const tableMemo = new Map<string, boolean>();

function wantsTable(request: Request): boolean {
  const accept = request.headers.get('Accept') ?? '';
  let table = tableMemo.get(accept);
  if (table === undefined) {
    table = accept.split(',').some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
    if (tableMemo.size >= 64) tableMemo.clear();
    tableMemo.set(accept, table);
  }
  return table;
}

/** `headers`: what the server adds to every response, put into a read's response as it is built. */
export async function serveResource(
  ctx: ClusterContext,
  info: RequestInfo,
  request: Request,
  url: URL,
  hooks: RestHooks,
  headers: Record<string, string> = {},
): Promise<Response> {
  const type = ctx.registry.get(info.apiGroup, info.apiVersion, info.resource);
  if (!type) throw resourceNotFound();
  if (info.subresource && !(type.subresources ?? []).includes(info.subresource)) throw resourceNotFound();
  // A cluster-scoped kind addressed under a namespace, or a namespaced one named without one, is not served there.
  if (info.namespace && !type.namespaced) throw resourceNotFound();
  if (info.name && type.namespaced && !info.namespace) throw resourceNotFound();
  if (!type.verbs.includes(info.verb === 'watch' ? 'watch' : info.verb)) {
    throw methodNotSupported(type, info.verb);
  }
  if (info.verb === 'get' || info.verb === 'list') {
    // Reads of an unchanged store within the same second (AGE cells) give the same bytes.
    const table = wantsTable(request);
    const key = `${url.pathname}${url.search} ${table}`;
    const stamp = `${ctx.store.resourceVersion}@${Math.floor(ctx.clock.now() / 1000)}`;
    const cache = readCacheFor(ctx);
    const hit = cache.get(key);
    if (hit?.stamp === stamp) return rawJsonResponse(hit.body, 200, headers);
    const body = JSON.stringify(read(ctx, new RestStorage(ctx, type, hooks), type, info, table, url.searchParams)) + '\n';
    if (cache.size >= 256) cache.clear();
    cache.set(key, { stamp, body });
    return rawJsonResponse(body, 200, headers);
  }
  const rest = new RestStorage(ctx, type, hooks);
  const query = url.searchParams;
  const dryRun = query.getAll('dryRun').includes('All');
  switch (info.verb) {
    case 'create': {
      const body = requireObject(parseBody(await readBody(request), request.headers.get('Content-Type') ?? ''));
      const created = await rest.create(info.namespace, body as KubeObject, query.get('fieldValidation'), dryRun);
      return jsonResponse(wireObject(created, !!type.custom), 201);
    }
    case 'update': {
      const body = requireObject(parseBody(await readBody(request), request.headers.get('Content-Type') ?? ''));
      const updated = await rest.update(info, body as KubeObject, query.get('fieldValidation'), dryRun);
      return jsonResponse(wireObject(updated, !!type.custom));
    }
    case 'patch': {
      const contentType = request.headers.get('Content-Type') ?? '';
      const text = await readBody(request);
      const result = await rest.patch(info, text, contentType, query.get('fieldValidation'), dryRun);
      return jsonResponse(wireObject(result.object, !!type.custom), result.created ? 201 : 200);
    }
    case 'delete': {
      const old = rest.get(info.namespace, info.name);
      if (!dryRun) {
        ctx.store.delete(type, info.namespace || undefined, info.name);
        await ctx.controllers.settle();
      }
      return jsonResponse({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name: info.name, group: type.group || undefined, kind: type.resource, uid: old.metadata.uid },
      });
    }
    default:
      throw methodNotSupported(type, info.verb);
  }
}

const readCaches = new WeakMap<ClusterContext, Map<string, { stamp: string; body: string }>>();

function readCacheFor(ctx: ClusterContext): Map<string, { stamp: string; body: string }> {
  let cache = readCaches.get(ctx);
  if (!cache) {
    cache = new Map();
    readCaches.set(ctx, cache);
  }
  return cache;
}

/** The body of a get or list: the object, the list, or their Table. */
function read(ctx: ClusterContext, rest: RestStorage, type: ResourceType, info: RequestInfo, table: boolean, query: URLSearchParams): unknown {
  if (info.verb === 'get') {
    const obj = rest.get(info.namespace, info.name);
    if (table && info.subresource === '') return rest.table([obj], false, query.get('includeObject'));
    return wireObject(info.subresource === 'scale' && type.scale ? type.scale.toScale(obj) : obj, !!type.custom);
  }
  const items = rest.list(info.namespace, query.get('labelSelector'), query.get('fieldSelector'));
  if (table) return rest.table(items, true, query.get('includeObject'));
  return {
    kind: type.listKind,
    apiVersion: groupVersion(type),
    metadata: { resourceVersion: ctx.store.resourceVersion },
    items: items.map((o) => wireListItem(o, !!type.custom)),
  };
}

/** One kind's registry: the strategy steps around each store operation. */
class RestStorage {
  private readonly ctx: ClusterContext;
  private readonly type: ResourceType;
  private readonly hooks: RestHooks;

  constructor(ctx: ClusterContext, type: ResourceType, hooks: RestHooks) {
    this.ctx = ctx;
    this.type = type;
    this.hooks = hooks;
  }

  get(namespace: string, name: string): KubeObject {
    const obj = this.ctx.store.get(this.type, namespace || undefined, name);
    if (!obj) throw notFound(this.type, name);
    return this.view(obj);
  }

  /**
   * An object as it leaves the storage (get, list and write results): fields renewed on a
   * schedule as of now (the kind's asOf), so a write's answer shows what the next read does.
   */
  private view(obj: KubeObject): KubeObject {
    return this.type.asOf ? this.type.asOf(obj, { now: this.ctx.clock.now(), lookup: this.ctx.store }) : obj;
  }

  list(namespace: string, labelSelector: string | null, fieldSelector: string | null): KubeObject[] {
    const matchesLabels = parseLabelSelector(labelSelector);
    const supported = new Set(['metadata.name', 'metadata.namespace', ...(this.type.fieldSelectors ?? [])]);
    const matchesFields = parseFieldSelector(fieldSelector, (f) => supported.has(f));
    const items = this.ctx.store
      .list(this.type, namespace || undefined)
      .filter((o) => matchesLabels(o.metadata.labels) && matchesFields(o));
    return this.type.asOf ? items.map((o) => this.view(o)) : items;
  }

  /** includeObject=Object puts each whole object in its row (kubectl's --sort-by reads it); None, no object. */
  table(objects: KubeObject[], isList: boolean, includeObject: string | null): unknown {
    const def = this.type.table ?? defaultTable;
    const tctx: TableContext = { now: this.ctx.clock.now(), lookup: this.ctx.store };
    const table: Record<string, unknown> = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: isList ? { resourceVersion: this.ctx.store.resourceVersion } : {},
      columnDefinitions: def.columns,
      rows: objects.map((o) => ({ cells: def.cells(o, tctx), object: rowObject(o, includeObject, !!this.type.custom) })),
    };
    if (!isList) table.metadata = { resourceVersion: objects[0]?.metadata.resourceVersion };
    return table;
  }

  /** The checks every write makes on the decoded body's type and name. */
  private checkTypeMeta(obj: KubeObject): void {
    const expected = groupVersion(this.type);
    if (typeof obj.kind !== 'string' || obj.kind === '') {
      throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
    }
    if (obj.apiVersion !== expected || obj.kind !== this.type.kind) {
      const version = typeof obj.apiVersion === 'string' ? obj.apiVersion.split('/').pop() : '';
      throw badRequest(
        `${obj.kind} in version "${version}" cannot be handled as a ${this.type.kind}: no kind "${obj.kind}" is registered for version "${obj.apiVersion ?? ''}" in scheme "pkg/api/legacyscheme/scheme.go:30"`,
      );
    }
    if (!isObject(obj.metadata)) obj.metadata = {};
  }

  /** Decode as the kind's Go type would: unknown fields dropped, wrong types a 400. */
  private decode(obj: KubeObject): KubeObject {
    const result = this.type.decode ? this.type.decode(obj) : decodeObjectMeta(obj, this.type.kind);
    if (!result.ok) throw badRequest(result.message);
    return result.obj;
  }

  private async checkFields(obj: KubeObject, fieldValidation: string | null): Promise<void> {
    const mode = fieldValidation ?? 'Warn';
    if (mode !== 'Strict' || !this.hooks.unknownFields) return;
    const unknown = await this.hooks.unknownFields(this.type, obj);
    if (unknown.length > 0) {
      throw badRequest(`${this.type.kind} in version "${this.type.version}" cannot be handled as a ${this.type.kind}: strict decoding error: ${unknown.join(', ')}`);
    }
  }

  private validateOrThrow(obj: KubeObject, old?: KubeObject): void {
    const errs = this.type.validate?.(obj, old) ?? [];
    if (errs.length > 0) throw invalidObject(this.type.kind, this.type.group, obj.metadata.name ?? '', errs);
  }

  async create(namespace: string, body: KubeObject, fieldValidation: string | null, dryRun: boolean): Promise<KubeObject> {
    this.checkTypeMeta(body);
    await this.checkFields(body, fieldValidation);
    const obj = this.decode(body);
    const meta = obj.metadata;
    if (this.type.namespaced) {
      if (meta.namespace && namespace && meta.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = namespace;
      if (!this.ctx.store.get(namespacesGR, undefined, namespace)) throw notFound(namespacesGR, namespace);
    } else {
      delete meta.namespace;
    }
    if (!meta.name && typeof meta.generateName === 'string' && meta.generateName) {
      meta.name = meta.generateName + generatedSuffix(this.ctx.store.resourceVersion + meta.generateName);
    }
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'selfLink', 'deletionTimestamp', 'managedFields']) {
      delete meta[k];
    }
    this.type.defaults?.(obj);
    this.type.prepareForCreate?.(obj);
    this.validateOrThrow(obj);
    if (dryRun) return { ...obj, metadata: { ...obj.metadata, uid: 'dry-run', creationTimestamp: null } };
    const created = this.ctx.store.create(this.type, obj, undefined, { generation: this.type.hasGeneration === true });
    await this.ctx.controllers.settle();
    return this.view(created);
  }

  async update(info: RequestInfo, body: KubeObject, fieldValidation: string | null, dryRun: boolean): Promise<KubeObject> {
    this.checkTypeMeta(body);
    await this.checkFields(body, fieldValidation);
    const obj = this.decode(body);
    if (this.type.allowUnconditionalUpdate === false && !obj.metadata.resourceVersion) {
      throw invalidObject(this.type.kind, this.type.group, obj.metadata.name ?? '', [
        invalid('metadata.resourceVersion', 0, 'must be specified for an update'),
      ]);
    }
    if (obj.metadata.name !== info.name) {
      throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${info.name})`);
    }
    if (this.type.namespaced) {
      if (obj.metadata.namespace && obj.metadata.namespace !== info.namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = info.namespace;
    }
    const old = this.ctx.store.get(this.type, info.namespace || undefined, info.name);
    if (!old) throw notFound(this.type, info.name);
    return this.write(obj, old, info.subresource, dryRun);
  }

  async patch(
    info: RequestInfo,
    text: string,
    contentType: string,
    fieldValidation: string | null,
    dryRun: boolean,
  ): Promise<{ object: KubeObject; created: boolean }> {
    const mediaType = contentType.split(';')[0].trim();
    const patchBody = parseBody(text, mediaType === 'application/apply-patch+yaml' ? mediaType : 'application/json');
    const existing = this.ctx.store.get(this.type, info.namespace || undefined, info.name);
    if (!existing) {
      if (mediaType === 'application/apply-patch+yaml' && info.subresource === '') {
        const obj = requireObject(patchBody) as KubeObject;
        if (isObject(obj.metadata) && obj.metadata.name && obj.metadata.name !== info.name) {
          throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${info.name})`);
        }
        return { object: await this.create(info.namespace, obj, fieldValidation, dryRun), created: true };
      }
      throw notFound(this.type, info.name);
    }
    const current: KubeObject =
      info.subresource === 'scale' && this.type.scale ? this.type.scale.toScale(existing) : clone(existing);
    let patched: unknown;
    try {
      switch (mediaType) {
        case 'application/merge-patch+json':
          patched = jsonMergePatch(current, requireObject(patchBody));
          break;
        case 'application/strategic-merge-patch+json':
          if (this.type.custom) throw unsupportedPatch(true);
          patched = strategicMergePatch(current, requireObject(patchBody));
          break;
        case 'application/json-patch+json':
          patched = jsonPatch(current, patchBody);
          break;
        case 'application/apply-patch+yaml':
          patched = strategicMergePatch(current, requireObject(patchBody));
          break;
        default:
          throw unsupportedPatch(!!this.type.custom);
      }
    } catch (e) {
      if (e instanceof JsonPatchError) throw badRequest(e.message);
      throw e;
    }
    const obj = requireObject(patched) as KubeObject;
    if (info.subresource === 'scale') {
      return { object: this.type.scale!.toScale(await this.write(obj, existing, 'scale', dryRun)), created: false };
    }
    if (!isObject(obj.metadata)) obj.metadata = {};
    if (obj.metadata.name !== info.name) {
      throw badRequest(`the name of the object (${String(obj.metadata.name ?? '')}) does not match the name on the URL (${info.name})`);
    }
    await this.checkFields(obj, fieldValidation);
    return { object: await this.write(this.decode(obj), existing, info.subresource, dryRun), created: false };
  }

  /** Update through the strategy of the main resource or of a subresource. */
  private async write(obj: KubeObject, old: KubeObject, subresource: string, dryRun: boolean): Promise<KubeObject> {
    let next: KubeObject;
    if (subresource === 'status') {
      // The status strategy: only status changes; spec and metadata stay as stored.
      next = obj;
      if (this.type.prepareForStatusUpdate) this.type.prepareForStatusUpdate(next, old);
      else next = { ...clone(old), status: obj.status };
    } else if (subresource === 'scale') {
      next = this.type.scale!.applyScale(clone(old), obj);
    } else {
      next = obj;
      next.apiVersion = old.apiVersion;
      next.kind = old.kind;
      const keep = ['uid', 'creationTimestamp', 'generation', 'deletionTimestamp'];
      for (const k of keep) next.metadata[k] = old.metadata[k];
      if ((this.type.subresources ?? []).includes('status')) next.status = clone(old.status);
      this.type.defaults?.(next);
      this.type.prepareForUpdate?.(next, old);
    }
    this.validateOrThrow(next, old);
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(old.spec);
    if (dryRun) return this.view(next);
    const stored = this.ctx.store.update(this.type, next, { bumpGeneration: specChanged && subresource !== 'status' });
    await this.ctx.controllers.settle();
    return this.view(stored);
  }
}

function rowObject(obj: KubeObject, includeObject: string | null, custom: boolean): unknown {
  if (includeObject === 'None') return null;
  if (includeObject === 'Object') return wireObject(obj, custom);
  return partialObjectMetadata(obj);
}

/** 415 for a patch type the kind does not accept; custom resources take no strategic merge patch. */
function unsupportedPatch(custom: boolean): ApiError {
  const accepted = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
  if (!custom) accepted.push('application/strategic-merge-patch+json');
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    reason: 'UnsupportedMediaType',
    code: 415,
  });
}

/** generateName's five characters, from the alphabet apimachinery's rand.String uses, derived. */
function generatedSuffix(seed: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + Math.imul(h, 31) >>> 0;
  }
  return out;
}
