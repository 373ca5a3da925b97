// The simulated cluster: a kube-apiserver with kube-aggregator in front of it, as one fetch
// handler. The handler chain follows the real server's: /version and health, OpenAPI, the
// aggregator's proxy for service-backed APIServices, discovery, then the local REST handlers,
// and finally the plain-text 404 of the not-found handler.

import { systemClock, type Clock } from './clock.ts';
import { ControllerManager } from './controller.ts';
import { BackendRegistry, clusterAdmin, type ClusterContext, type FetchHandler } from './context.ts';
import { ApiError, internalError } from './errors.ts';
import { ResourceRegistry, type ResourceType } from './resources.ts';
import { ObjectStore, type StoreSnapshot } from './store.ts';
import { GarbageCollector } from './garbage_collector.ts';
import { EventTTLController } from './controllers/event_ttl.ts';
import { resolveScenario, type Scenario, type ScenarioLoader } from './scenario.ts';
import { isObject, type KubeObject } from './types.ts';
import { requestInfo } from './apiserver/request_info.ts';
import { serveResource, type RestHooks } from './apiserver/handlers.ts';
import { errorResponse, pageNotFound, plainTextError, statusResponse } from './apiserver/response.ts';
import { versionResponse } from './apiserver/version.ts';
import { proxyToAPIService } from './aggregator/handler_proxy.ts';
import { RemoteDiscoveryCache } from './aggregator/remote_discovery.ts';
import { createAPIServiceType } from './apiregistration/index.ts';
import { builtinAPIServices } from './apiregistration/builtin.ts';
import { LocalAvailableController, RemoteAvailableController } from './apiregistration/available_controller.ts';
import { resolveService, type ResolvedBackend } from './aggregator/resolver.ts';
import { builtinCatalog } from './discovery/catalog.ts';
import { serveDiscovery } from './discovery/index.ts';
import { createCoreBehaviours } from './core/index.ts';
import { coreControllers } from './controllers/index.ts';
import { CRDController, crdBehaviour } from './apiextensions/index.ts';
import { registerExtensionServers } from './extensions/index.ts';

export const apiServicesGR = { group: 'apiregistration.k8s.io', resource: 'apiservices' };

/** The cluster's clock: the given clock, shifted back while a scenario replays its history. */
class ClusterClock implements Clock {
  offset = 0;
  private readonly base: Clock;
  constructor(base: Clock) {
    this.base = base;
  }
  now(): number {
    return this.base.now() + this.offset;
  }
}

export interface ClusterOptions {
  /** Defaults to the wall clock. Tests pass a ManualClock. */
  clock?: Clock;
  /** A scenario file's text, or a parsed scenario. Without one the cluster has only its built-in objects. */
  scenario?: string | Scenario;
  /** Reads other scenario files by name, for a scenario that starts from another (`base:`). */
  scenarios?: ScenarioLoader;
  /** Start from a saved state (Cluster.snapshot) instead of replaying the scenario. */
  snapshot?: ClusterSnapshot;
  /**
   * Awaited between the steps of a scenario's replay: a page passes a yield to its event loop,
   * so the boot runs as many short tasks instead of one long one. Nothing else changes.
   */
  pause?: () => Promise<void>;
}

export interface ClusterSnapshot {
  scenario: string;
  store: StoreSnapshot;
}

const noScenarioLoader: ScenarioLoader = (name) => {
  throw new Error(`scenario ${JSON.stringify(name)} is needed as a base, but no scenario loader was given`);
};

/**
 * How the aggregation layer routed a request: served by the kube-apiserver itself (a Local
 * APIService, or discovery/OpenAPI/version), proxied to an extension server, or not found.
 */
export type RequestRoute =
  | { kind: 'apiserver' }
  | { kind: 'local'; apiService: string }
  | { kind: 'proxied'; apiService: string; service: string }
  | { kind: 'notfound' };

export interface RequestRecord {
  method: string;
  url: string;
  status: number;
  route: RequestRoute;
}

export interface Cluster {
  /** The whole apiserver: Request in, Response out. Never throws. */
  fetch: FetchHandler;
  ctx: ClusterContext;
  scenario: string;
  /** Be told of every request once it is answered (the request-flow diagram listens). */
  observe(fn: (record: RequestRecord) => void): () => void;
  /** The cluster's state as JSON, to save and later pass back as ClusterOptions.snapshot. */
  snapshot(): ClusterSnapshot;
}

const behaviourKey = (t: { group: string; version: string; resource: string }) => `${t.group}/${t.version}/${t.resource}`;

function servedKinds(registry: ResourceRegistry, clock: Clock, store: ObjectStore): void {
  const apiServiceType = createAPIServiceType(clock);
  const overrides: Record<string, Partial<ResourceType>> = {
    ...createCoreBehaviours(store),
    'apiextensions.k8s.io/v1/customresourcedefinitions': crdBehaviour,
  };
  for (const t of builtinCatalog) {
    if (t.group === 'apiregistration.k8s.io' && t.resource === 'apiservices') registry.add({ ...t, ...apiServiceType });
    else registry.add({ ...t, ...(overrides[behaviourKey(t)] ?? {}) });
  }
}

