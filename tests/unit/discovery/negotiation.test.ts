import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serveDiscovery } from '../../../src/sim/discovery/index.ts';
import { negotiateDiscovery } from '../../../src/sim/discovery/negotiation.ts';
import type { APIGroupDiscoveryList } from '../../../src/sim/discovery/types.ts';
import { discoveryOrder, get, kubectlDiscoveryAccept, newCluster, RecordedRemote, vectorSet } from './fixtures.ts';

const ctx = newCluster(vectorSet('default-v1.32-cluster-with-metrics-server').apiservices);

describe('content negotiation', () => {
  it('kubectl 1.32 gets aggregated v2 with the real Content-Type and a quoted ETag', async () => {
    const res = (await serveDiscovery(ctx, get('/apis?timeout=32s', { Accept: kubectlDiscoveryAccept }), new RecordedRemote()))!;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(discoveryOrder.formats.aggregated.responseContentType.split(' ')[0]);
    expect(res.headers.get('Vary')).toBe('Accept');
    const text = await res.text();
    const list = JSON.parse(text) as APIGroupDiscoveryList;
    // calculateETag: hex SHA-512 of json.Marshal of the cached list (no kind/apiVersion).
    const expected = createHash('sha512').update(JSON.stringify({ metadata: {}, items: list.items })).digest('hex').toUpperCase();
    expect(res.headers.get('ETag')).toBe(`"${expected}"`);
  });

  it('If-None-Match with the current ETag gets 304', async () => {
    const first = (await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept }), new RecordedRemote()))!;
    const etag = first.headers.get('ETag')!;
    const second = (await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept, 'If-None-Match': etag }), new RecordedRemote()))!;
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });

  it('plain JSON, no Accept, or a wildcard gets the legacy APIGroupList', async () => {
    for (const accept of ['application/json', '', '*/*', 'application/json, */*', 'application/vnd.kubernetes.protobuf, */*']) {
      const res = (await serveDiscovery(ctx, get('/apis', accept ? { Accept: accept } : {}), new RecordedRemote()))!;
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(((await res.json()) as { kind: string }).kind).toBe('APIGroupList');
    }
  });

  it('q values reorder clauses', () => {
    expect(negotiateDiscovery('application/json;q=0.5,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')).toEqual({ format: 'aggregated', version: 'v2' });
    expect(negotiateDiscovery('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;q=0.1,application/json')).toEqual({ format: 'legacy' });
    expect(negotiateDiscovery('application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList')).toEqual({
      format: 'aggregated',
      version: 'v2beta1',
    });
  });

  it('an unservable Accept gets a 406 Status', async () => {
    for (const accept of ['text/html', 'application/json;as=Table;v=v1;g=meta.k8s.io']) {
      const res = (await serveDiscovery(ctx, get('/apis', { Accept: accept }), new RecordedRemote()))!;
      expect(res.status).toBe(406);
      expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'NotAcceptable', code: 406 });
    }
  });

  it('HEAD has the headers and no body; writes are not discovery', async () => {
    const head = (await serveDiscovery(ctx, new Request('http://127.0.0.1/apis', { method: 'HEAD' }), new RecordedRemote()))!;
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(await serveDiscovery(ctx, new Request('http://127.0.0.1/apis', { method: 'POST', body: '{}' }), new RecordedRemote())).toBeUndefined();
  });
});
