// Creating and applying APIServices with the real kubectl: every validation vector of the
// fidelity facts gives kube-aggregator's message, word for word, and valid ones are created,
// left unchanged, and configured as on a real cluster.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { kubectlAvailable, startConformanceCluster, type ConformanceCluster } from './harness.ts';

interface ValidationCase {
  id: string;
  input: { metadata?: { name?: string } };
  valid: boolean;
  expectedKubectlStderr?: string;
}

interface DecodeCase {
  id: string;
  expectedKubectlStderr: string | Record<string, string>;
}

const vectors = JSON.parse(readFileSync(new URL('../../../shared/fidelity/validation.json', import.meta.url), 'utf8')) as {
  cases: ValidationCase[];
  decodeErrors: DecodeCase[];
};

const typoField = {
  apiVersion: 'apiregistration.k8s.io/v1',
  kind: 'APIService',
  metadata: { name: 'v1alpha1.wardle.example.com' },
  spec: {
    group: 'wardle.example.com',
    groupPriorityMinimun: 1000,
    service: { name: 'api', namespace: 'wardle' },
    version: 'v1alpha1',
    versionPriority: 15,
  },
};

describe.runIf(kubectlAvailable())('writing APIServices with the real kubectl', () => {
  let c: ConformanceCluster;
  beforeAll(async () => {
    c = await startConformanceCluster();
  });
  afterAll(async () => {
    await c?.close();
  });

  const invalid = vectors.cases.filter((v) => !v.valid && v.expectedKubectlStderr);
  it.each(invalid.map((v) => [v.id, v] as const))('kubectl create rejects %s with kube-aggregator\'s message', async (id, v) => {
    const file = c.writeFile(`${id}.yaml`, stringify(v.input));
    const r = await c.kubectl(['create', '-f', file]);
    expect(r.stderr).toBe(v.expectedKubectlStderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
  });

  const valid = vectors.cases.filter((v) => v.valid);
  it.each(valid.map((v) => [v.id, v] as const))('kubectl create accepts %s, and delete removes it', async (id, v) => {
    const name = v.input.metadata?.name ?? '';
    const exists = await c.kubectl(['get', 'apiservice', name]);
    if (exists.code === 0) return; // the built-in v1. and the scenario's metrics APIService are already there
    const file = c.writeFile(`${id}.yaml`, stringify(v.input));
    const created = await c.kubectl(['create', '-f', file]);
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe(`apiservice.apiregistration.k8s.io/${name} created\n`);
    const deleted = await c.kubectl(['delete', 'apiservice', name]);
    expect(deleted.stdout).toBe(`apiservice.apiregistration.k8s.io "${name}" deleted\n`);
    expect(deleted.code).toBe(0);
  });

  it('a misspelled field fails strict decoding, with the file named', async () => {
    c.writeFile('typo-field.yaml', stringify(typoField));
    const strict = vectors.decodeErrors.find((d) => d.id === 'unknown-field-strict')!;
    const expected = strict.expectedKubectlStderr as Record<string, string>;
    for (const verb of ['create', 'apply']) {
      const r = await c.kubectl([verb, '-f', 'typo-field.yaml']);
      expect(r.stderr).toBe(expected[`kubectl ${verb} -f typo-field.yaml`]);
      expect(r.code).toBe(1);
    }
  });

  it('with --validate=false the misspelled field is dropped and validation names the missing priority', async () => {
    c.writeFile('typo-field.yaml', stringify(typoField));
    const ignored = vectors.decodeErrors.find((d) => d.id === 'unknown-field-validate-false')!;
    const r = await c.kubectl(['apply', '-f', 'typo-field.yaml', '--validate=false']);
    expect(r.stderr).toBe(ignored.expectedKubectlStderr);
    expect(r.code).toBe(1);
  });

  it('kubectl apply creates, then leaves unchanged, then configures', async () => {
    const apiService = {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: 'v1alpha1.wardle.example.com' },
      spec: {
        group: 'wardle.example.com',
        groupPriorityMinimum: 1000,
        insecureSkipTLSVerify: true,
        service: { name: 'api', namespace: 'wardle' },
        version: 'v1alpha1',
        versionPriority: 15,
      },
    };
    c.writeFile('wardle.yaml', stringify(apiService));
    const first = await c.kubectl(['apply', '-f', 'wardle.yaml']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('apiservice.apiregistration.k8s.io/v1alpha1.wardle.example.com created\n');
    const second = await c.kubectl(['apply', '-f', 'wardle.yaml']);
    expect(second.stdout).toBe('apiservice.apiregistration.k8s.io/v1alpha1.wardle.example.com unchanged\n');
    c.writeFile('wardle.yaml', stringify({ ...apiService, spec: { ...apiService.spec, versionPriority: 50 } }));
    const third = await c.kubectl(['apply', '-f', 'wardle.yaml']);
    expect(third.stdout).toBe('apiservice.apiregistration.k8s.io/v1alpha1.wardle.example.com configured\n');
    const yaml = await c.kubectl(['get', 'apiservice', 'v1alpha1.wardle.example.com', '-o', 'jsonpath={.spec.versionPriority}']);
    expect(yaml.stdout).toBe('50');
    // No wardle namespace or service exists: the availability controller says so.
    const row = await c.kubectl(['get', 'apiservice', 'v1alpha1.wardle.example.com', '--no-headers']);
    expect(row.stdout).toMatch(/^v1alpha1\.wardle\.example\.com\s+wardle\/api\s+False \(ServiceNotFound\)\s+0s\n$/);
    const dup = await c.kubectl(['create', '-f', 'wardle.yaml']);
    expect(dup.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "wardle.yaml": apiservices.apiregistration.k8s.io "v1alpha1.wardle.example.com" already exists\n',
    );
    await c.kubectl(['delete', 'apiservice', 'v1alpha1.wardle.example.com']);
    const gone = await c.kubectl(['get', 'apiservice', 'v1alpha1.wardle.example.com']);
    expect(gone.stderr).toBe('Error from server (NotFound): apiservices.apiregistration.k8s.io "v1alpha1.wardle.example.com" not found\n');
    expect(gone.code).toBe(1);
  });
});
