import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKubeSchema, convertSchema, reachableDefinitions, type JSONSchema } from '../../../src/playground/editor/schema/convert.ts';
import { generateSchemaText, mergedComponentSchemas, schemaFile } from '../../../src/playground/editor/schema/generate.ts';
import { editorKinds } from '../../../src/playground/editor/schema/kinds.ts';

const APIService = 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService';
const Spec = 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec';

const committed = JSON.parse(readFileSync(schemaFile, 'utf8')) as JSONSchema & { definitions: Record<string, JSONSchema> };

describe('editor schema generation', () => {
  it('the committed kube.schema.json is what the generator writes from the OpenAPI documents', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(generateSchemaText());
  });

  it('is draft-07 with every $ref resolvable inside the document', () => {
    expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const refs: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
      }
    };
    walk(committed);
    expect(refs.length).toBeGreaterThan(100);
    for (const r of refs) {
      expect(r.startsWith('#/definitions/'), r).toBe(true);
      expect(committed.definitions[r.slice('#/definitions/'.length)], r).toBeDefined();
    }
    expect(JSON.stringify(committed).includes('#/components/schemas/')).toBe(false);
    // Extensions are gone; only JSONSchemaProps still has fields named x-kubernetes-* (CRD authors write them).
    const extensions: string[] = [];
    const visit = (v: unknown, parentKey: string) => {
      if (Array.isArray(v)) v.forEach((x) => visit(x, ''));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k.startsWith('x-kubernetes-') && parentKey !== 'properties') extensions.push(k);
          visit(x, k);
        }
      }
    };
    visit(committed, '');
    expect(extensions).toEqual([]);
  });

  it('keeps the APIService spec fields, their docs and its required fields', () => {
    const spec = committed.definitions[Spec] as { properties: Record<string, JSONSchema>; required: string[]; additionalProperties: unknown };
    expect(Object.keys(spec.properties).sort()).toEqual(['caBundle', 'group', 'groupPriorityMinimum', 'insecureSkipTLSVerify', 'service', 'version', 'versionPriority']);
    expect(spec.required).toEqual(['groupPriorityMinimum', 'versionPriority']);
    expect(spec.properties.groupPriorityMinimum.type).toBe('integer');
    expect(String(spec.properties.groupPriorityMinimum.description)).toMatch(/^GroupPriorityMinimum is the priority/);
    // Go zero-value defaults would be offered as completions and are invalid here.
    expect(spec.properties.groupPriorityMinimum.default).toBeUndefined();
    expect(spec.additionalProperties).toBe(false);
  });

  it('pins apiVersion and kind per kind and selects the definition by kind', () => {
    const def = committed.definitions[APIService] as { properties: Record<string, JSONSchema>; required: string[] };
    expect(def.properties.apiVersion.enum).toEqual(['apiregistration.k8s.io/v1']);
    expect(def.properties.kind.enum).toEqual(['APIService']);
    expect(def.required).toEqual(['apiVersion', 'kind']);
    const branches = committed.allOf as { if: { properties: { kind: { const: string } } }; then: { $ref: string } }[];
    expect(branches.map((b) => b.if.properties.kind.const)).toEqual(editorKinds.map((k) => k.kind));
    expect(branches[0].then.$ref).toBe(`#/definitions/${APIService}`);
    expect((committed.properties as Record<string, JSONSchema>).kind.enum).toEqual(
      ['APIService', 'ConfigMap', 'CustomResourceDefinition', 'Deployment', 'Namespace', 'Pod', 'Service'],
    );
  });

  it('covers Service, Deployment and CRD with their nested types', () => {
    for (const name of [
      'io.k8s.api.core.v1.ServiceSpec',
      'io.k8s.api.core.v1.ServicePort',
      'io.k8s.api.apps.v1.DeploymentSpec',
      'io.k8s.api.core.v1.PodSpec',
      'io.k8s.api.core.v1.Container',
      'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec',
      'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    ]) {
      expect(committed.definitions[name], name).toBeDefined();
    }
    // targetPort is an IntOrString: both an integer and a name are accepted.
    const port = committed.definitions['io.k8s.api.core.v1.ServicePort'] as { properties: Record<string, JSONSchema> };
    expect(port.properties.targetPort.allOf).toEqual([{ $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }]);
    expect(committed.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
  });

  it('treats the OpenAPI\'s property-less objects (apiextensions JSON, …) as any value', () => {
    const any = committed.definitions['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool'];
    expect(any.type).toBeUndefined();
    expect(any.additionalProperties).toBeUndefined();
  });
});

describe('convertSchema', () => {
  it('rewrites refs, keeps date-time, drops OpenAPI-only formats and extensions', () => {
    const refs = new Set<string>();
    const out = convertSchema(
      {
        type: 'object',
        properties: {
          a: { $ref: '#/components/schemas/X' },
          t: { type: 'string', format: 'date-time' },
          n: { type: 'integer', format: 'int32', default: 0 },
          l: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'atomic' },
          i: { 'x-kubernetes-int-or-string': true },
        },
      },
      refs,
    );
    expect(out).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        a: { $ref: '#/definitions/X' },
        t: { type: 'string', format: 'date-time' },
        n: { type: 'integer' },
        l: { type: 'array', items: { type: 'string' } },
        i: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      },
    });
    expect([...refs]).toEqual(['X']);
  });

  it('leaves objects that keep unknown fields open', () => {
    const out = convertSchema({ type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-preserve-unknown-fields': true }, new Set());
    expect(out.additionalProperties).toBeUndefined();
  });

  it('collects only what the roots reach', () => {
    const defs = reachableDefinitions(
      { A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'string' }, C: { type: 'string' } },
      ['A'],
    );
    expect(Object.keys(defs)).toEqual(['A', 'B']);
    expect(() => reachableDefinitions({}, ['Missing'])).toThrow(/Missing/);
  });

  it('builds a usable schema from the merged documents for a single kind', () => {
    const s = buildKubeSchema(mergedComponentSchemas(), [editorKinds[0]]);
    expect(Object.keys(s.definitions as object)).toContain(APIService);
    expect(Object.keys(s.definitions as object)).not.toContain('io.k8s.api.core.v1.PodSpec');
  });
});
