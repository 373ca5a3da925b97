// Cached bodies follow the cluster: APIService writes, newly served kinds and remote answers.

import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../../src/sim/clock.ts';
import { serveDiscovery, type RemoteDiscovery } from '../../../src/sim/discovery/index.ts';
import type { APIGroupDiscoveryList, APIGroupList, APIResourceList } from '../../../src/sim/discovery/types.ts';
import { apiServiceObject, get, kubectlDiscoveryAccept, metricsResourceList, newCluster, RecordedRemote, vectorSet } from './fixtures.ts';

const apiServices = { group: 'apiregistration.k8s.io', resource: 'apiservices' };
const aggregatedApis = async (ctx: ReturnType<typeof newCluster>, remote: RemoteDiscovery = new RecordedRemote()) =>
  (await (await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept }), remote))!.json()) as APIGroupDiscoveryList;

describe('discovery caching', () => {
  it('an APIService turning unavailable makes its version Stale, and back', async () => {
    const set = vectorSet('default-v1.32-cluster-with-metrics-server');
    const ctx = newCluster(set.apiservices);
    const metrics = () => aggregatedApis(ctx).then((l) => l.items.find((g) => g.metadata.name === 'metrics.k8s.io')!.versions![0].freshness);
    expect(await metrics()).toBe('Current');
    const spec = set.apiservices.find((v) => v.name === 'v1beta1.metrics.k8s.io')!;
    const stored = ctx.store.get(apiServices, undefined, spec.name)!;
    ctx.store.update(apiServices, { ...apiServiceObject(spec, false), metadata: stored.metadata });
    expect(await metrics()).toBe('Stale');
    ctx.store.update(apiServices, { ...apiServiceObject(spec, true), metadata: ctx.store.get(apiServices, undefined, spec.name)!.metadata });
    expect(await metrics()).toBe('Current');
  });

  it('a new APIService and its kinds show up; a deleted one disappears from /apis', async () => {
    const ctx = newCluster(vectorSet('default-v1.32-cluster-with-metrics-server').apiservices);
    const legacy = async () => ((await (await serveDiscovery(ctx, get('/apis'), new RecordedRemote()))!.json()) as APIGroupList).groups.map((g) => g.name);
    expect(await legacy()).not.toContain('stable.example.com');
    ctx.registry.add({ group: 'stable.example.com', version: 'v1', resource: 'crontabs', kind: 'CronTab', listKind: 'CronTabList', singular: 'crontab', namespaced: true, shortNames: ['ct'], verbs: ['get', 'list'] });
    const wardle = { name: 'v1.stable.example.com', group: 'stable.example.com', version: 'v1', groupPriorityMinimum: 1000, versionPriority: 100, service: null };
    ctx.store.create(apiServices, apiServiceObject(wardle));
    expect(await legacy()).toContain('stable.example.com');
    const agg = await aggregatedApis(ctx);
    expect(agg.items.find((g) => g.metadata.name === 'stable.example.com')!.versions![0].resources!.map((r) => r.resource)).toEqual(['crontabs']);
    const list = (await (await serveDiscovery(ctx, get('/apis/stable.example.com/v1'), new RecordedRemote()))!.json()) as APIResourceList;
    expect(list.resources.map((r) => r.name)).toEqual(['crontabs']);
    ctx.store.delete(apiServices, undefined, wardle.name);
    expect(await legacy()).not.toContain('stable.example.com');
    expect((await aggregatedApis(ctx)).items.some((g) => g.metadata.name === 'stable.example.com')).toBe(false);
  });

  it('a changed remote document is served; an unchanged one reuses the body', async () => {
    const ctx = newCluster(vectorSet('default-v1.32-cluster-with-metrics-server').apiservices);
    let doc = metricsResourceList();
    const remote: RemoteDiscovery = { resources: async () => doc, refreshDueAt: () => -Infinity };
    const etag = async () => (await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept }), remote))!.headers.get('ETag');
    const first = await etag();
    expect(await etag()).toBe(first);
    doc = { resources: doc.resources.slice(0, 1) };
    const second = await etag();
    expect(second).not.toBe(first);
    const list = await aggregatedApis(ctx, { resources: async () => doc, refreshDueAt: () => -Infinity });
    expect(list.items.find((g) => g.metadata.name === 'metrics.k8s.io')!.versions![0].resources!.map((r) => r.resource)).toEqual(['nodes']);
  });

  it('a remote that says when its answers are due is asked again only from then on', async () => {
    const ctx = newCluster(vectorSet('default-v1.32-cluster-with-metrics-server').apiservices);
    let doc = metricsResourceList();
    let asked = 0;
    const dueAt = ctx.clock.now() + 60_000;
    const remote: RemoteDiscovery = {
      resources: async () => {
        asked++;
        return doc;
      },
      refreshDueAt: () => dueAt,
    };
    const resources = async () =>
      (await aggregatedApis(ctx, remote)).items.find((g) => g.metadata.name === 'metrics.k8s.io')!.versions![0].resources!.map((r) => r.resource);
    expect(await resources()).toEqual(['nodes', 'pods']);
    const afterFirst = asked;
    doc = { resources: doc.resources.slice(0, 1) };
    // Before the refresh is due the remote's answers cannot have changed: the body is reused.
    expect(await resources()).toEqual(['nodes', 'pods']);
    expect(asked).toBe(afterFirst);
    (ctx.clock as ManualClock).advance(60_000);
    expect(await resources()).toEqual(['nodes']);
    expect(asked).toBeGreaterThan(afterFirst);
  });
});
