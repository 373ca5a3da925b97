import { describe, expect, it } from 'vitest';
import { planSolution } from '../../../src/playground/exercise/solution.ts';

const exercise = {
  solution: ['kubectl apply -f custom-apiservice.yaml', 'kubectl get inventories', 'cat custom-apiservice.yaml', 'kubectl apply --filename=custom-apiservice.yaml'],
  files: [{ name: 'custom-apiservice.yaml', content: 'kind: APIService\n' }],
};

describe('planSolution', () => {
  it('adds an absent file under its own name and keeps the commands', () => {
    expect(planSolution(exercise, () => undefined)).toEqual({ files: exercise.files, commands: exercise.solution });
  });

  it('reuses a buffer that already holds the solution', () => {
    const files = new Map([['custom-apiservice.yaml', 'kind: APIService\n']]);
    expect(planSolution(exercise, (n) => files.get(n))).toEqual({ files: [], commands: exercise.solution });
  });

  it("never overwrites the learner's buffer: solution-<name>, and the commands follow", () => {
    const files = new Map([['custom-apiservice.yaml', 'my draft']]);
    expect(planSolution(exercise, (n) => files.get(n))).toEqual({
      files: [{ name: 'solution-custom-apiservice.yaml', content: 'kind: APIService\n' }],
      commands: [
        'kubectl apply -f solution-custom-apiservice.yaml',
        'kubectl get inventories',
        'cat solution-custom-apiservice.yaml',
        'kubectl apply --filename=solution-custom-apiservice.yaml',
      ],
    });
  });

  it('skips a solution-<name> the learner edited too', () => {
    const files = new Map([
      ['custom-apiservice.yaml', 'draft 1'],
      ['solution-custom-apiservice.yaml', 'draft 2'],
    ]);
    const plan = planSolution(exercise, (n) => files.get(n));
    expect(plan.files.map((f) => f.name)).toEqual(['solution-2-custom-apiservice.yaml']);
    expect(plan.commands[0]).toBe('kubectl apply -f solution-2-custom-apiservice.yaml');
  });

  it('exercises without files run their commands as declared', () => {
    expect(planSolution({ solution: ['kubectl top nodes -v=6'] }, () => 'x')).toEqual({ files: [], commands: ['kubectl top nodes -v=6'] });
  });
});
