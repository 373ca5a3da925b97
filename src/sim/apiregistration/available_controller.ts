// kube-aggregator's APIService availability controllers (pkg/controllers/status):
// - local/local_available_controller.go: Local APIServices are always Available=True/Local.
// - remote/remote_available_controller.go (v1.32, Endpoints-based): for service-backed ones,
//   the Service, its port, ready Endpoints, then a discovery GET through the ServiceResolver.
// Both write status only when it changed; lastTransitionTime moves only when the status flips.

import { rfc3339 } from '../clock.ts';
import { goQuote } from '../fielderrors.ts';
import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { StoreEvent } from '../store.ts';
import type { KubeObject } from '../types.ts';
import { endpointsGR, hasReadyEndpoint, resolveService, servicePorts, servicesGR, serviceType } from '../aggregator/resolver.ts';
import {
  apiServiceGR,
  conditionsOf,
  newLocalAvailableAPIServiceCondition,
  serviceOf,
  setAPIServiceCondition,
  specOf,
  type APIServiceCondition,
  type ConditionStatus,
} from './helpers.ts';
import { canonicalAPIService } from './strategy.ts';

export { availableCondition, isAPIServiceAvailable } from './helpers.ts';

const sameGR = (a: { group: string; resource: string }, b: { group: string; resource: string }) =>
  a.group === b.group && a.resource === b.resource;

/** updateAPIServiceStatus: write the new conditions only if they differ from the stored ones. */
function updateAPIServiceStatus(ctx: ClusterContext, original: KubeObject, conditions: APIServiceCondition[]): void {
  if (JSON.stringify(conditionsOf(original)) === JSON.stringify(conditions)) return;
  const next = canonicalAPIService({ ...structuredClone(original), status: { conditions } });
  try {
    ctx.store.update(apiServiceGR, next);
  } catch {
    // A conflicting write queued the APIService again; the next sync recomputes from it.
  }
}

/** A set of APIService names waiting to sync (a workqueue without rate limiting). */
abstract class APIServiceQueueController implements Controller {
  abstract readonly name: string;
  protected readonly ctx: ClusterContext;
  protected readonly queue = new Set<string>();

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(e: StoreEvent): void {
    if (sameGR(e.gr, apiServiceGR)) this.queue.add(e.object.metadata.name ?? '');
  }

  resyncAll(): void {
    for (const obj of this.ctx.store.list(apiServiceGR)) this.queue.add(obj.metadata.name ?? '');
  }

  async sync(): Promise<boolean> {
    if (this.queue.size === 0) return false;
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      const apiService = this.ctx.store.get(apiServiceGR, undefined, key);
      if (apiService) await this.syncAPIService(apiService);
    }
    return true;
  }

  protected abstract syncAPIService(apiService: KubeObject): Promise<void> | void;

  protected now(): string {
    return rfc3339(this.ctx.clock.now());
  }
}

/** LocalAvailability: Local APIServices are always available. */
export class LocalAvailableController extends APIServiceQueueController {
  readonly name = 'LocalAvailability';

  protected syncAPIService(apiService: KubeObject): void {
    if (serviceOf(apiService)) return; // handled by the remote controller
    const conditions = setAPIServiceCondition(conditionsOf(apiService), newLocalAvailableAPIServiceCondition(this.now()));
    updateAPIServiceStatus(this.ctx, apiService, conditions);
  }
}

/** The identity the discovery probe runs as (transport.SetAuthProxyHeaders). */
export const probeUser = { name: 'system:kube-aggregator', groups: ['system:masters'] };

interface Outcome {
  status: ConditionStatus;
  reason: string;
  message: string;
}

/** RemoteAvailability: checks a service-backed APIService the way remote_available_controller.go does. */
export class RemoteAvailableController extends APIServiceQueueController {
  readonly name = 'RemoteAvailability';

