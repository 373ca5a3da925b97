import { describe, expect, it } from 'vitest';
import type { ClusterContext } from '../../../src/sim/context.ts';
import { ManualClock } from '../../../src/sim/clock.ts';
import { builtinCatalog } from '../../../src/sim/discovery/catalog.ts';
import { ResourceRegistry } from '../../../src/sim/resources.ts';
import { serveOpenAPI, unknownFields } from '../../../src/sim/openapi/index.ts';
import { builtInLoaders } from '../../../src/sim/openapi/generated/loaders.ts';
import manifest from '../../../src/sim/openapi/generated/manifest.json' with { type: 'json' };

type Json = Record<string, any>;
const key = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);
const documents = new Map<string, Json>();
for (const [k, load] of Object.entries(builtInLoaders)) documents.set(k, (await load()).default as Json);
const schemasOf = (gv: string) => documents.get(gv)!.components.schemas as Record<string, Json>;
const CORE = 'io.k8s.api.core.v1.';

/** client-go's queryParamVerifierV3: a PATCH operation tagged with the kind that takes the parameter. */
function supportsQueryParamV3(doc: Json, gvk: { group: string; version: string; kind: string }, param: string): boolean {
  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    const patch = item.patch as Json | undefined;
    const tagged = patch?.['x-kubernetes-group-version-kind'];
    if (!tagged || tagged.group !== gvk.group || tagged.version !== gvk.version || tagged.kind !== gvk.kind) continue;
    if ((patch!.parameters as Json[]).some((p) => p.name === param)) return true;
  }
  return false;
}