/**
 * Audit and priority-and-fairness headers every apiserver response carries. The read paths build
 * their responses with them (one Headers fill is far cheaper than setting four afterwards); the
 * others get them set here.
 */
function serverHeaders(auditId: string): Record<string, string> {
  return {
    'Audit-Id': auditId,
    'Cache-Control': 'no-cache, private',
    'X-Kubernetes-Pf-Flowschema-Uid': '1d2f6c3e-9b27-4a8f-8c0e-2b1a0f3d4e5a',
    'X-Kubernetes-Pf-Prioritylevel-Uid': '7e8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c',
  };
}

function withServerHeaders(response: Response, server: Record<string, string>): Response {
  let headers = response.headers;
  const auditId = server['Audit-Id'];
  if (headers.get('Audit-Id') === auditId) return response;
  try {
    headers.set('Audit-Id', auditId);
  } catch {
    // A response whose headers are immutable (one that came from a real fetch) is copied once.
    response = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(headers) });
    headers = response.headers;
    headers.set('Audit-Id', auditId);
  }
  for (const [name, value] of Object.entries(server)) {
    if (name === 'Audit-Id' || (name === 'Cache-Control' && headers.has(name))) continue;
    headers.set(name, value);
  }
  return response;
}

function auditIdFor(n: number): string {
  const hex = (n >>> 0).toString(16).padStart(12, '0');
  return `5f0c6a2e-7b1d-4c3e-9a8f-${hex}`;
}

export async function createCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const clock = new ClusterClock(options.clock ?? systemClock);
  const registry = new ResourceRegistry();
  const store = new ObjectStore(clock, {
    tracksGeneration: (gr) => registry.all().some((t) => t.group === gr.group && t.resource === gr.resource && t.hasGeneration === true),
  });
  const controllers = new ControllerManager();
  const backends = new BackendRegistry();
  const ctx: ClusterContext = { store, registry, clock, controllers, backends };
  store.subscribe((e) => controllers.observe(e));
  servedKinds(registry, clock, store);

  // Resolution reads only the store and the backends: the same APIService object (the store
  // replaces an object on write) at the same store revision resolves the same way.
  const resolved = new WeakMap<KubeObject, { revision: string; backends: number; backend: ResolvedBackend }>();
  const resolve = (apiService: KubeObject): ResolvedBackend => {
    const revision = store.resourceVersion;
    const hit = resolved.get(apiService);
    if (hit && hit.revision === revision && hit.backends === backends.generation) return hit.backend;
    const svc = (apiService.spec as { service?: { namespace: string; name: string; port?: number } }).service!;
    const backend = resolveService(ctx, svc.namespace, svc.name, svc.port ?? 443);
    resolved.set(apiService, { revision, backends: backends.generation, backend });
    return backend;
  };
  const remoteDiscovery = new RemoteDiscoveryCache(ctx, resolve);

  controllers.add(new GarbageCollector(store));
  controllers.add(new EventTTLController(ctx));
  for (const c of coreControllers(ctx)) controllers.add(c);
  controllers.add(new CRDController(ctx));
  controllers.add(new LocalAvailableController(ctx));
  controllers.add(new RemoteAvailableController(ctx));
  registerExtensionServers(ctx);

  // OpenAPI serving and strict field checks load on first use: a page that only reads never pays for them.
  const openapi = () => import('./openapi/index.ts');
  const hooks: RestHooks = {
    unknownFields: async (type, obj) => (await openapi()).unknownFields(type.group, type.version, type.kind, obj, type.schema),
  };

  let requests = 0;
  let lastResync = clock.now();

  const observers = new Set<(record: RequestRecord) => void>();

  /** Answer one request; `trace.route` records where the aggregation layer sent it. */
  async function serve(request: Request, trace: { route: RequestRoute }, headers: Record<string, string>): Promise<Response> {
    // Informers resync every 30 s: re-check availability then (lazily, on the next request).
    if (clock.now() - lastResync >= 30_000) {
      lastResync = clock.now();
      controllers.resyncAll();
      await controllers.settle();
    }
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/version' || path === '/version/') return versionResponse();
    if (path === '/healthz' || path === '/livez' || path === '/readyz') {
      return new Response('ok', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
    }
    if (path === '/openapi/v2' || path.startsWith('/openapi/v3')) {
      return (await (await openapi()).serveOpenAPI(ctx, request)) ?? pageNotFound();
    }
    const info = requestInfo(request.method, url);
    if (info.apiPrefix === 'apis' && info.apiGroup && info.apiVersion) {
      const apiService = store.get(apiServicesGR, undefined, `${info.apiVersion}.${info.apiGroup}`);
      if (apiService && isObject(apiService.spec) && apiService.spec.service) {
        const svc = apiService.spec.service as { namespace: string; name: string; port?: number };
        trace.route = { kind: 'proxied', apiService: apiService.metadata.name ?? '', service: `${svc.namespace}/${svc.name}:${svc.port ?? 443}` };
        return proxyToAPIService(apiService, request, url, () => resolve(apiService), clusterAdmin);
      }
    }
    const discovery = await serveDiscovery(ctx, request, remoteDiscovery, { headers });
    if (discovery) return discovery;
    if (info.isResourceRequest) {
      const served = info.apiPrefix === 'api' ? info.apiVersion === 'v1' : registry.servesGroupVersion(info.apiGroup, info.apiVersion);
      if (!served) {
        trace.route = { kind: 'notfound' };
        return pageNotFound();
      }
      trace.route = { kind: 'local', apiService: info.apiPrefix === 'api' ? 'v1.' : `${info.apiVersion}.${info.apiGroup}` };
      return serveResource(ctx, info, request, url, hooks, headers);
    }
    trace.route = { kind: 'notfound' };
    return pageNotFound();
  }

  const fetch: FetchHandler = async (request) => {
    const headers = serverHeaders(auditIdFor(++requests));
    let response: Response;
    const trace: { route: RequestRoute } = { route: { kind: 'apiserver' } };
    try {
      response = await serve(request, trace, headers);
    } catch (e) {
      if (e instanceof ApiError) response = errorResponse(e);
      else if (e instanceof TypeError && /URL/.test(e.message)) response = plainTextError('400 Bad Request', 400);
      else response = statusResponse(internalError(e instanceof Error ? e.message : String(e)).status);
    }
    if (observers.size > 0) {
      const record: RequestRecord = { method: request.method, url: request.url, status: response.status, route: trace.route };
      for (const fn of observers) fn(record);
    }
    return withServerHeaders(response, headers);
  };

  const scenario = typeof options.scenario === 'string' ? await resolveScenario(options.scenario, options.scenarios ?? noScenarioLoader) : options.scenario;
  const scenarioName = options.snapshot?.scenario ?? scenario?.name ?? '';
  if (options.snapshot) {
    // The controllers' work is already in the saved objects: only let them look again.
    store.restore(options.snapshot.store);
    controllers.resyncAll();
    await controllers.settle();
  } else {
    await boot(ctx, clock, fetch, scenario, options.pause);
  }
  return {
    fetch,
    ctx,
    scenario: scenarioName,
    snapshot: () => ({ scenario: scenarioName, store: store.snapshot() }),
    observe(fn) {
      observers.add(fn);
      return () => observers.delete(fn);
    },
  };
}

