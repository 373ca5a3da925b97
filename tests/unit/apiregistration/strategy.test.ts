import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { decodeAPIService } from '../../../src/sim/apiregistration/decode.ts';
import { createAPIServiceType } from '../../../src/sim/apiregistration/index.ts';
import { canonicalAPIService, prepareForStatusUpdate } from '../../../src/sim/apiregistration/strategy.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import { apiServiceGR } from '../../../src/sim/apiregistration/helpers.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { kubectlOutput, recordedBody } from './fixtures.ts';

const clock = new ManualClock('2026-11-26T16:00:00Z');
const apiServiceType = createAPIServiceType(clock);

function created(body: unknown, store = new ObjectStore(clock)): KubeObject {
  const decoded = decodeAPIService(body);
  if (!decoded.ok) throw new Error(decoded.message);
  apiServiceType.defaults!(decoded.obj);
  apiServiceType.prepareForCreate!(decoded.obj);
  return store.create(apiServiceGR, decoded.obj);
}

/** Every key path of a JSON value, in serialization order. */
function keyPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((item, i) => keyPaths(item, `${prefix}[${i}]`));
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v).flatMap(([k, item]) => [`${prefix}${k}`, ...keyPaths(item, `${prefix}${k}.`)]);
}

describe('defaults', () => {
  it('defaults spec.service.port to 443 only when absent', () => {
    const obj = created(recordedBody('create-ok', 'POST'));
    expect((obj.spec as any).service).toEqual({ name: 'api', namespace: 'wardle', port: 443 });
  });

  it('leaves a Local APIService without a service', () => {
    const obj = created({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 } });
    expect('service' in (obj.spec as object)).toBe(false);
  });
});

describe('PrepareForCreate', () => {
  it('discards a client status and leaves a service-backed APIService without conditions', () => {
    const body = structuredClone(recordedBody('create-ok', 'POST')) as any;
    body.status = { conditions: [{ type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed' }] };
    expect(created(body).status).toEqual({});
  });

  it('marks a Local APIService Available=True/Local, stamped now', () => {
    const obj = created({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 } });
    expect(obj.status).toEqual({
      conditions: [{ type: 'Available', status: 'True', lastTransitionTime: '2026-11-26T16:00:00Z', reason: 'Local', message: 'Local APIServices are always available' }],
    });
  });

  it('clears metadata.namespace of the cluster-scoped kind', () => {
    const body = structuredClone(recordedBody('create-ok', 'POST')) as any;
    body.metadata.namespace = 'wardle';
    expect(created(body).metadata.namespace).toBeUndefined();
  });
});

describe('serialization order', () => {
  it('stores keys in Go struct order: kind, apiVersion, ObjectMeta order, spec order, status', () => {
    const body = structuredClone(recordedBody('apply-typo-field-validate-false', 'POST')) as any;
    body.metadata.labels = { 'k8s-app': 'metrics-server' };
    body.spec.insecureSkipTLSVerify = true;
    const obj = created(body);
    expect(keyPaths(JSON.parse(JSON.stringify(obj)))).toEqual([
      'kind',
      'apiVersion',
      'metadata',
      'metadata.name',
      'metadata.uid',
      'metadata.resourceVersion',
      'metadata.creationTimestamp',
      'metadata.labels',
      'metadata.labels.k8s-app',
      'metadata.annotations',
      'metadata.annotations.kubectl.kubernetes.io/last-applied-configuration',
      // The store adds generation for any object with a spec (see report); the real APIService has none.
      ...(obj.metadata.generation !== undefined ? ['metadata.generation'] : []),
      'spec',
      'spec.service',
      'spec.service.namespace',
      'spec.service.name',
      'spec.service.port',
      'spec.group',
      'spec.version',
      'spec.insecureSkipTLSVerify',
      'spec.groupPriorityMinimum',
      'spec.versionPriority',
      'status',
    ]);
  });

  it('holds the same fields as the recorded `kubectl get -o json`', () => {
    const recorded = JSON.parse(kubectlOutput('get-apiservice-metrics-json.stdout.txt'));
    const canonical = canonicalAPIService(recorded);
    const sorted = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sorted) : typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)])) : v;
    // kubectl prints maps sorted; the content must survive canonicalization unchanged.
    expect(JSON.stringify(sorted(JSON.parse(JSON.stringify(canonical))))).toBe(JSON.stringify(recorded));
  });
});

describe('PrepareForUpdate and the status strategy', () => {
  it('keeps the stored status on a spec update', () => {
    const store = new ObjectStore(clock);
    const old = created(recordedBody('create-ok', 'POST'), store);
    const withStatus = store.update(apiServiceGR, { ...structuredClone(old), status: { conditions: [{ type: 'Available', status: 'False', reason: 'MissingEndpoints' }] } });
    const next = structuredClone(withStatus) as any;
    next.spec.versionPriority = 50;
    next.status = {};
    apiServiceType.prepareForUpdate!(next, withStatus);
    expect(next.status).toEqual(withStatus.status);
    expect(next.spec.versionPriority).toBe(50);
  });

  it('keeps spec, labels and annotations on a status update', () => {
    const store = new ObjectStore(clock);
    const old = created({ ...(recordedBody('create-ok', 'POST') as object), metadata: { name: 'v1alpha1.wardle.example.com', labels: { a: 'b' } } }, store);
    const next = structuredClone(old) as any;
    next.spec.versionPriority = 999;
    next.metadata.labels = { changed: 'yes' };
    next.status = { conditions: [{ type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed' }] };
    prepareForStatusUpdate(next, old);
    expect(next.spec).toEqual(old.spec);
    expect(next.metadata.labels).toEqual({ a: 'b' });
    expect(next.status.conditions[0].reason).toBe('Passed');
  });
});
