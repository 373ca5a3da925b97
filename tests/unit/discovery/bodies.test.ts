// Discovery bodies byte for byte against what kubectl recorded, and the aggregated entries against
// the shapes of FACTS §3.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serveDiscovery } from '../../../src/sim/discovery/index.ts';
import type { APIGroupDiscoveryList, APIResourceList, APIVersions } from '../../../src/sim/discovery/types.ts';
import { discoveryOrder, get, kubectlDiscoveryAccept, kubectlOutput, newCluster, RecordedRemote, vectorSet } from './fixtures.ts';

const defaultSet = vectorSet('default-v1.32-cluster-with-metrics-server');

describe('legacy discovery bodies', () => {
  const ctx = newCluster(defaultSet.apiservices);

  it('GET /apis is the recorded APIGroupList, newline-terminated', async () => {
    const res = await serveDiscovery(ctx, get('/apis?timeout=32s', { Accept: 'application/json, */*' }), new RecordedRemote());
    expect(res!.status).toBe(200);
    expect(res!.headers.get('Content-Type')).toBe('application/json');
    expect(await res!.text()).toBe(kubectlOutput('raw-apis-legacy.stdout.txt'));
  });

  it('GET /apis/metrics.k8s.io is the recorded APIGroup', async () => {
    const res = await serveDiscovery(ctx, get('/apis/metrics.k8s.io'), new RecordedRemote());
    expect(await res!.text()).toBe(kubectlOutput('raw-metrics-group.stdout.txt'));
    const slash = await serveDiscovery(ctx, get('/apis/metrics.k8s.io/'), new RecordedRemote());
    expect(await slash!.text()).toBe(kubectlOutput('raw-metrics-group.stdout.txt'));
  });

  it('an unavailable group is still listed in /apis and /apis/<group>', async () => {
    const broken = newCluster(defaultSet.apiservices, { remoteAvailable: false });
    const res = await serveDiscovery(broken, get('/apis'), new RecordedRemote());
    expect(await res!.text()).toBe(kubectlOutput('raw-apis-legacy.stdout.txt'));
    expect((await serveDiscovery(broken, get('/apis/metrics.k8s.io'), new RecordedRemote()))!.status).toBe(200);
  });

  it('leaves unknown groups and service-backed group/versions to the chain', async () => {
    expect(await serveDiscovery(ctx, get('/apis/wardle.example.com'), new RecordedRemote())).toBeUndefined();
    expect(await serveDiscovery(ctx, get('/apis/metrics.k8s.io/v1beta1'), new RecordedRemote())).toBeUndefined();
    expect(await serveDiscovery(ctx, get('/apis/apps/v1/deployments'), new RecordedRemote())).toBeUndefined();
    expect(await serveDiscovery(ctx, get('/version'), new RecordedRemote())).toBeUndefined();
    expect(await serveDiscovery(ctx, get('/apis//v1'), new RecordedRemote())).toBeUndefined();
  });

  it('GET /api is APIVersions with the server address and no apiVersion', async () => {
    const res = await serveDiscovery(ctx, get('/api', { Accept: 'application/json' }), new RecordedRemote(), { serverAddress: '172.18.0.2:6443' });
    const text = await res!.text();
    expect(text.endsWith('}\n')).toBe(true);
    const body = JSON.parse(text) as APIVersions;
    expect(body).toEqual(discoveryOrder.formats.legacyApi.example);
    expect(Object.keys(body)).toEqual(['kind', 'versions', 'serverAddressByClientCIDRs']);
  });

  it('GET /apis/apiregistration.k8s.io/v1 lists apiservices and apiservices/status', async () => {
    const res = await serveDiscovery(ctx, get('/apis/apiregistration.k8s.io/v1'), new RecordedRemote());
    const list = (await res!.json()) as APIResourceList;
    expect(list.groupVersion).toBe('apiregistration.k8s.io/v1');
    expect(list.resources.map((r) => r.name)).toEqual(['apiservices', 'apiservices/status']);
    expect(list.resources[0]).toMatchObject({ singularName: 'apiservice', namespaced: false, kind: 'APIService', categories: ['api-extensions'] });
    expect(list.resources[1]).toEqual({ name: 'apiservices/status', singularName: '', namespaced: false, kind: 'APIService', verbs: ['get', 'patch', 'update'] });
  });

  it('GET /api/v1 sorts resource paths and names subresources of other groups', async () => {
    const list = (await (await serveDiscovery(ctx, get('/api/v1'), new RecordedRemote()))!.json()) as APIResourceList;
    const names = list.resources.map((r) => r.name);
    expect(names).toEqual([...names].sort());
    expect(names.indexOf('pods/status')).toBeLessThan(names.indexOf('podtemplates'));
    const eviction = list.resources.find((r) => r.name === 'pods/eviction')!;
    expect(Object.keys(eviction)).toEqual(['name', 'singularName', 'namespaced', 'group', 'version', 'kind', 'verbs']);
    expect(eviction).toMatchObject({ group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
    const pods = list.resources.find((r) => r.name === 'pods')!;
    expect(Object.keys(pods)).toEqual(['name', 'singularName', 'namespaced', 'kind', 'verbs', 'shortNames', 'categories', 'storageVersionHash']);
    // discovery.StorageVersionHash: sha256("/v1/Pod"), first 8 bytes, base64.
    expect(pods.storageVersionHash).toBe(createHash('sha256').update('/v1/Pod').digest().subarray(0, 8).toString('base64'));
    expect(list.resources.find((r) => r.name === 'bindings')!.storageVersionHash).toBeUndefined();
  });

  it('stores HPAs as autoscaling/v2 and events.k8s.io Events as core Events', async () => {
    const hash = (gvk: string) => createHash('sha256').update(gvk).digest().subarray(0, 8).toString('base64');
    for (const gv of ['autoscaling/v1', 'autoscaling/v2']) {
      const list = (await (await serveDiscovery(ctx, get(`/apis/${gv}`), new RecordedRemote()))!.json()) as APIResourceList;
      expect(list.resources[0].storageVersionHash).toBe(hash('autoscaling/v2/HorizontalPodAutoscaler'));
    }
    const events = (await (await serveDiscovery(ctx, get('/apis/events.k8s.io/v1'), new RecordedRemote()))!.json()) as APIResourceList;
    expect(events.resources[0].storageVersionHash).toBe(hash('/v1/Event'));
  });
});

describe('aggregated discovery bodies', () => {
  const aggregated = async (available: boolean, version = 'v2') => {
    const ctx = newCluster(defaultSet.apiservices, { remoteAvailable: available });
    const accept = `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
    const res = (await serveDiscovery(ctx, get('/apis', { Accept: accept }), new RecordedRemote()))!;
    return { res, text: await res.text() };
  };

  it('an available metrics-server appears as a Current version with its resources', async () => {
    const { text } = await aggregated(true);
    const list = JSON.parse(text) as APIGroupDiscoveryList;
    const metrics = list.items.find((g) => g.metadata.name === 'metrics.k8s.io');
    expect(JSON.stringify(metrics)).toBe(JSON.stringify(discoveryOrder.formats.aggregated.metricsEntryCurrent));
    expect(text.endsWith('\n')).toBe(true);
    expect(Object.keys(list)).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
    expect(list.apiVersion).toBe('apidiscovery.k8s.io/v2');
  });

  it('an unavailable metrics-server is a Stale version without resources, and is never asked', async () => {
    const ctx = newCluster(defaultSet.apiservices, { remoteAvailable: false });
    const remote = new RecordedRemote();
    const res = (await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept }), remote))!;
    const list = (await res.json()) as APIGroupDiscoveryList;
    const metrics = list.items.find((g) => g.metadata.name === 'metrics.k8s.io');
    expect(JSON.stringify(metrics)).toBe(JSON.stringify(discoveryOrder.formats.aggregated.metricsEntryStale));
    expect(remote.calls).toBe(0);
  });

  it('a backend whose fetch failed is Stale', async () => {
    const ctx = newCluster(defaultSet.apiservices);
    const res = (await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept }), { resources: async () => 'stale', refreshDueAt: () => -Infinity }))!;
    const list = (await res.json()) as APIGroupDiscoveryList;
    expect(list.items.find((g) => g.metadata.name === 'metrics.k8s.io')!.versions).toEqual([{ version: 'v1beta1', freshness: 'Stale' }]);
  });

  it('built-in resources carry responseKind, scope, singularResource and subresources', async () => {
    const { text } = await aggregated(true);
    const list = JSON.parse(text) as APIGroupDiscoveryList;
    expect(list.items[0].metadata).toEqual({ name: 'apiregistration.k8s.io', creationTimestamp: null });
    const apps = list.items.find((g) => g.metadata.name === 'apps')!;
    const deployments = apps.versions![0].resources!.find((r) => r.resource === 'deployments')!;
    expect(deployments).toEqual({
      resource: 'deployments',
      responseKind: { group: '', version: '', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: [
        { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
        { subresource: 'status', responseKind: { group: '', version: '', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
    expect(Object.keys(deployments)).toEqual(['resource', 'responseKind', 'scope', 'singularResource', 'verbs', 'shortNames', 'categories', 'subresources']);
  });

  it('/api is one unnamed group holding core v1', async () => {
    const ctx = newCluster(defaultSet.apiservices);
    const res = (await serveDiscovery(ctx, get('/api', { Accept: kubectlDiscoveryAccept }), new RecordedRemote()))!;
    const list = (await res.json()) as APIGroupDiscoveryList;
    expect(list.items).toHaveLength(1);
    expect(list.items[0].metadata).toEqual({ creationTimestamp: null });
    expect(list.items[0].versions!.map((v) => [v.version, v.freshness])).toEqual([['v1', 'Current']]);
    const pods = list.items[0].versions![0].resources!.find((r) => r.resource === 'pods')!;
    expect(pods.subresources!.map((s) => s.subresource)).toEqual(['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'status']);
  });

  it('v2beta1 is the same document under its own apiVersion and Content-Type, with the same ETag', async () => {
    const v2 = await aggregated(true, 'v2');
    const beta = await aggregated(true, 'v2beta1');
    expect(beta.res.headers.get('Content-Type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList');
    expect(beta.text).toBe(v2.text.replace('"apiVersion":"apidiscovery.k8s.io/v2"', '"apiVersion":"apidiscovery.k8s.io/v2beta1"'));
    expect(beta.res.headers.get('ETag')).toBe(v2.res.headers.get('ETag'));
  });
});
