import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { BackendRegistry, type ClusterContext, type FetchHandler } from '../../../src/sim/context.ts';
import { ControllerManager } from '../../../src/sim/controller.ts';
import { ResourceRegistry } from '../../../src/sim/resources.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { apiServiceGR, availableCondition } from '../../../src/sim/apiregistration/helpers.ts';
import { createAPIServiceType } from '../../../src/sim/apiregistration/index.ts';
import { LocalAvailableController, RemoteAvailableController } from '../../../src/sim/apiregistration/available_controller.ts';
import { endpointsGR, servicesGR } from '../../../src/sim/aggregator/resolver.ts';
import { fidelityJson } from './fixtures.ts';

const availability = fidelityJson('availability.json');
const vector = (id: string) => availability.cases.find((c: { id: string }) => c.id === id);
const clusterIP = '10.96.108.185';
const start = '2025-06-02T08:56:48Z';

let clock: ManualClock;
let ctx: ClusterContext;

function newCluster(): ClusterContext {
  clock = new ManualClock(start);
  const store = new ObjectStore(clock);
  const registry = new ResourceRegistry();
  const controllers = new ControllerManager();
  const c: ClusterContext = { store, registry, clock, controllers, backends: new BackendRegistry() };
  registry.add(createAPIServiceType(clock));
  store.subscribe((e) => controllers.observe(e));
  controllers.add(new LocalAvailableController(c));
  controllers.add(new RemoteAvailableController(c));
  return c;
}

/** Create an APIService through the kind's strategy, as the REST handler does. */
function createAPIService(body: KubeObject): KubeObject {
  const type = ctx.registry.get('apiregistration.k8s.io', 'v1', 'apiservices')!;
  const obj = structuredClone(body);
  type.defaults!(obj);
  type.prepareForCreate!(obj);
  return ctx.store.create(apiServiceGR, obj);
}

const metricsAPIService: KubeObject = {
  apiVersion: 'apiregistration.k8s.io/v1',
  kind: 'APIService',
  metadata: { name: 'v1beta1.metrics.k8s.io', labels: { 'k8s-app': 'metrics-server' } },
  spec: { group: 'metrics.k8s.io', groupPriorityMinimum: 100, insecureSkipTLSVerify: true, service: { name: 'metrics-server', namespace: 'kube-system' }, version: 'v1beta1', versionPriority: 100 },
};

function metricsService(ports = [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'metrics-server', namespace: 'kube-system' },
    spec: { clusterIP, clusterIPs: [clusterIP], type: 'ClusterIP', ports, selector: { 'k8s-app': 'metrics-server' }, ...extra },
  };
}

function metricsEndpoints(ready: boolean, portName = 'https'): KubeObject {
  const address = { ip: '10.244.0.5', nodeName: 'kind-worker' };
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'metrics-server', namespace: 'kube-system' },
    subsets: [{ ...(ready ? { addresses: [address] } : { notReadyAddresses: [address] }), ports: [{ name: portName, port: 10250, protocol: 'TCP' }] }],
  };
}

const answering = (status: number): FetchHandler => async () => new Response('{}', { status, headers: { 'Content-Type': 'application/json' } });

const current = () => ctx.store.get(apiServiceGR, undefined, 'v1beta1.metrics.k8s.io')!;

async function settle(): Promise<void> {
  await ctx.controllers.settle();
}

beforeEach(() => {
  ctx = newCluster();
});

function expectCondition(id: string, message?: string): void {
  const v = vector(id);
  const condition = availableCondition(current());
  expect(condition).toMatchObject({ type: 'Available', status: v.status, reason: v.reason });
  expect(condition?.message).toBe(message ?? v.message ?? v.example);
}

