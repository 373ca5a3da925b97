import { describe, expect, it } from 'vitest';
import type { APIServiceObject, RequestRecord } from '../../../src/playground/store.ts';
import { APISERVER, CLIENT, LOCAL, backendOf, buildDiagram, describeDiagram, extensionId, requestEntry, toneOf, unavailableReason } from '../../../src/playground/diagram/model.ts';

function apiService(name: string, service?: { namespace: string; name: string; port?: number }, available: { status: string; reason?: string } | null = { status: 'True', reason: 'Passed' }): APIServiceObject {
  const [version, ...group] = name.split('.');
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name },
    spec: { group: group.join('.'), version, service: service ?? null, groupPriorityMinimum: 100, versionPriority: 10 },
    status: { conditions: available ? [{ type: 'Available', ...available }] : [] },
  };
}

const seed = [
  apiService('v1.', undefined, { status: 'True', reason: 'Local' }),
  apiService('v1.apps', undefined, { status: 'True', reason: 'Local' }),
  apiService('v1beta1.metrics.k8s.io', { namespace: 'kube-system', name: 'metrics-server', port: 443 }),
  apiService('v1alpha1.assets.example.com', { namespace: 'assets', name: 'custom-api' }, { status: 'False', reason: 'MissingEndpoints' }),
];

const rec = (method: string, url: string, status: number, route: RequestRecord['route']): RequestRecord => ({ method, url, status, route });

