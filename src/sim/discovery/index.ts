// The discovery endpoints of the simulated kube-apiserver: /api, /apis, /apis/<group>, and the
// resource lists of locally served group/versions (/api/v1, /apis/<group>/<version>). Remote
// group/versions are answered by their extension servers through the proxy, not here.
//
// Bodies are serialized once and reused until an APIService, the set of served kinds, or a remote
// server's discovery document changes: discovery is the most frequent request kubectl makes.

import type { ClusterContext } from '../context.ts';
import type { GroupResource } from '../errors.ts';
import type { ResourceType } from '../resources.ts';
import type { KubeObject } from '../types.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, apiregistrationGroupName } from './handler_apis.ts';
import {
  aggregatedApiGroups,
  aggregatedApisGroups,
  apiGroupDiscoveryList,
  isAPIServiceAvailable,
  isLocalAPIService,
  type RemoteResourceList,
} from './handler_discovery.ts';
import { aggregatedContentType, negotiateDiscovery } from './negotiation.ts';
import { sha512, toUpperHex, utf8Bytes } from './sha2.ts';
import type { AggregatedDiscoveryVersion, APIGroupDiscovery, APIResourceList } from './types.ts';
import { apiServiceOrderKey } from './version.ts';

export type { RemoteResourceList } from './handler_discovery.ts';

/** How the aggregator learns what a service-backed APIService's server serves. */
export interface RemoteDiscovery {
  /**
   * The APIResourceList the extension server behind `apiService` returns for its group/version, or
   * 'stale' when it could not be fetched. Return the same object while the document is unchanged:
   * the aggregated document is re-serialized only when an answer changes identity.
   * Only called for APIServices whose Available condition is True (others are Stale, as the
   * proxy's 503 makes them).
   */
  resources(apiService: KubeObject): Promise<RemoteResourceList | 'stale'>;
  /**
   * Until when the answers `resources` gave for `apiServices` stay the same while those
   * APIServices are unchanged (the earliest refresh of their cache); Infinity when nothing is due.
   */
  refreshDueAt(apiServices: KubeObject[]): number;
}

export interface DiscoveryOptions {
  /** host:port in /api's serverAddressByClientCIDRs. */
  serverAddress?: string;
  /** Headers the server adds to every response, put into these responses as they are built. */
  headers?: Record<string, string>;
}

const defaultServerAddress = '172.18.0.2:6443';
const apiServicesResource: GroupResource = { group: apiregistrationGroupName, resource: 'apiservices' };
const mediaTypesAccepted = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

/**
 * A JSON body as the server writes it: newline-terminated, encoded once, sent many times. Kept as
 * an exactly sized ArrayBuffer: a Response copies one faster than a view (and never detaches it).
 */
function jsonBytes(value: unknown): ArrayBuffer {
  const bytes = utf8Bytes(JSON.stringify(value) + '\n');
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.every((v, i) => v === y[i]);
}

interface AggregatedBody {
  /** The encoded document per aggregated version. */
  v2: ArrayBuffer;
  v2beta1: ArrayBuffer;
  etag: string;
}

function aggregatedBody(items: APIGroupDiscovery[], previous: AggregatedBody | undefined): AggregatedBody {
  const v2 = jsonBytes(apiGroupDiscoveryList('v2', items));
  if (previous && sameBytes(previous.v2, v2)) return previous;
  // The ETag is the hash of the list as the handler caches it: items only, no kind/apiVersion.
  const etag = toUpperHex(sha512(utf8Bytes(JSON.stringify({ metadata: {}, items }))));
  return { v2, v2beta1: jsonBytes(apiGroupDiscoveryList('v2beta1', items)), etag };
}

