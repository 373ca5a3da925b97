// `get -f` and `describe -f` in-process, as the playground runs them right after an apply.

import { describe, expect, it } from 'vitest';
import { GoAggregate, flattenErrors } from '../../../src/kubectl/rest/errors.ts';
import { inProcessKubectl } from './fixtures.ts';

const wardle =
  'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1alpha1.wardle.example.com\nspec:\n  group: wardle.example.com\n  version: v1alpha1\n  groupPriorityMinimum: 1000\n  versionPriority: 15\n  insecureSkipTLSVerify: true\n  service:\n    name: api\n    namespace: wardle\n';

describe('kubectl get -f', () => {
  it('reads back from the server what apply created, and says NotFound before it', async () => {
    const kubectl = await inProcessKubectl({ files: { 'wardle.yaml': wardle } });
    const before = await kubectl(['get', '-f', 'wardle.yaml']);
    expect(before).toMatchObject({ code: 1, stdout: '' });
    expect(before.stderr).toBe('Error from server (NotFound): apiservices.apiregistration.k8s.io "v1alpha1.wardle.example.com" not found\n');
    expect((await kubectl(['apply', '-f', 'wardle.yaml'])).code).toBe(0);
    const after = await kubectl(['get', '-f', 'wardle.yaml', '-o', 'jsonpath={.spec.service.namespace}/{.spec.service.name}']);
    expect(after).toEqual({ code: 0, stdout: 'wardle/api', stderr: '' });
    const named = await kubectl(['get', '-f', '-', '-o', 'name'], { stdin: wardle });
    expect(named.stdout).toBe('apiservice.apiregistration.k8s.io/v1alpha1.wardle.example.com\n');
    const table = await kubectl(['get', '-f', 'wardle.yaml']);
    expect(table.stdout.split('\n')[1]).toMatch(/^v1alpha1\.wardle\.example\.com\s+wardle\/api\s+False/);
  });

  it('describes what a file names', async () => {
    const kubectl = await inProcessKubectl({ files: { 'wardle.yaml': wardle } });
    await kubectl(['apply', '-f', 'wardle.yaml']);
    const described = await kubectl(['describe', '-f', 'wardle.yaml']);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/^Name:\s+v1alpha1\.wardle\.example\.com\n/);
  });
});

describe("Go's error aggregates", () => {
  it('print each distinct message once, several in brackets, nested ones included', () => {
    const a = new Error('a');
    expect(new GoAggregate([a]).message).toBe('a');
    expect(new GoAggregate([a, new Error('a')]).message).toBe('a');
    expect(new GoAggregate([new Error('n'), new GoAggregate([a, new Error('b')])]).message).toBe('[n, a, b]');
    expect(flattenErrors([new Error('n'), new GoAggregate([a, new GoAggregate([new Error('b')])])]).map((e) => e.message)).toEqual(['n', 'a', 'b']);
  });
});
