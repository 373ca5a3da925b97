import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { BackendRegistry, type ClusterContext } from '../../../src/sim/context.ts';
import { ControllerManager } from '../../../src/sim/controller.ts';
import { ResourceRegistry } from '../../../src/sim/resources.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import { endpointsGR, resolveService, servicesGR } from '../../../src/sim/aggregator/resolver.ts';

function cluster(): ClusterContext {
  const clock = new ManualClock('2026-11-26T16:00:00Z');
  return { store: new ObjectStore(clock), registry: new ResourceRegistry(), clock, controllers: new ControllerManager(), backends: new BackendRegistry() };
}

const service = (spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'api', namespace: 'wardle' },
  spec: { type: 'ClusterIP', ports: [{ name: 'https', port: 443 }], ...spec },
});

const readyEndpoints = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'api', namespace: 'wardle' },
  subsets: [{ addresses: [{ ip: '10.244.1.7' }], ports: [{ name: 'https', port: 8443 }] }],
};

describe('resolveService (ClusterIP routing)', () => {
  it('resolves https://<clusterIP>:<port> to the registered server behind ready endpoints', async () => {
    const ctx = cluster();
    ctx.store.create(servicesGR, service({ clusterIP: '10.96.7.9' }));
    ctx.store.create(endpointsGR, readyEndpoints);
    ctx.backends.register('wardle', 'api', 443, async () => new Response('ok'));
    const r = resolveService(ctx, 'wardle', 'api', 443);
    expect(r.ok && r.url).toBe('https://10.96.7.9:443');
    if (r.ok) expect(await (await r.handler(new Request(r.url))).text()).toBe('ok');
  });

  it('words resolution failures as the apiserver does', () => {
    const ctx = cluster();
    expect(resolveService(ctx, 'wardle', 'api', 443)).toMatchObject({ ok: false, phase: 'resolve', error: 'service "api" not found' });
    ctx.store.create(servicesGR, service({ clusterIP: 'None' }));
    expect(resolveService(ctx, 'wardle', 'api', 443)).toMatchObject({ ok: false, phase: 'resolve', error: 'cannot route to service with ClusterIP "None"' });
    ctx.store.update(servicesGR, service({ clusterIP: '10.96.7.9' }));
    expect(resolveService(ctx, 'wardle', 'api', 8443)).toMatchObject({ ok: false, phase: 'resolve', error: 'no service port 8443 found for service "api"' });
  });

  it('refuses the connection without ready endpoints or without a listening server', () => {
    const ctx = cluster();
    ctx.store.create(servicesGR, service({ clusterIP: '10.96.7.9' }));
    const refused = { ok: false, phase: 'dial', url: 'https://10.96.7.9:443', error: 'dial tcp 10.96.7.9:443: connect: connection refused' };
    ctx.backends.register('wardle', 'api', 443, async () => new Response('ok'));
    expect(resolveService(ctx, 'wardle', 'api', 443)).toEqual(refused);
    ctx.store.create(endpointsGR, { ...readyEndpoints, subsets: [{ notReadyAddresses: [{ ip: '10.244.1.7' }], ports: [{ name: 'https', port: 8443 }] }] });
    expect(resolveService(ctx, 'wardle', 'api', 443)).toEqual(refused);
    ctx.backends = new BackendRegistry();
    ctx.store.update(endpointsGR, readyEndpoints);
    expect(resolveService(ctx, 'wardle', 'api', 443)).toEqual(refused);
  });

  it('brackets an IPv6 ClusterIP', () => {
    const ctx = cluster();
    ctx.store.create(servicesGR, service({ clusterIP: 'fd00:10:96::a' }));
    expect(resolveService(ctx, 'wardle', 'api', 443)).toMatchObject({ url: 'https://[fd00:10:96::a]:443' });
  });
});
