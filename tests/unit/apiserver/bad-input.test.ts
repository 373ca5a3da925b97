// Bad input never crashes the simulated apiserver: malformed bodies, unknown kinds, wrong
// apiVersions, huge bodies and odd paths all get a proper answer (a Status, or the plain-text
// 404 of the not-found handler), never a 500 and never an exception.

import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';
import { createCluster, type Cluster } from '../../../src/sim/cluster.ts';

const scenario = readScenario('default');
const base = 'http://127.0.0.1:6443';

let cluster: Cluster;
beforeAll(async () => {
  cluster = await createCluster({ clock: new ManualClock('2026-11-26T12:00:00Z'), scenario });
});

async function send(method: string, path: string, body?: string, contentType = 'application/json') {
  const res = await cluster.fetch(new Request(base + path, { method, body, headers: body === undefined ? {} : { 'Content-Type': contentType } }));
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get('Content-Type') === 'application/json' ? JSON.parse(text) : undefined };
}

const apiservices = '/apis/apiregistration.k8s.io/v1/apiservices';

describe('bad request bodies', () => {
  it('malformed JSON is a 400 BadRequest Status', async () => {
    const r = await send('POST', apiservices, '{"apiVersion": ');
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(r.json.message).toMatch(/^couldn't get version\/kind; json parse error: /);
  });

  it('malformed YAML is a 400 BadRequest Status', async () => {
    const r = await send('POST', apiservices, 'kind: [APIService\n  name: {', 'application/yaml');
    expect(r.status).toBe(400);
    expect(r.json.reason).toBe('BadRequest');
  });

  it('a body that is not an object is rejected', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const r = await send('POST', apiservices, body);
      expect(r.status).toBe(400);
      expect(r.json.kind).toBe('Status');
    }
  });

  it('an unknown kind or a wrong apiVersion is a 400 naming the kind', async () => {
    const unknownKind = await send('POST', apiservices, JSON.stringify({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'Frobnicator', metadata: { name: 'x' } }));
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.json.message).toContain('Frobnicator');
    const wrongVersion = await send('POST', apiservices, JSON.stringify({ apiVersion: 'apiregistration.k8s.io/v1beta1', kind: 'APIService', metadata: { name: 'x' } }));
    expect(wrongVersion.status).toBe(400);
    const missingKind = await send('POST', apiservices, JSON.stringify({ apiVersion: 'apiregistration.k8s.io/v1', metadata: { name: 'x' } }));
    expect(missingKind.status).toBe(400);
    expect(missingKind.json.message).toMatch(/^Object 'Kind' is missing in /);
  });

  it('a body over the 3 MiB limit is 413 RequestEntityTooLarge', async () => {
    const huge = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'big', annotations: { a: 'x'.repeat(4 * 1024 * 1024) } } });
    const r = await send('POST', '/api/v1/namespaces', huge);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728' });
  });

  it('an unsupported patch type is 415', async () => {
    const r = await send('PATCH', `${apiservices}/v1.apps`, '{}', 'text/plain');
    expect(r.status).toBe(415);
    expect(r.json.reason).toBe('UnsupportedMediaType');
  });

  it('a JSON patch that does not apply is a 400, and the object is unchanged', async () => {
    const before = await send('GET', `${apiservices}/v1beta1.metrics.k8s.io`);
    const r = await send('PATCH', `${apiservices}/v1beta1.metrics.k8s.io`, '[{"op":"remove","path":"/spec/nothere"}]', 'application/json-patch+json');
    expect(r.status).toBe(400);
    const after = await send('GET', `${apiservices}/v1beta1.metrics.k8s.io`);
    expect(after.text).toBe(before.text);
  });

  it('wrongly typed fields are rejected by the decoder, not stored', async () => {
    const r = await send(
      'POST',
      apiservices,
      JSON.stringify({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.x.example.com' }, spec: { group: 'x.example.com', version: 'v1', groupPriorityMinimum: 'high', versionPriority: 1 } }),
    );
    expect(r.status).toBe(400);
    expect((await send('GET', `${apiservices}/v1.x.example.com`)).status).toBe(404);
  });

  it('metadata is stored as ObjectMeta decodes it: unknown fields dropped, null label values empty', async () => {
    const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'meta-decoded', foo: 'bar', labels: { a: null, b: 'x' } } };
    const created = await send('POST', '/api/v1/namespaces', JSON.stringify(body));
    expect(created.status).toBe(201);
    for (const obj of [created.json, (await send('GET', '/api/v1/namespaces/meta-decoded')).json]) {
      expect(obj.metadata).not.toHaveProperty('foo');
      expect(obj.metadata.labels).toMatchObject({ a: '', b: 'x' });
    }
  });

  it('a metadata time that is not RFC 3339 is the 400 of time.Parse', async () => {
    const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bad-time', creationTimestamp: 'yesterday' } };
    const r = await send('POST', '/api/v1/namespaces', JSON.stringify(body));
    expect(r.status).toBe(400);
    expect(r.json.message).toBe('Namespace in version "v1" cannot be handled as a Namespace: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"');
  });

  it('creating in a namespace that does not exist is NotFound for the namespace', async () => {
    const r = await send('POST', '/api/v1/namespaces/nowhere/services', JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } }));
    expect(r.status).toBe(404);
    expect(r.json.message).toBe('namespaces "nowhere" not found');
  });
});

