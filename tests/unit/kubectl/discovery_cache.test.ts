// kubectl's discovery cache (client-go's CachedDiscoveryClient over ~/.kube/cache/discovery, 6 h):
// what each run fetches when the cache is warm, and what invalidates it.
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { createCluster } from '../../../src/sim/cluster.ts';
import { runKubectl, type KubectlResult } from '../../../src/kubectl/run.ts';
import type { CachedDiscovery } from '../../../src/kubectl/env.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.ops.example.com
spec:
  group: ops.example.com
  names: { kind: Backup, plural: backups, singular: backup }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true }
`;
const BACKUP = `apiVersion: ops.example.com/v1
kind: Backup
metadata:
  name: nightly
`;

let clock: ManualClock;
let kubectl: (args: string[], cache?: Map<string, CachedDiscovery> | null) => Promise<KubectlResult>;
let cache: Map<string, CachedDiscovery>;

beforeEach(async () => {
  clock = new ManualClock('2026-11-26T12:00:00Z');
  const cluster = await createCluster({ clock, scenario: readScenario('default') });
  const files: Record<string, string> = { 'crd.yaml': CRD, 'backup.yaml': BACKUP };
  cache = new Map();
  kubectl = (args, discoveryCache = cache) =>
    runKubectl(args, {
      fetch: cluster.fetch,
      server: 'http://127.0.0.1:8080',
      files: { readFile: (name) => files[name] },
      now: () => new Date(clock.now()),
      pid: 4242,
      kubeconfigPath: '',
      ...(discoveryCache ? { discoveryCache } : {}),
    });
});

/** The request lines (`GET /path`) and the invalidation notice of a -v=6 run. */
const trace = (r: KubectlResult) =>
  r.stderr
    .split('\n')
    .filter((l) => l.includes('round_trippers.go') || l.includes('discovery.go'))
    .map((l) => l.replace(/^.*round_trippers\.go:\d+\] (\w+) http:\/\/127\.0\.0\.1:8080(\S+).*$/, '$1 $2').replace(/^.*discovery\.go:214\] /, ''));

describe('the discovery cache', () => {
  it('is filled by the first command and spares the next ones both discovery requests', async () => {
    expect(trace(await kubectl(['get', 'pods', '-v=6']))).toEqual(['GET /api?timeout=32s', 'GET /apis?timeout=32s', 'GET /api/v1/namespaces/default/pods?limit=500']);
    expect(trace(await kubectl(['get', 'apiservice', 'v1.apps', '-v=6']))).toEqual(['GET /apis/apiregistration.k8s.io/v1/apiservices/v1.apps']);
    expect(trace(await kubectl(['describe', 'ns', 'default', '-v=6']))[0]).toBe('GET /api/v1/namespaces/default');
  });

  it('is not consulted without a cache: every run fetches discovery, as with a fresh --cache-dir', async () => {
    await kubectl(['get', 'pods'], null);
    expect(trace(await kubectl(['get', 'pods', '-v=6'], null))).toHaveLength(3);
    expect(trace(await kubectl(['get', 'pods', '-v=6'], new Map()))).toHaveLength(3);
  });

  it('expires after 6 hours', async () => {
    await kubectl(['get', 'pods']);
    clock.advance(6 * 3600_000 - 1000);
    expect(trace(await kubectl(['get', 'pods', '-v=6']))).toHaveLength(1);
    clock.advance(1000);
    expect(trace(await kubectl(['get', 'pods', '-v=6']))).toHaveLength(3);
  });

  it('is invalidated and fetched again when a resource type is not in it (at -v=5 and up)', async () => {
    await kubectl(['get', 'pods']);
    const miss = await kubectl(['get', 'foo', '-v=6']);
    expect(trace(miss)).toEqual(['Invalidating discovery information', 'GET /api?timeout=32s', 'GET /apis?timeout=32s']);
    expect(miss.stderr.endsWith('error: the server doesn\'t have a resource type "foo"\n')).toBe(true);
    expect(trace(await kubectl(['get', 'foo', '-v=4']))).toEqual([]);
  });

  it('is invalidated on a miss by describe, delete, explain and a list of types too', async () => {
    await kubectl(['get', 'pods']);
    for (const args of [['describe', 'foo'], ['delete', 'foo', 'x'], ['explain', 'foo'], ['get', 'pods,foo']]) {
      expect(trace(await kubectl([...args, '-v=6'])), args.join(' ')).toEqual(['Invalidating discovery information', 'GET /api?timeout=32s', 'GET /apis?timeout=32s']);
    }
  });

  it('is not invalidated when the miss came from discovery fetched by the same run', async () => {
    expect(trace(await kubectl(['get', 'foo', '-v=6']))).toEqual(['GET /api?timeout=32s', 'GET /apis?timeout=32s']);
  });

  it('finds a kind a new CustomResourceDefinition added, for get and for apply', async () => {
    await kubectl(['get', 'pods']);
    expect((await kubectl(['apply', '-f', 'crd.yaml'])).code).toBe(0);
    const apply = await kubectl(['apply', '-f', 'backup.yaml', '-v=6']);
    expect(apply.stdout).toBe('backup.ops.example.com/nightly created\n');
    // As the real kubectl: the schema for validation first, then the mapping misses and discovery is fetched again.
    expect(trace(apply).slice(1, 7)).toEqual([
      expect.stringMatching(/^GET \/openapi\/v3\/apis\/ops.example.com\/v1\?hash=/),
      'Invalidating discovery information',
      'GET /api?timeout=32s',
      'GET /apis?timeout=32s',
      'GET /apis/ops.example.com/v1/namespaces/default/backups/nightly',
      'POST /apis/ops.example.com/v1/namespaces/default/backups?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
    ]);
    expect(trace(await kubectl(['get', 'backups', '-v=6']))).toEqual(['GET /apis/ops.example.com/v1/namespaces/default/backups?limit=500']);
  });

  it('is refreshed by api-resources and api-versions every time, without the notice', async () => {
    await kubectl(['get', 'pods']);
    expect(trace(await kubectl(['api-resources', '-v=6']))).toEqual(['GET /api?timeout=32s', 'GET /apis?timeout=32s']);
    expect(trace(await kubectl(['api-versions', '-v=6']))).toEqual(['GET /api?timeout=32s', 'GET /apis?timeout=32s']);
  });

  it('does not spare top its own discovery requests', async () => {
    await kubectl(['get', 'pods']);
    expect(trace(await kubectl(['top', 'nodes', '-v=6'])).slice(0, 2)).toEqual(['GET /api', 'GET /apis']);
  });
});
