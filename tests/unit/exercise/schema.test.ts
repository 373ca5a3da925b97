// The front-matter schema of exercises: good declarations pass, bad ones fail with a message that
// names the exercise and says what is wrong.
import { describe, expect, it } from 'vitest';
import { exercisesSchema } from '../../../src/playground/exercise/schema.ts';

const PATH = '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.custom.example.com';
const exercise = (checks: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'register-custom-api', title: 'Register it', solution: ['kubectl apply -f a.yaml'], checks, ...extra });

function problems(value: unknown): string[] {
  const result = exercisesSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('exercises schema', () => {
  it('accepts every check kind of the contract', () => {
    expect(
      problems([
        exercise(
          [
            { path: PATH, exists: true, hint: 'h' },
            { path: PATH, field: 'spec.service.name', equals: 'custom-api-server', hint: 'h' },
            { path: PATH, field: 'spec.service', equals: { namespace: 'default', name: 'x' }, hint: 'h' },
            { path: PATH, field: 'spec.caBundle', equals: null, hint: 'h' },
            { path: PATH, condition: 'Available', status: 'False', reason: 'MissingEndpoints', hint: 'h' },
            { path: '/api/v1/pods', count: 1, hint: 'h' },
            { path: '/api/v1/pods', minCount: 1, hint: 'h' },
            { request: { method: 'GET', path: '/apis/metrics.k8s.io/v1beta1/nodes', status: 200 }, hint: 'h' },
            { request: { path: '/apis/metrics.k8s.io/v1beta1/nodes' }, hint: 'h' },
          ],
          { files: [{ name: 'a.yaml', content: 'kind: APIService\n' }] },
        ),
      ]),
    ).toEqual([]);
  });

  it.each([
    [{ path: PATH, hint: 'h' }, 'check 1: it has none'],
    [{ path: PATH, exists: true, condition: 'Available', hint: 'h' }, 'check 1: it has exists and condition'],
    [{ path: PATH, exists: true }, 'hint'],
    [{ path: PATH, exists: true, hint: '  ' }, 'hint'],
    [{ exists: true, hint: 'h' }, 'needs "path"'],
    [{ path: 'apis/x', exists: true, hint: 'h' }, 'must start with "/"'],
    [{ path: PATH, field: 'spec.service.name', hint: 'h' }, 'needs "equals"'],
    [{ path: PATH, field: 'spec..name', equals: 1, hint: 'h' }, 'is not a path'],
    [{ path: PATH, exists: true, equals: 1, hint: 'h' }, '"equals" only goes with "field"'],
    [{ path: PATH, exists: true, status: 'True', hint: 'h' }, 'only go with "condition"'],
    [{ path: '/api/v1/pods', count: 1, minCount: 1, hint: 'h' }, 'not both'],
    [{ path: PATH, request: { path: '/x' }, hint: 'h' }, '"path" goes inside "request"'],
    [{ request: { path: 'x' }, hint: 'h' }, 'starting with "/"'],
    [{ path: PATH, exist: true, hint: 'h' }, 'exist'],
  ])('rejects %j', (check, message) => {
    const found = problems([exercise([check])]);
    expect(found.join('\n')).toContain(message);
  });

  it('names the exercise in check problems', () => {
    expect(problems([exercise([{ path: PATH, hint: 'h' }])])[0]).toMatch(/^0\.checks\.0: exercise "register-custom-api", check 1:/);
  });

  it('rejects duplicate ids, bad ids, empty solutions and no checks', () => {
    const ok = { path: PATH, exists: true, hint: 'h' };
    expect(problems([exercise([ok]), exercise([ok])])).toEqual(['1.id: exercise id "register-custom-api" is used twice in this lesson']);
    expect(problems([exercise([ok], { id: 'Register_It' })]).join()).toContain('exercise id uses a-z');
    expect(problems([exercise([ok], { solution: [] })]).join()).toContain('at least one command');
    expect(problems([exercise([])]).join()).toContain('at least one check');
    expect(problems([exercise([ok], { files: [{ name: '../x.yaml', content: '' }] })]).join()).toContain('without folders');
  });
});