/** Everything discovery has serialized for one cluster, invalidated by store and registry events. */
class DiscoveryCache {
  private apiServicesGeneration = 0;
  private registryGeneration = 0;
  private legacyApis: { generation: number; body: ArrayBuffer } | undefined;
  private groups = new Map<string, ArrayBuffer | null>();
  private groupsGeneration = -1;
  private resourceLists = new Map<string, APIResourceList | null>();
  private resourceListBodies = new Map<string, ArrayBuffer>();
  private listsGeneration = -1;
  private aggregatedApi: { generation: number; body: AggregatedBody } | undefined;
  /** key: the APIServices' and the registry's generations, then each remote answer the body was built from. */
  private aggregatedApis: { key: unknown[]; body: AggregatedBody; validUntil: number } | undefined;
  private readonly ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
    ctx.store.subscribe((e) => {
      if (e.gr.group === apiServicesResource.group && e.gr.resource === apiServicesResource.resource) this.apiServicesGeneration++;
    });
    ctx.registry.onChange(() => this.registryGeneration++);
  }

  apiServices(): KubeObject[] {
    return this.ctx.store.list(apiServicesResource);
  }

  private syncLists(): void {
    if (this.listsGeneration === this.registryGeneration) return;
    this.listsGeneration = this.registryGeneration;
    this.resourceLists.clear();
    this.resourceListBodies.clear();
  }

  /** The resource list of a locally served group/version, or undefined when no kind is served there. */
  localList(group: string, version: string): APIResourceList | undefined {
    this.syncLists();
    const key = `${group}/${version}`;
    let list = this.resourceLists.get(key);
    if (list === undefined) {
      const types: ResourceType[] = this.ctx.registry.inGroupVersion(group, version);
      list = types.length ? apiResourceList(group, version, types) : null;
      this.resourceLists.set(key, list);
    }
    return list ?? undefined;
  }

  localListBody(group: string, version: string): ArrayBuffer | undefined {
    const list = this.localList(group, version);
    if (!list) return undefined;
    const key = `${group}/${version}`;
    let body = this.resourceListBodies.get(key);
    if (body === undefined) {
      body = jsonBytes(list);
      this.resourceListBodies.set(key, body);
    }
    return body;
  }

  legacyApisBody(): ArrayBuffer {
    if (this.legacyApis?.generation !== this.apiServicesGeneration) {
      this.legacyApis = { generation: this.apiServicesGeneration, body: jsonBytes(apiGroupList(this.apiServices())) };
    }
    return this.legacyApis.body;
  }

  groupBody(group: string): ArrayBuffer | undefined {
    if (this.groupsGeneration !== this.apiServicesGeneration) {
      this.groupsGeneration = this.apiServicesGeneration;
      this.groups.clear();
    }
    let body = this.groups.get(group);
    if (body === undefined) {
      const g = apiGroup(this.apiServices(), group);
      body = g ? jsonBytes(g) : null;
      this.groups.set(group, body);
    }
    return body ?? undefined;
  }

  aggregatedApiBody(): AggregatedBody {
    if (this.aggregatedApi?.generation !== this.registryGeneration) {
      const core = this.localList('', 'v1') ?? apiResourceList('', 'v1', []);
      this.aggregatedApi = { generation: this.registryGeneration, body: aggregatedBody(aggregatedApiGroups(core), this.aggregatedApi?.body) };
    }
    return this.aggregatedApi.body;
  }

  async aggregatedApisBody(remote: RemoteDiscovery): Promise<AggregatedBody> {
    // Nothing the document is built from has changed: no APIService, no served kind, and no
    // extension server's cached answer is due for a refresh yet.
    const last = this.aggregatedApis;
    if (last && last.key[0] === this.apiServicesGeneration && last.key[1] === this.registryGeneration && this.ctx.clock.now() < last.validUntil) {
      return last.body;
    }
    const apiServices = this.apiServices();
    const remoteResults = new Map<string, RemoteResourceList | 'stale'>();
    const asked: KubeObject[] = [];
    const key: unknown[] = [this.apiServicesGeneration, this.registryGeneration];
    for (const apiService of apiServices) {
      if (isLocalAPIService(apiService)) continue;
      let result: RemoteResourceList | 'stale' = 'stale';
      if (isAPIServiceAvailable(apiService)) {
        result = await remote.resources(apiService);
        asked.push(apiService);
      }
      remoteResults.set(apiServiceOrderKey(apiService).name, result);
      key.push(result);
    }
    const validUntil = remote.refreshDueAt(asked);
    const cached = this.aggregatedApis;
    if (cached && cached.key.length === key.length && cached.key.every((k, i) => k === key[i])) {
      this.aggregatedApis = { ...cached, validUntil };
      return cached.body;
    }
    const items = aggregatedApisGroups({
      apiServices,
      local: (group, version) => this.localList(group, version),
      remote: remoteResults,
    });
    const body = aggregatedBody(items, cached?.body);
    this.aggregatedApis = { key, body, validUntil };
    return body;
  }
}