  observe(e: StoreEvent): void {
    super.observe(e);
    // A Service or its Endpoints changed: recheck every APIService that points at it.
    if (sameGR(e.gr, servicesGR) || sameGR(e.gr, endpointsGR)) {
      const namespace = e.object.metadata.namespace ?? '';
      const name = e.object.metadata.name ?? '';
      for (const apiService of this.ctx.store.list(apiServiceGR)) {
        const service = serviceOf(apiService);
        if (service && service.namespace === namespace && service.name === name) this.queue.add(apiService.metadata.name ?? '');
      }
    }
  }

  protected async syncAPIService(apiService: KubeObject): Promise<void> {
    if (!serviceOf(apiService)) return; // handled by the local controller
    const outcome = await this.check(apiService);
    const condition: APIServiceCondition = { type: 'Available', lastTransitionTime: this.now(), ...outcome };
    updateAPIServiceStatus(this.ctx, apiService, setAPIServiceCondition(conditionsOf(apiService), condition));
  }

  /** The checks, in order; the first that fails decides the condition. */
  private async check(apiService: KubeObject): Promise<Outcome> {
    const ref = serviceOf(apiService)!;
    const namespace = ref.namespace ?? '';
    const name = ref.name ?? '';
    const port = ref.port ?? 443;
    const svc = `service/${name} in ${goQuote(namespace)}`;

    const service = this.ctx.store.get(servicesGR, namespace, name);
    if (!service) return { status: 'False', reason: 'ServiceNotFound', message: `${svc} is not present` };

    // Only a ClusterIP Service can be checked for its port and endpoints.
    if (serviceType(service) === 'ClusterIP') {
      const servicePort = servicePorts(service).find((p) => p.port === port);
      if (!servicePort) return { status: 'False', reason: 'ServicePortError', message: `${svc} is not listening on port ${port}` };
      const portName = servicePort.name ?? '';
      const endpoints = this.ctx.store.get(endpointsGR, namespace, name);
      if (!endpoints) return { status: 'False', reason: 'EndpointsNotFound', message: `cannot find endpoints for ${svc}` };
      if (!hasReadyEndpoint(endpoints, portName)) {
        return {
          status: 'False',
          reason: 'MissingEndpoints',
          message: `endpoints for ${svc} have no addresses with port name ${goQuote(portName)}`,
        };
      }
    }

    const failure = await this.probeDiscovery(apiService, namespace, name, port);
    if (failure !== undefined) return { status: 'False', reason: 'FailedDiscoveryCheck', message: failure };
    return { status: 'True', reason: 'Passed', message: 'all checks passed' };
  }

  /**
   * GET the group/version's discovery document through the resolver, as the aggregator does
   * (as system:kube-aggregator, no TLS verification). Undefined on success, else the error text.
   * The real controller sends five attempts and reports the last error; the sim's backends answer
   * deterministically, so one is the same.
   */
  private async probeDiscovery(apiService: KubeObject, namespace: string, name: string, port: number): Promise<string | undefined> {
    const backend = resolveService(this.ctx, namespace, name, port);
    if (!backend.ok && backend.phase === 'resolve') return backend.error;
    const spec = specOf(apiService);
    const path = apiService.metadata.name === 'v1.' ? `/api/${spec.version ?? ''}` : `/apis/${spec.group ?? ''}/${spec.version ?? ''}`;
    const discoveryURL = `${backend.url}${path}`;
    const failing = (err: string) => `failing or missing response from ${discoveryURL}: ${err}`;
    if (!backend.ok) return failing(`Get "${discoveryURL}": ${backend.error}`);

    const headers = new Headers({ 'User-Agent': 'Go-http-client/1.1', 'X-Remote-User': probeUser.name, 'Accept-Encoding': 'gzip' });
    for (const group of probeUser.groups) headers.append('X-Remote-Group', group);
    let status: number;
    try {
      const response = await backend.handler(new Request(discoveryURL, { headers }));
      status = response.status;
      await response.body?.cancel();
    } catch (e) {
      // A backend signals a network-level failure by throwing; its message is the Go error text.
      return failing(`Get "${discoveryURL}": ${e instanceof Error ? e.message : String(e)}`);
    }
    // Redirects are not followed, and anything outside the 200s fails.
    if (status < 200 || status >= 300) return failing(`bad status from ${discoveryURL}: ${status}`);
    return undefined;
  }
}
