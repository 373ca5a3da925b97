import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterContext } from '../../../src/sim/context.ts';
import { ManualClock } from '../../../src/sim/clock.ts';
import { ResourceRegistry, type ResourceType } from '../../../src/sim/resources.ts';
import { serveOpenAPI, strictDecodingError, unknownFields, crdOpenAPIDocument } from '../../../src/sim/openapi/index.ts';
import { sha512Hex } from '../../../src/sim/openapi/sha512.ts';
import apiregistration from '../../../src/sim/openapi/generated/apis__apiregistration.k8s.io__v1.json' with { type: 'json' };
import metaSchemas from '../../../src/sim/openapi/generated/meta.v1.json' with { type: 'json' };

// shared/ sits beside the repository (CI) or at /work/shared (development machines).
const fidelity =
  process.env.FIDELITY_DIR ??
  [new URL('../../../../shared/fidelity', import.meta.url).pathname, '/work/shared/fidelity'].find((d) => existsSync(d)) ??
  '/work/shared/fidelity';
const requests = JSON.parse(readFileSync(`${fidelity}/kubectl-requests.json`, 'utf8'));
const validation = JSON.parse(readFileSync(`${fidelity}/validation.json`, 'utf8'));
const upstream = JSON.parse(readFileSync(new URL('../../../scripts/openapi-source/apiregistration.k8s.io_v1.schemas.json', import.meta.url), 'utf8'));

type Json = Record<string, any>;
const doc = apiregistration as Json;
const AGG = 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.';

function context(types: ResourceType[] = []): ClusterContext {
  const registry = new ResourceRegistry();
  for (const t of types) registry.add(t);
  return { registry, clock: new ManualClock('2026-11-26T16:40:00Z') } as unknown as ClusterContext;
}

const get = (ctx: ClusterContext, path: string, accept: string) =>
  serveOpenAPI(ctx, new Request(`http://127.0.0.1:18081${path}`, { headers: { Accept: accept } }));

/** The requests kubectl apply made in the recorded applyFlow, in order. */
const applyRun = requests.results.find((r: Json) => r.id === 'apply-create');
const [rootRequest, gvRequest] = applyRun.requests as Json[];

describe('generated apiregistration.k8s.io/v1 document', () => {
  it('carries the APIService definitions exactly as Kubernetes publishes them', () => {
    for (const name of ['APIService', 'APIServiceSpec', 'APIServiceStatus', 'APIServiceCondition', 'ServiceReference', 'APIServiceList']) {
      expect(doc.components.schemas[AGG + name]).toEqual(upstream.schemas[AGG + name]);
    }
    const spec = doc.components.schemas[AGG + 'APIServiceSpec'];
    expect(Object.keys(spec.properties)).toEqual(['caBundle', 'group', 'groupPriorityMinimum', 'insecureSkipTLSVerify', 'service', 'version', 'versionPriority']);
    expect(spec.required).toEqual(['groupPriorityMinimum', 'versionPriority']);
    expect(spec.properties.groupPriorityMinimum.description).toMatch(/^GroupPriorityMinimum is the priority this group should have at least\./);
    expect(doc.components.schemas[AGG + 'APIService']['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apiregistration.k8s.io', kind: 'APIService', version: 'v1' },
    ]);
  });

  it('gives strategic merge patch what it needs: merge keys on conditions and owner references', () => {
    const conditions = doc.components.schemas[AGG + 'APIServiceStatus'].properties.conditions;
    expect(conditions['x-kubernetes-patch-merge-key']).toBe('type');
    expect(conditions['x-kubernetes-patch-strategy']).toBe('merge');
    const owners = doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties.ownerReferences;
    expect(owners['x-kubernetes-patch-merge-key']).toBe('uid');
  });

  it('lets kubectl find fieldValidation, dryRun and fieldManager on every write operation', () => {
    const item = doc.paths['/apis/apiregistration.k8s.io/v1/apiservices/{name}'];
    for (const op of [item.patch, item.put, doc.paths['/apis/apiregistration.k8s.io/v1/apiservices'].post]) {
      expect(op.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['dryRun', 'fieldManager', 'fieldValidation']));
      expect(op['x-kubernetes-group-version-kind']).toEqual({ group: 'apiregistration.k8s.io', kind: 'APIService', version: 'v1' });
    }
    expect(Object.keys(item.patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
    expect(item.patch.operationId).toBe('patchApiregistrationV1APIService');
    expect(doc.paths['/apis/apiregistration.k8s.io/v1/apiservices/{name}/status'].put.operationId).toBe('replaceApiregistrationV1APIServiceStatus');
  });

  it('keeps every $ref resolvable inside the document', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const r of new Set(refs)) expect(doc.components.schemas).toHaveProperty([r.slice('"$ref":"#/components/schemas/'.length, -1)]);
  });
});