/** Every `$ref` under `node`. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('built-in OpenAPI v3 documents', () => {
  it('has a document for every group-version of the discovery catalog, and no other', () => {
    const served = new Set(builtinCatalog.map((t) => key(t.group, t.version)));
    expect(new Set(Object.keys(manifest))).toEqual(served);
    expect(new Set(documents.keys())).toEqual(served);
    expect(served).toContain('api/v1');
    expect(served).toContain('apis/discovery.k8s.io/v1');
  });

  it('lists every catalog group-version in the /openapi/v3 index', async () => {
    const ctx = { registry: new ResourceRegistry(), clock: new ManualClock('2026-11-26T16:40:00Z') } as unknown as ClusterContext;
    const res = await serveOpenAPI(ctx, new Request('http://127.0.0.1/openapi/v3', { headers: { Accept: 'application/json' } }));
    const index = (await res!.json()) as { paths: Record<string, { serverRelativeURL: string }> };
    for (const t of builtinCatalog) {
      const k = key(t.group, t.version);
      expect(index.paths[k]?.serverRelativeURL).toBe(`/openapi/v3/${k}?hash=${(manifest as Record<string, { hash: string }>)[k].hash}`);
    }
  });

  it('lets kubectl verify fieldValidation for every patchable kind, as QueryParamVerifierV3 does', () => {
    const patchable = builtinCatalog.filter((t) => t.verbs.includes('patch'));
    expect(patchable.length).toBeGreaterThan(40);
    for (const t of patchable) {
      const doc = documents.get(key(t.group, t.version))!;
      expect(supportsQueryParamV3(doc, { group: t.group, version: t.version, kind: t.kind }, 'fieldValidation'), `${t.group}/${t.version} ${t.kind}`).toBe(true);
    }
  });

  it('tags every kind, and the list of every listable kind, with its group-version-kind', () => {
    for (const t of builtinCatalog) {
      const gvks = Object.values(schemasOf(key(t.group, t.version))).flatMap((s) => s['x-kubernetes-group-version-kind'] ?? []);
      const kinds = t.verbs.includes('list') ? [t.kind, `${t.kind}List`] : [t.kind];
      for (const kind of kinds) expect(gvks, `${t.group}/${t.version} ${kind}`).toContainEqual({ group: t.group, kind, version: t.version });
    }
  });

  it('resolves every reference inside its own document', () => {
    for (const [k, doc] of documents) {
      const names = new Set(Object.keys(doc.components.schemas));
      for (const r of new Set(refs(doc))) expect(names.has(r.replace('#/components/schemas/', '')), `${k}: ${r}`).toBe(true);
    }
  });

  it('keeps the spec descriptions, types, formats, required fields and enums', () => {
    const apps = schemasOf('apis/apps/v1');
    const spec = apps['io.k8s.api.apps.v1.DeploymentSpec'];
    expect(spec.properties.replicas).toMatchObject({ type: 'integer', format: 'int32' });
    expect(spec.properties.replicas.description).toMatch(/^Number of desired pods\./);
    expect(spec.required).toEqual(expect.arrayContaining(['selector', 'template']));
    // A described reference keeps the field's own description beside the $ref.
    expect(spec.properties.template).toEqual({
      allOf: [{ $ref: `#/components/schemas/${CORE}PodTemplateSpec` }],
      description: expect.stringMatching(/^Template describes the pods that will be created\./),
    });
    const core = schemasOf('api/v1');
    expect(core[`${CORE}ServiceSpec`].properties.type.enum).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    expect(core[`${CORE}ServiceSpec`].properties.type.description).toContain('\n\nPossible enum values:\n');
    expect(core[`${CORE}ServicePort`].required).toEqual(['port']);
    expect(core[`${CORE}Secret`].properties.data.additionalProperties).toEqual({ format: 'byte', type: 'string' });
    expect(core[`${CORE}PodSecurityContext`].properties.runAsUser).toMatchObject({ type: 'integer', format: 'int64' });
    expect(core[`${CORE}Container`].properties.image.description).toBeTruthy();
    expect(core['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] });
    // apiVersion and kind of a kind are plain described strings, never required.
    expect(apps['io.k8s.api.apps.v1.Deployment'].properties.kind).toEqual({ description: expect.stringMatching(/^Kind is a string value/), type: 'string' });
    expect(apps['io.k8s.api.apps.v1.Deployment'].required).toBeUndefined();
  });

  it('carries the patch strategies, merge keys and list types of the Go types', () => {
    const core = schemasOf('api/v1');
    const prop = (schema: string, field: string) => core[CORE + schema].properties[field];
    expect(prop('PodSpec', 'containers')).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' });
    expect(prop('PodSpec', 'volumes')).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge,retainKeys' });
    expect(prop('Container', 'ports')).toMatchObject({
      'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-patch-merge-key': 'containerPort',
    });
    expect(prop('Container', 'env')['x-kubernetes-patch-merge-key']).toBe('name');
    expect(prop('Container', 'volumeMounts')['x-kubernetes-patch-merge-key']).toBe('mountPath');
    expect(prop('ServiceSpec', 'ports')['x-kubernetes-patch-merge-key']).toBe('port');
    expect(schemasOf('apis/apps/v1')['io.k8s.api.apps.v1.DeploymentStatus'].properties.conditions['x-kubernetes-patch-merge-key']).toBe('type');
    const meta = core['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties;
    expect(meta.ownerReferences['x-kubernetes-patch-merge-key']).toBe('uid');
    expect(meta.finalizers['x-kubernetes-patch-strategy']).toBe('merge');
  });

  it('serves the v1.32 field set, without fields added later', () => {
    const core = schemasOf('api/v1');
    expect(core[`${CORE}Lifecycle`].properties).not.toHaveProperty('stopSignal');
    expect(core[`${CORE}PodStatus`].properties).not.toHaveProperty('observedGeneration');
    expect(core[`${CORE}PodSpec`].properties).toHaveProperty('resources');
    expect(schemasOf('apis/apps/v1')['io.k8s.api.apps.v1.DeploymentStatus'].properties).not.toHaveProperty('terminatingReplicas');
  });

  it('finds unknown fields of built-in kinds under strict validation', async () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replica: 2, template: { spec: { containers: [{ name: 'a', imag: 'b' }] } } } };
    expect(await unknownFields('apps', 'v1', 'Deployment', deployment)).toEqual(['unknown field "spec.replica"', 'unknown field "spec.template.spec.containers[0].imag"']);
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { a: 'b' } }, data: { any: 'key' } };
    expect(await unknownFields('', 'v1', 'ConfigMap', configMap)).toEqual([]);
    expect(await unknownFields('', 'v1', 'Service', { spec: { ports: [{ port: 80, targetPort: 'http', nodeport: 1 }] } })).toEqual(['unknown field "spec.ports[0].nodeport"']);
  });
});
