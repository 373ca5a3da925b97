// Random and mutated manifests through our kubectl (apply, create, get, describe, delete, scale
// with -f, from a file or stdin) against an in-process cluster: kubectl never throws, every error
// reads as kubectl's, and after every case each stored object still passes its kind's validation
// and the cluster still answers `kubectl get apiservice`. ROBUSTNESS_RUNS sizes the run.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manifest, manifestCommand, robustnessParams, robustnessRuns } from './arbitraries.ts';
import { answersGetAPIService, defaultCluster, outputProblems, storedObjectProblems } from './invariants.ts';

describe('manifests under mutation', () => {
  it(`${robustnessRuns} mutated manifests leave kubectl's words and a valid cluster`, async () => {
    const test = await defaultCluster();
    await fc.assert(
      fc.asyncProperty(manifest, manifestCommand, async ({ text }, argv) => {
        const stdin = argv.includes('-') ? text : undefined;
        const result = await test.kubectl(argv, { stdin, files: { readFile: (name) => (name === 'x.yaml' ? text : undefined) } });
        const problems = [...outputProblems(result, text), ...storedObjectProblems(test.cluster), ...(await answersGetAPIService(test))];
        expect(problems).toEqual([]);
      }),
      robustnessParams,
    );
  }, 3_600_000);
});