describe('/openapi/v3', () => {
  it('lists each served group-version with a hashed URL of the real hash shape', async () => {
    const res = (await get(context(), rootRequest.path, rootRequest.accept))!;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    const body = await res.text();
    expect(res.headers.get('Etag')).toBe(`"${sha512Hex(body)}"`);
    const index = JSON.parse(body);
    const url = index.paths['apis/apiregistration.k8s.io/v1'].serverRelativeURL as string;
    // kubectl's recorded request has the same shape: 128 upper-case hex digits of SHA-512.
    const recordedHash = new URL(gvRequest.path, 'http://x').searchParams.get('hash')!;
    const hash = new URL(url, 'http://x').searchParams.get('hash')!;
    expect(hash).toMatch(/^[0-9A-F]{128}$/);
    expect(recordedHash).toMatch(/^[0-9A-F]{128}$/);
    expect(url).toBe(`/openapi/v3/apis/apiregistration.k8s.io/v1?hash=${hash}`);
  });

  it('serves the document kubectl asks for, hashed and immutable, and redirects a stale hash', async () => {
    const ctx = context();
    const index = JSON.parse(await (await get(ctx, '/openapi/v3', rootRequest.accept))!.text());
    const url = index.paths['apis/apiregistration.k8s.io/v1'].serverRelativeURL as string;
    const res = (await get(ctx, `${url}&timeout=32s`, gvRequest.accept))!;
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(sha512Hex(body)).toBe(new URL(url, 'http://x').searchParams.get('hash'));
    expect(JSON.parse(body)).toEqual(doc);
    expect(res.headers.get('Cache-Control')).toBe('public, immutable');
    expect(res.headers.get('Expires')).toBe('Fri, 26 Nov 2027 16:40:00 UTC');
    expect(res.headers.get('Vary')).toBe('Accept');

    const stale = (await get(ctx, '/openapi/v3/apis/apiregistration.k8s.io/v1?hash=ABC', gvRequest.accept))!;
    expect(stale.status).toBe(301);
    expect(stale.headers.get('Location')).toBe(url);

    const unhashed = (await get(ctx, '/openapi/v3/apis/apiregistration.k8s.io/v1', 'application/json'))!;
    expect(unhashed.headers.get('Cache-Control')).toBeNull();
  });

  it('adds a document for each custom group-version, built like the CRD OpenAPI builder', async () => {
    const flunders = {
      group: 'wardle.example.com',
      version: 'v1alpha1',
      resource: 'flunders',
      kind: 'Flunder',
      listKind: 'FlunderList',
      singular: 'flunder',
      namespaced: true,
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      subresources: ['status'],
      custom: true,
      schema: { type: 'object', properties: { spec: { type: 'object', properties: { reference: { type: 'string' } } } } },
    } as ResourceType;
    const ctx = context([flunders]);
    const index = JSON.parse(await (await get(ctx, '/openapi/v3', 'application/json, */*'))!.text());
    const url = index.paths['apis/wardle.example.com/v1alpha1'].serverRelativeURL as string;
    const crdDoc = JSON.parse(await (await get(ctx, url, 'application/json'))!.text());
    const flunder = crdDoc.components.schemas['com.example.wardle.v1alpha1.Flunder'];
    expect(Object.keys(flunder.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(flunder['x-kubernetes-group-version-kind']).toEqual([{ group: 'wardle.example.com', kind: 'Flunder', version: 'v1alpha1' }]);
    const patch = crdDoc.paths['/apis/wardle.example.com/v1alpha1/namespaces/{namespace}/flunders/{name}'].patch;
    expect(patch.operationId).toBe('patchWardleExampleComV1alpha1NamespacedFlunder');
    expect(patch.parameters.map((p: Json) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).not.toContain('application/strategic-merge-patch+json');
    expect(crdDoc.paths['/apis/wardle.example.com/v1alpha1/flunders'].get.operationId).toBe('listWardleExampleComV1alpha1FlunderForAllNamespaces');
  });

  it('builds the same document from a CustomResourceDefinition object', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'crontabs.stable.example.com' },
      spec: {
        group: 'stable.example.com',
        scope: 'Cluster',
        names: { plural: 'crontabs', kind: 'CronTab' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } } }],
      },
    };
    const built = crdOpenAPIDocument(crd, metaSchemas) as Json;
    expect(built.paths).toHaveProperty(['/apis/stable.example.com/v1/crontabs/{name}']);
    expect(built.components.schemas).toHaveProperty(['com.example.stable.v1.CronTabList']);
  });

  it('serves /openapi/v2 as JSON when JSON is acceptable, with v2 definitions', async () => {
    const res = (await get(context(), '/openapi/v2', 'application/json'))!;
    const swagger = JSON.parse(await res.text());
    expect(swagger.swagger).toBe('2.0');
    expect(swagger.definitions[AGG + 'APIServiceSpec'].properties.service.$ref).toBe(`#/definitions/${AGG}ServiceReference`);
    expect(swagger.paths['/apis/apiregistration.k8s.io/v1/apiservices/{name}'].patch.parameters.map((p: Json) => p.name)).toContain('fieldValidation');
  });

  it('leaves other paths to the rest of the handler chain', async () => {
    expect(await get(context(), '/apis', 'application/json')).toBeUndefined();
  });
});