describe('odd paths and methods', () => {
  const cases: [string, string][] = [
    ['GET', '/'],
    ['GET', '/apis/'],
    ['GET', '/apis/unknown.example.com'],
    ['GET', '/apis/unknown.example.com/v1/things'],
    ['GET', '/api/v2/pods'],
    ['GET', '/api/v1/frobs'],
    ['GET', '/api/v1/namespaces/default/pods/a/b/c/d'],
    ['GET', '/api/v1/namespaces/default/apiservices'],
    ['GET', '/apis/apiregistration.k8s.io/v1/namespaces/default/apiservices'],
    ['GET', '/%ff%fe'],
    ['GET', '/api/v1/namespaces/%2F/pods'],
    ['POST', '/version'],
    ['DELETE', '/api/v1/namespaces/default/pods/not-there'],
    ['PUT', `${apiservices}/v1.apps/nonsense`],
    ['OPTIONS', '/api/v1/pods'],
    ['GET', '/openapi/v3/apis/nothing/v9'],
  ];
  it.each(cases)('%s %s is answered without a server error', async (method, path) => {
    const r = await send(method, path);
    expect(r.status).toBeGreaterThanOrEqual(200);
    expect(r.status).toBeLessThan(500);
    if (r.status === 404 && r.json === undefined) expect(r.text).toBe('404 page not found\n');
  });

  it('an unknown group falls through to the plain-text 404; an unknown resource in a served group is a Status', async () => {
    const group = await send('GET', '/apis/unknown.example.com/v1/things');
    expect(group.text).toBe('404 page not found\n');
    const resource = await send('GET', '/api/v1/frobs');
    expect(resource.json).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource', code: 404 });
  });

  it('random requests never produce a 5xx', async () => {
    // A small deterministic generator (xorshift), so a failure reproduces.
    let seed = 0x2545f491;
    const rand = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const pick = <T>(xs: T[]) => xs[rand(xs.length)];
    const segments = ['api', 'apis', 'v1', 'v1beta1', 'namespaces', 'default', 'kube-system', 'pods', 'apiservices', 'apiregistration.k8s.io', 'metrics.k8s.io', 'status', 'scale', 'nodes', '..', '%00', 'x'.repeat(300), '🙂', ''];
    const bodies = ['', '{', '{}', '[]', 'null', '{"kind":"APIService"}', '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}', 'a: [b', '\u0000'];
    for (let i = 0; i < 400; i++) {
      const path = '/' + Array.from({ length: 1 + rand(7) }, () => pick(segments)).join('/');
      const method = pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
      const body = method === 'GET' || method === 'DELETE' ? undefined : pick(bodies);
      const contentType = pick(['application/json', 'application/yaml', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/json-patch+json', 'text/html']);
      const r = await send(method, path, body, contentType);
      expect(r.status, `${method} ${path} ${body ?? ''}`).toBeLessThan(500);
    }
  });
});

describe('null list items', () => {
  it('a null ownerReference is the zero OwnerReference, which validation refuses (422), not a crash', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan', namespace: 'default', ownerReferences: [null] }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const r = await send('POST', '/api/v1/namespaces/default/pods', JSON.stringify(pod));
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'Invalid' });
    expect(r.json.message).toContain('metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty');
    expect(r.json.message).toContain('metadata.ownerReferences.uid: Invalid value: "": uid must not be empty');
  });
});
