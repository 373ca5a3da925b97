// The aggregation layer end to end inside the sim: a new extension server registered behind a
// Service is reached through its APIService with the proxy's identity headers, answers 503 while
// unavailable, and shows up in aggregated discovery as Stale, then Current.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RemoteDiscoveryCache } from '../../../src/sim/aggregator/remote_discovery.ts';
import { ManualClock } from '../../../src/sim/clock.ts';
import { createCluster, type Cluster } from '../../../src/sim/cluster.ts';

const base = 'http://127.0.0.1:6443';
const aggregatedAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

const scenario = `
name: echo
clusterAge: 10d
objects:
  - object: { apiVersion: v1, kind: Namespace, metadata: { name: default } }
  - object: { apiVersion: v1, kind: Node, metadata: { name: node-a }, spec: { podCIDR: 10.244.0.0/24 } }
  - object:
      apiVersion: v1
      kind: Service
      metadata: { name: echo, namespace: default }
      spec: { ports: [{ name: https, port: 443, targetPort: 8443 }] }
`;

const echoAPIService = {
  apiVersion: 'apiregistration.k8s.io/v1',
  kind: 'APIService',
  metadata: { name: 'v1alpha1.echo.example.com' },
  spec: {
    group: 'echo.example.com',
    version: 'v1alpha1',
    groupPriorityMinimum: 1000,
    versionPriority: 15,
    insecureSkipTLSVerify: true,
    service: { namespace: 'default', name: 'echo' },
  },
};

const readyEndpoints = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'echo', namespace: 'default' },
  subsets: [{ addresses: [{ ip: '10.244.0.9' }], ports: [{ name: 'https', port: 8443 }] }],
};

let cluster: Cluster;
let clock: ManualClock;
let seen: Request[];

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { 'Content-Type': 'application/json', ...headers } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return cluster.fetch(new Request(base + path, init));
}