const caches = new WeakMap<ClusterContext, DiscoveryCache>();

function cacheFor(ctx: ClusterContext): DiscoveryCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new DiscoveryCache(ctx);
    caches.set(ctx, cache);
  }
  return cache;
}

function jsonResponse(request: Request, body: ArrayBuffer, status = 200, server: Record<string, string> = {}): Response {
  return new Response(request.method === 'HEAD' ? null : body, { status, headers: { ...server, 'Content-Type': 'application/json' } });
}

function aggregatedResponse(request: Request, version: AggregatedDiscoveryVersion, body: AggregatedBody, server: Record<string, string> = {}): Response {
  const etag = `"${body.etag}"`;
  const headers = { ...server, 'Content-Type': aggregatedContentType(version), ETag: etag, Vary: 'Accept', 'Cache-Control': 'public' };
  if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : body[version], { status: 200, headers });
}

function notAcceptable(request: Request, server?: Record<string, string>): Response {
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `only the following media types are accepted: ${mediaTypesAccepted.join(', ')}`,
    reason: 'NotAcceptable',
    code: 406,
  };
  return jsonResponse(request, jsonBytes(status), 406, server);
}

function pathOf(url: string): string {
  // Request URLs are absolute; skip the scheme and authority without a full URL parse.
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/**
 * Answer a discovery request, or return undefined when `request` is not one this module serves
 * (including /apis/<group>/<version> of a service-backed APIService: that goes through the proxy).
 */
export async function serveDiscovery(
  ctx: ClusterContext,
  request: Request,
  remote: RemoteDiscovery,
  options: DiscoveryOptions = {},
): Promise<Response | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const path = pathOf(request.url);
  if (path !== '/api' && path !== '/apis' && !path.startsWith('/api/') && !path.startsWith('/apis/')) return undefined;
  const cache = cacheFor(ctx);
  const server = options.headers;

  if (path === '/api' || path === '/apis' || path === '/apis/') {
    const negotiated = negotiateDiscovery(request.headers.get('Accept'));
    if (negotiated.format === 'notAcceptable') return notAcceptable(request, server);
    if (path === '/api') {
      if (negotiated.format === 'aggregated') return aggregatedResponse(request, negotiated.version, cache.aggregatedApiBody(), server);
      return jsonResponse(request, jsonBytes(apiVersions(options.serverAddress ?? defaultServerAddress)), 200, server);
    }
    if (negotiated.format === 'aggregated') return aggregatedResponse(request, negotiated.version, await cache.aggregatedApisBody(remote), server);
    return jsonResponse(request, cache.legacyApisBody(), 200, server);
  }

  if (path === '/api/v1') {
    const body = cache.localListBody('', 'v1');
    return body ? jsonResponse(request, body, 200, server) : undefined;
  }

  if (!path.startsWith('/apis/')) return undefined;
  const segments = path.slice('/apis/'.length).split('/');
  if (segments[segments.length - 1] === '') segments.pop(); // /apis/<group>/ is the group too
  if (segments.length === 1 && segments[0]) {
    const body = cache.groupBody(segments[0]);
    return body ? jsonResponse(request, body, 200, server) : undefined;
  }
  if (segments.length === 2 && segments[0] && segments[1] && !path.endsWith('/')) {
    const [group, version] = segments;
    const backed = cache.apiServices().some((s) => {
      const k = apiServiceOrderKey(s);
      return k.group === group && k.version === version && !isLocalAPIService(s);
    });
    if (backed) return undefined;
    const body = cache.localListBody(group, version);
    return body ? jsonResponse(request, body, 200, server) : undefined;
  }
  return undefined;
}