describe('diagram model', () => {
  it('draws kubectl, the apiserver, the local handlers and one box per extension server', () => {
    const m = buildDiagram(seed, []);
    expect(m.nodes.map((n) => [n.id, n.label, n.detail])).toEqual([
      [CLIENT, 'kubectl', 'the terminal'],
      [APISERVER, 'kube-apiserver', 'aggregation layer'],
      [LOCAL, 'local handlers', '2 Local APIServices'],
      ['extension:assets/custom-api:443', 'assets/custom-api:443', 'v1alpha1.assets.example.com'],
      ['extension:kube-system/metrics-server:443', 'kube-system/metrics-server:443', 'v1beta1.metrics.k8s.io'],
    ]);
    expect(m.edges.map((e) => [e.from, e.to, e.broken, e.label])).toEqual([
      [CLIENT, APISERVER, false, ''],
      [APISERVER, LOCAL, false, ''],
      [APISERVER, 'extension:assets/custom-api:443', true, 'v1alpha1.assets.example.com: MissingEndpoints'],
      [APISERVER, 'extension:kube-system/metrics-server:443', false, ''],
    ]);
    // Boxes do not overlap and fit in the picture.
    const ys = m.nodes.filter((n) => n.x === m.nodes[2].x).map((n) => [n.y, n.y + n.height]);
    for (let i = 1; i < ys.length; i++) expect(ys[i][0]).toBeGreaterThan(ys[i - 1][1]);
    for (const n of m.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(m.width);
      expect(n.y + n.height).toBeLessThanOrEqual(m.height);
    }
  });

  it('groups APIServices served by the same backend; the link breaks only when none is available', () => {
    const svc = { namespace: 'kube-system', name: 'metrics-server' };
    const m = buildDiagram([apiService('v1beta1.metrics.k8s.io', svc), apiService('v1beta2.metrics.k8s.io', svc, { status: 'False', reason: 'FailedDiscoveryCheck' })], []);
    const ext = m.nodes.filter((n) => n.kind === 'extension');
    expect(ext.map((n) => n.detail)).toEqual(['v1beta1.metrics.k8s.io, v1beta2.metrics.k8s.io']);
    const edge = m.edges.find((e) => e.to === ext[0].id)!;
    expect([edge.broken, edge.label]).toEqual([false, 'v1beta2.metrics.k8s.io: FailedDiscoveryCheck']);
  });

  it('routes requests: local, proxied, the apiserver itself, not found', () => {
    const records = [
      rec('GET', 'https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500', 200, { kind: 'local', apiService: 'v1.' }),
      rec('GET', 'https://127.0.0.1:6443/apis/metrics.k8s.io/v1beta1/nodes', 200, { kind: 'proxied', apiService: 'v1beta1.metrics.k8s.io', service: 'kube-system/metrics-server:443' }),
      rec('GET', 'https://127.0.0.1:6443/apis/assets.example.com/v1alpha1', 503, { kind: 'proxied', apiService: 'v1alpha1.assets.example.com', service: 'assets/custom-api:443' }),
      rec('GET', 'https://127.0.0.1:6443/api', 200, { kind: 'apiserver' }),
      rec('GET', 'https://127.0.0.1:6443/apis/nope.example.com/v1/things', 404, { kind: 'notfound' }),
    ].map((record, i) => ({ record, seq: i + 1 }));
    const m = buildDiagram(seed, records);
    expect(m.requests.map((r) => [r.route, r.tone, r.text])).toEqual([
      [[CLIENT, APISERVER, LOCAL], 'ok', 'GET /api/v1/namespaces/default/pods?limit=500 200 → local v1.'],
      [[CLIENT, APISERVER, extensionId('kube-system/metrics-server:443')], 'ok', 'GET /apis/metrics.k8s.io/v1beta1/nodes 200 → proxied to kube-system/metrics-server:443 (v1beta1.metrics.k8s.io)'],
      [[CLIENT, APISERVER, extensionId('assets/custom-api:443')], 'error', 'GET /apis/assets.example.com/v1alpha1 503 → proxied to assets/custom-api:443 (v1alpha1.assets.example.com)'],
      [[CLIENT, APISERVER], 'ok', 'GET /api 200 → kube-apiserver'],
      [[CLIENT, APISERVER], 'error', 'GET /apis/nope.example.com/v1/things 404 → no APIService serves this path'],
    ]);
    // Every request's path runs along edges the diagram has.
    const edges = new Set(m.edges.map((e) => `${e.from}->${e.to}`));
    for (const r of m.requests) for (let i = 0; i + 1 < r.route.length; i++) expect(edges.has(`${r.route[i]}->${r.route[i + 1]}`)).toBe(true);
  });

  it('keeps the last 20 requests, and gives a box to a backend that is no longer registered', () => {
    const records = Array.from({ length: 25 }, (_, i) => ({
      record: rec('GET', `https://h/api/v1/pods?i=${i}`, 200, i === 24 ? { kind: 'proxied', apiService: 'v1.gone.io', service: 'gone/server:8443' } : { kind: 'local', apiService: 'v1.' }),
      seq: i + 1,
    }));
    const m = buildDiagram(seed, records);
    expect(m.requests.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
    const gone = m.nodes.find((n) => n.id === extensionId('gone/server:8443'))!;
    expect(gone.detail).toBe('no APIService');
    expect(m.edges.find((e) => e.to === gone.id)).toMatchObject({ broken: true, label: 'not registered' });
  });

  it('keeps learner-supplied strings as they are (the view sets them as text)', () => {
    const evil = apiService('v1.x.io', { namespace: '<img src=x onerror=alert(1)>', name: 'a&b' });
    const m = buildDiagram([evil], []);
    expect(m.nodes.at(-1)!.label).toBe('<img src=x onerror=alert(1)>/a&b:443');
    expect(describeDiagram(m)).toContain('<img src=x onerror=alert(1)>/a&b:443');
  });

  it('helpers', () => {
    expect(backendOf(seed[0])).toBeUndefined();
    expect(backendOf(seed[3])).toBe('assets/custom-api:443');
    expect(unavailableReason(seed[2])).toBeUndefined();
    expect(unavailableReason(seed[3])).toBe('MissingEndpoints');
    expect(unavailableReason(apiService('v1.a.io', { namespace: 'a', name: 'b' }, null))).toBe('Unknown');
    expect([toneOf(200), toneOf(201), toneOf(304), toneOf(404), toneOf(503)]).toEqual(['ok', 'ok', 'neutral', 'error', 'error']);
    expect(requestEntry(rec('DELETE', 'not a url', 200, { kind: 'apiserver' }), 1).path).toBe('not a url');
    expect(describeDiagram(buildDiagram(seed, []))).toContain('assets/custom-api:443 for v1alpha1.assets.example.com, which is unavailable (v1alpha1.assets.example.com: MissingEndpoints)');
  });
});