beforeEach(async () => {
  clock = new ManualClock('2026-11-26T12:00:00Z');
  cluster = await createCluster({ clock, scenario });
  seen = [];
  // An extension server that answers discovery and echoes what reached it.
  cluster.ctx.backends.register('default', 'echo', 443, async (req) => {
    seen.push(req);
    const url = new URL(req.url);
    const body =
      url.pathname === '/apis/echo.example.com/v1alpha1'
        ? { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'echo.example.com/v1alpha1', resources: [{ name: 'echoes', singularName: '', namespaced: false, kind: 'Echo', verbs: ['get', 'list'] }] }
        : { path: url.pathname, query: url.search, user: req.headers.get('X-Remote-User'), groups: req.headers.get('X-Remote-Group') };
    return new Response(JSON.stringify(body) + '\n', { headers: { 'Content-Type': 'application/json' } });
  });
  expect((await send('POST', '/apis/apiregistration.k8s.io/v1/apiservices', echoAPIService)).status).toBe(201);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function availability(path = '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com') {
  return send('GET', path).then(async (r) => {
    const obj = await r.json();
    return obj.status.conditions.find((c: { type: string }) => c.type === 'Available');
  });
}

describe('an extension server behind an APIService', () => {
  it('without endpoints the APIService is unavailable, proxied requests get 503, discovery marks it Stale', async () => {
    expect(await availability()).toMatchObject({ status: 'False', reason: 'EndpointsNotFound' });
    const proxied = await send('GET', '/apis/echo.example.com/v1alpha1/echoes');
    expect(proxied.status).toBe(503);
    expect(await proxied.text()).toBe('service unavailable\n');
    const discovery = await (await send('GET', '/apis', undefined, { Accept: aggregatedAccept })).json();
    const group = discovery.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'echo.example.com');
    expect(group.versions).toEqual([{ version: 'v1alpha1', freshness: 'Stale' }]);
    expect(seen).toHaveLength(0);
  });

  it('with ready endpoints it passes the discovery probe and proxies with the caller\'s identity, not its credentials', async () => {
    expect((await send('POST', '/api/v1/namespaces/default/endpoints', readyEndpoints)).status).toBe(201);
    expect(await availability()).toMatchObject({ status: 'True', reason: 'Passed', message: 'all checks passed' });

    const res = await send('GET', '/apis/echo.example.com/v1alpha1/echoes?b=2&a=1', undefined, {
      Authorization: 'Bearer secret',
      'X-Remote-User': 'mallory',
      'Impersonate-User': 'root',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: '/apis/echo.example.com/v1alpha1/echoes', query: '?a=1&b=2', user: 'kubernetes-admin', groups: 'kubeadm:cluster-admins, system:authenticated' });
    const last = seen[seen.length - 1];
    expect(last.headers.get('Authorization')).toBeNull();
    expect(last.headers.get('Impersonate-User')).toBeNull();
    expect(new URL(last.url).hostname).toMatch(/^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/);

    const discovery = await (await send('GET', '/apis', undefined, { Accept: aggregatedAccept })).json();
    const group = discovery.items.find((g: { metadata: { name: string } }) => g.metadata.name === 'echo.example.com');
    expect(group.versions[0]).toMatchObject({ version: 'v1alpha1', freshness: 'Current', resources: [{ resource: 'echoes', responseKind: { kind: 'Echo' } }] });
  });

  it('a registered APIService whose backend is gone fails the discovery probe', async () => {
    expect((await send('POST', '/api/v1/namespaces/default/endpoints', readyEndpoints)).status).toBe(201);
    cluster.ctx.backends.register('default', 'echo', 443, async () => {
      throw new Error('dial tcp 10.96.0.50:443: connect: connection refused');
    });
    await send('DELETE', '/api/v1/namespaces/default/endpoints/echo');
    await send('POST', '/api/v1/namespaces/default/endpoints', readyEndpoints);
    const condition = await availability();
    expect(condition).toMatchObject({ status: 'False', reason: 'FailedDiscoveryCheck' });
    expect(condition.message).toMatch(/^failing or missing response from https:\/\/[\d.]+:443\/apis\/echo\.example\.com\/v1alpha1: /);
  });

  it('once the APIService is deleted, its old discovery answer no longer makes /apis due for a refresh', async () => {
    expect((await send('POST', '/api/v1/namespaces/default/endpoints', readyEndpoints)).status).toBe(201);
    const aggregated = async () => (await (await send('GET', '/apis', undefined, { Accept: aggregatedAccept })).json()) as { items: { metadata: { name: string } }[] };
    expect((await aggregated()).items.some((g) => g.metadata.name === 'echo.example.com')).toBe(true);
    await send('DELETE', '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com');
    expect((await aggregated()).items.some((g) => g.metadata.name === 'echo.example.com')).toBe(false);
    const refreshChecks = vi.spyOn(RemoteDiscoveryCache.prototype, 'refreshDueAt');
    clock.advance(61_000);
    expect((await aggregated()).items.some((g) => g.metadata.name === 'echo.example.com')).toBe(false);
    // The cached body was reused as it stood: nothing was rebuilt, no extension server's cache consulted.
    expect(refreshChecks).not.toHaveBeenCalled();
  });

  it('deleting the APIService unregisters the group: its paths fall through to the plain 404', async () => {
    await send('DELETE', '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com');
    const res = await send('GET', '/apis/echo.example.com/v1alpha1/echoes');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('404 page not found\n');
  });
});

describe('the REST handlers around APIServices', () => {
  it('a PUT without resourceVersion is refused, as the APIService strategy does', async () => {
    const current = await (await send('GET', '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com')).json();
    delete current.metadata.resourceVersion;
    const res = await send('PUT', '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com', current);
    expect(res.status).toBe(422);
    expect((await res.json()).message).toBe(
      'APIService.apiregistration.k8s.io "v1alpha1.echo.example.com" is invalid: metadata.resourceVersion: Invalid value: 0: must be specified for an update',
    );
  });

  it('a stale resourceVersion is a Conflict', async () => {
    const current = await (await send('GET', '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com')).json();
    current.metadata.resourceVersion = '1';
    const res = await send('PUT', '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com', current);
    expect(res.status).toBe(409);
    expect((await res.json()).reason).toBe('Conflict');
  });

  it('a status write keeps the spec, a spec write keeps the status', async () => {
    const path = '/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.echo.example.com';
    await send('PATCH', `${path}/status`, { spec: { versionPriority: 99 }, status: { conditions: [] } }, { 'Content-Type': 'application/merge-patch+json' });
    const afterStatus = await (await send('GET', path)).json();
    expect(afterStatus.spec.versionPriority).toBe(15);
    await send('PATCH', path, { spec: { versionPriority: 20 }, status: { conditions: [] } }, { 'Content-Type': 'application/merge-patch+json' });
    const afterSpec = await (await send('GET', path)).json();
    expect(afterSpec.spec.versionPriority).toBe(20);
    expect(afterSpec.status).toEqual(afterStatus.status);
  });

  it('lists filter by label selector, and tables carry the APIService columns', async () => {
    const table = await (
      await send('GET', '/apis/apiregistration.k8s.io/v1/apiservices?labelSelector=kube-aggregator.kubernetes.io%2Fautomanaged%3Donstart', undefined, {
        Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      })
    ).json();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Service', 'Available', 'Age']);
    expect(table.rows.length).toBeGreaterThan(15);
    expect(table.rows.every((r: { cells: string[] }) => r.cells[1] === 'Local')).toBe(true);
  });
});