describe('remote availability, in the checks order of availability.json', () => {
  it('no-condition-yet: a service-backed APIService has no condition until the controller runs', () => {
    createAPIService(metricsAPIService);
    expect(availableCondition(current())).toBeUndefined();
  });

  it('service-not-found', async () => {
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('service-not-found');
  });

  it('service-port-error', async () => {
    ctx.store.create(servicesGR, metricsService([{ name: 'https', port: 8443, protocol: 'TCP', targetPort: 'https' }]));
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('service-port-error');
  });

  it('endpoints-not-found (v1.32 wording)', async () => {
    ctx.store.create(servicesGR, metricsService());
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('endpoints-not-found', vector('endpoints-not-found').byVersion['<=1.33'].example);
  });

  it('missing-endpoints: not-ready addresses do not count', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(false));
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('missing-endpoints', vector('missing-endpoints').byVersion['<=1.33'].example);
  });

  it('missing-endpoints: a ready address under another port name does not count', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true, 'metrics'));
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('missing-endpoints', vector('missing-endpoints').byVersion['<=1.33'].example);
  });

  it('failed-discovery-connection-refused: nothing listens behind the ready endpoint', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true));
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('failed-discovery-connection-refused');
  });

  it('failed-discovery-bad-status', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true));
    ctx.backends.register('kube-system', 'metrics-server', 443, answering(401));
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('failed-discovery-bad-status');
  });

  it('failed-discovery-timeout: a backend failing at the network level', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true));
    ctx.backends.register('kube-system', 'metrics-server', 443, async () => {
      throw new Error('context deadline exceeded (Client.Timeout exceeded while awaiting headers)');
    });
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('failed-discovery-timeout', vector('failed-discovery-timeout').examples[0]);
  });

  it('passed: probes GET /apis/<group>/<version> as system:kube-aggregator', async () => {
    const seen: Request[] = [];
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true));
    ctx.backends.register('kube-system', 'metrics-server', 443, async (req) => {
      seen.push(req);
      return answering(200)(req);
    });
    createAPIService(metricsAPIService);
    await settle();
    expectCondition('passed');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].method).toBe('GET');
    // WHATWG URLs drop the default https port; the condition messages keep Go's `:443`.
    expect(seen[0].url).toBe(new URL(`https://${clusterIP}:443/apis/metrics.k8s.io/v1beta1`).href);
    expect(seen[0].headers.get('X-Remote-User')).toBe('system:kube-aggregator');
    expect(seen[0].headers.get('X-Remote-Group')).toBe('system:masters');
  });

  it('treats a redirect as a failed check (redirects are not followed)', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true));
    ctx.backends.register('kube-system', 'metrics-server', 443, answering(302));
    createAPIService(metricsAPIService);
    await settle();
    const url = `https://${clusterIP}:443/apis/metrics.k8s.io/v1beta1`;
    expect(availableCondition(current())?.message).toBe(`failing or missing response from ${url}: bad status from ${url}: 302`);
  });

  it('skips the port and endpoints checks for a NodePort Service', async () => {
    ctx.store.create(servicesGR, metricsService([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], { type: 'NodePort' }));
    ctx.backends.register('kube-system', 'metrics-server', 443, answering(200));
    createAPIService(metricsAPIService);
    await settle();
    // Without endpoints the connection is refused, but the reason is the probe, not MissingEndpoints.
    expect(availableCondition(current())?.reason).toBe('FailedDiscoveryCheck');
  });

  it('probes /api/<version> for a service-backed legacy "v1." APIService', async () => {
    const seen: string[] = [];
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true));
    ctx.backends.register('kube-system', 'metrics-server', 443, async (req) => {
      seen.push(new URL(req.url).pathname);
      return answering(200)(req);
    });
    createAPIService({ ...metricsAPIService, metadata: { name: 'v1.' }, spec: { version: 'v1', groupPriorityMinimum: 18000, versionPriority: 1, service: { name: 'metrics-server', namespace: 'kube-system' } } });
    await settle();
    expect(seen).toContain('/api/v1');
  });
});

describe('status writes', () => {
  it('recovers when endpoints come back, moving lastTransitionTime only on the flip', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(false));
    ctx.backends.register('kube-system', 'metrics-server', 443, answering(200));
    createAPIService(metricsAPIService);
    await settle();
    expect(availableCondition(current())).toMatchObject({ status: 'False', reason: 'MissingEndpoints', lastTransitionTime: start });

    // Still down for another reason: message and reason change, the transition time does not.
    clock.advance(60_000);
    ctx.store.update(servicesGR, metricsService([{ name: 'https', port: 8443, protocol: 'TCP', targetPort: 'https' }]));
    await settle();
    expect(availableCondition(current())).toMatchObject({ status: 'False', reason: 'ServicePortError', lastTransitionTime: start });

    // The pod becomes ready on the right port: True/Passed, stamped now.
    clock.advance(60_000);
    ctx.store.update(servicesGR, metricsService());
    ctx.store.update(endpointsGR, metricsEndpoints(true));
    await settle();
    expect(availableCondition(current())).toMatchObject({ status: 'True', reason: 'Passed', lastTransitionTime: '2025-06-02T08:58:48Z' });
  });

  it('goes unavailable when the Service is deleted', async () => {
    ctx.store.create(servicesGR, metricsService());
    ctx.store.create(endpointsGR, metricsEndpoints(true));
    ctx.backends.register('kube-system', 'metrics-server', 443, answering(200));
    createAPIService(metricsAPIService);
    await settle();
    expect(availableCondition(current())?.reason).toBe('Passed');
    ctx.store.delete(servicesGR, 'kube-system', 'metrics-server');
    await settle();
    expectCondition('service-not-found');
  });

  it('does not write when nothing changed on resync', async () => {
    ctx.store.create(servicesGR, metricsService());
    createAPIService(metricsAPIService);
    await settle();
    const before = current().metadata.resourceVersion;
    clock.advance(30_000);
    ctx.controllers.resyncAll();
    await settle();
    expect(current().metadata.resourceVersion).toBe(before);
  });

  it('puts a client-written status back', async () => {
    ctx.store.create(servicesGR, metricsService());
    createAPIService(metricsAPIService);
    await settle();
    ctx.store.update(apiServiceGR, { ...structuredClone(current()), status: { conditions: [{ type: 'Available', status: 'True', reason: 'Passed' }] } });
    await settle();
    expect(availableCondition(current())?.reason).toBe('EndpointsNotFound');
  });
});

describe('local availability', () => {
  it('sets Available=True/Local on a Local APIService stored without status', async () => {
    const local = { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 } };
    ctx.store.create(apiServiceGR, local);
    await settle();
    const v = vector('local');
    expect(availableCondition(ctx.store.get(apiServiceGR, undefined, 'v1.apps')!)).toEqual({
      type: 'Available',
      status: v.status,
      lastTransitionTime: start,
      reason: v.reason,
      message: v.message,
    });
  });

  it('leaves an already-available Local APIService untouched', async () => {
    const created = createAPIService({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 } });
    clock.advance(5_000);
    await settle();
    expect(ctx.store.get(apiServiceGR, undefined, 'v1.apps')!.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });
});