/** The REST path of an object's collection, e.g. /apis/apps/v1/namespaces/default/deployments. */
function collectionPath(type: ResourceType, namespace: string | undefined): string {
  const prefix = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  return type.namespaced ? `${prefix}/namespaces/${namespace ?? 'default'}/${type.resource}` : `${prefix}/${type.resource}`;
}

/**
 * Replay the cluster's history: the control plane's own APIServices when it started, then each
 * scenario object at its age, created through the API as a client would, with its status
 * written afterwards as the kubelet or a controller would.
 */
async function boot(ctx: ClusterContext, clock: ClusterClock, fetch: FetchHandler, scenario: Scenario | undefined, pause?: () => Promise<void>): Promise<void> {
  clock.offset = -(scenario?.clusterAgeMs ?? 0);
  const apiServices = ctx.registry.get('apiregistration.k8s.io', 'v1', 'apiservices')!;
  for (const obj of builtinAPIServices()) {
    apiServices.defaults?.(obj);
    apiServices.prepareForCreate?.(obj);
    ctx.store.create(apiServices, obj, undefined, { generation: false });
  }
  await ctx.controllers.settle();
  for (const item of scenario?.objects ?? []) {
    await pause?.();
    clock.offset = -item.ageMs;
    const obj = item.object;
    const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
    const type = ctx.registry.byKind(group, version, obj.kind);
    if (!type) throw new Error(`scenario ${scenario!.name}: the cluster does not serve ${obj.kind} in ${obj.apiVersion}`);
    const base = `http://sim${collectionPath(type, obj.metadata.namespace)}`;
    const { status, ...rest } = obj;
    const created = await fetch(new Request(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rest) }));
    if (created.status !== 201) throw new Error(`scenario ${scenario!.name}: creating ${obj.kind} ${obj.metadata.name}: ${await created.text()}`);
    if (status !== undefined && (type.subresources ?? []).includes('status')) {
      const current = (await created.json()) as KubeObject;
      const res = await fetch(
        new Request(`${base}/${obj.metadata.name}/status`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...current, status }),
        }),
      );
      if (res.status !== 200) throw new Error(`scenario ${scenario!.name}: status of ${obj.kind} ${obj.metadata.name}: ${await res.text()}`);
    }
    await ctx.controllers.settle();
  }
  await pause?.();
  clock.offset = 0;
  // Back in the present: what expired while the history replayed (old events) goes now.
  ctx.controllers.resyncAll();
  await ctx.controllers.settle();
}

