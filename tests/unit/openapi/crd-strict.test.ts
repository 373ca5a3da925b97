// A CRD's own schema is free-form JSON Schema: strict decoding accepts items, additionalProperties
// and the other JSONSchemaProps unions, as the apiserver's custom unmarshallers do.

import { describe, expect, it } from 'vitest';
import { unknownFields } from '../../../src/sim/openapi/index.ts';

const crd = (openAPIV3Schema: unknown) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema } }] },
});

describe('strict decoding of CustomResourceDefinitions', () => {
  it('accepts list items, map values, defaults and examples in the schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          required: ['size'],
          properties: {
            tags: { type: 'array', items: { type: 'string' } },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            size: { type: 'integer', default: 1, example: 3, enum: [1, 3, 5] },
          },
        },
      },
    };
    expect(await unknownFields('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', crd(schema))).toEqual([]);
  });

  it('still reports a misspelled field of the CRD itself', async () => {
    const bad = crd({ type: 'object' });
    (bad.spec as Record<string, unknown>).scop = 'Cluster';
    expect(await unknownFields('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', bad)).toEqual(['unknown field "spec.scop"']);
  });
});