describe('strict field validation', () => {
  const vector = validation.decodeErrors.find((d: Json) => d.id === 'unknown-field-strict');
  const run = requests.results.find((r: Json) => r.id === vector.capturedRun);
  const post = run.requests.find((q: Json) => q.method === 'POST');

  it('words the recorded typo exactly as the apiserver did', async () => {
    const fields = await unknownFields('apiregistration.k8s.io', 'v1', 'APIService', post.body);
    expect(fields).toEqual(['unknown field "spec.groupPriorityMinimun"']);
    expect(strictDecodingError('APIService', 'v1', fields)).toBe(vector.expectedStatus.message);
  });

  it('accepts every APIService body kubectl sent in the recordings', async () => {
    for (const r of requests.results as Json[]) {
      for (const q of r.requests as Json[]) {
        if (q.method !== 'POST' || !String(q.path).includes('/apiservices') || r.id.includes('typo')) continue;
        expect(await unknownFields('apiregistration.k8s.io', 'v1', 'APIService', q.body)).toEqual([]);
      }
    }
  });

  it('finds unknown fields at any depth, in body order, case-sensitively', async () => {
    const body = {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: 'v1.x.io', labelz: {}, labels: { anything: 'goes' } },
      spec: { service: { name: 'a', nmae: 'b' }, Group: 'x.io', version: 'v1' },
      status: { conditions: [{ type: 'Available', status: 'True', reasn: 'Local' }] },
      extra: true,
    };
    expect(await unknownFields('apiregistration.k8s.io', 'v1', 'APIService', body)).toEqual([
      'unknown field "metadata.labelz"',
      'unknown field "spec.service.nmae"',
      'unknown field "spec.Group"',
      'unknown field "status.conditions[0].reasn"',
      'unknown field "extra"',
    ]);
  });

  it('checks custom resources against their openAPIV3Schema', async () => {
    const schema = { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } };
    const obj = { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'a' }, spec: { size: 1, szie: 2 } };
    expect(await unknownFields('stable.example.com', 'v1', 'CronTab', obj, schema)).toEqual(['unknown field "spec.szie"']);
  });
});
