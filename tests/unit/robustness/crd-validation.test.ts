// CRDs the mutated-manifest property found stored although the real apiextensions validation
// refuses them (a version named null, a group that is not a DNS subdomain): each is now refused
// with a 422, and no broken APIService appears for it.
import { describe, expect, it } from 'vitest';
import { defaultCluster, storedObjectProblems } from './invariants.ts';

const crd = (mutate: (spec: Record<string, any>) => void) => {
  const spec: Record<string, any> = {
    group: 'ops.example.com',
    names: { kind: 'Backup', plural: 'backups' },
    scope: 'Namespaced',
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }],
  };
  mutate(spec);
  return JSON.stringify({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `backups.${spec.group}` }, spec });
};

describe('CustomResourceDefinition validation', () => {
  it.each([
    ['a version named null', (s: Record<string, any>) => (s.versions[0].name = null), 'spec.versions[0].name: Invalid value: ""'],
    ['a version that is not an object', (s: Record<string, any>) => s.versions.push(7), 'spec.versions[1].name: Invalid value: ""'],
    ['an upper-case version', (s: Record<string, any>) => (s.versions[0].name = 'V1'), 'spec.versions[0].name: Invalid value: "V1": a DNS-1035 label'],
    ['a group that is not a DNS subdomain', (s: Record<string, any>) => (s.group = 'Ops.example.com'), 'spec.group: Invalid value: "Ops.example.com": a lowercase RFC 1123 subdomain'],
    ['a kind with a space', (s: Record<string, any>) => (s.names.kind = 'Back up'), 'spec.names.kind: Invalid value: "Back up": may have mixed case, but should otherwise match: a DNS-1035 label'],
  ])('refuses %s', async (_, mutate, message) => {
    const test = await defaultCluster();
    const result = await test.kubectl(['create', '-f', '-', '--validate=false'], { stdin: crd(mutate) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect((await test.kubectl(['get', 'apiservice', '-o', 'name'])).stdout).not.toContain('ops.example.com');
    expect(storedObjectProblems(test.cluster)).toEqual([]);
  });

  it('still accepts the lesson’s CRD and serves its APIService', async () => {
    const test = await defaultCluster();
    expect(await test.kubectl(['create', '-f', '-'], { stdin: crd(() => undefined) })).toMatchObject({ code: 0 });
    expect((await test.kubectl(['get', 'apiservice', 'v1.ops.example.com', '-o', 'name'])).stdout).toBe('apiservice.apiregistration.k8s.io/v1.ops.example.com\n');
  });
});
