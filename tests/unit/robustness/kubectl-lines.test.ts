// Random command lines through the shell with our real kubectl behind it, against an in-process
// cluster, with `x.yaml` a mutated manifest: nothing throws out, every line ends with output or
// an error and an exit code, kubectl's errors read as kubectl's, the shell keeps taking lines,
// and after every line each stored object still passes its kind's validation.
// ROBUSTNESS_RUNS sizes the run.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Shell } from '../../../src/kubectl/shell/shell.ts';
import type { KubectlResult } from '../../../src/kubectl/run.ts';
import { commandLine, manifest, robustnessParams, robustnessRuns } from './arbitraries.ts';
import { answersGetAPIService, defaultCluster, outputProblems, storedObjectProblems } from './invariants.ts';

describe('the terminal under random input', () => {
  it(`never throws on ${robustnessRuns} random lines, and the cluster stays valid`, async () => {
    const test = await defaultCluster();
    let file = '';
    const files = { readFile: (name: string) => (name === 'x.yaml' ? file : undefined) };
    const results: { argv: string[]; result: KubectlResult }[] = [];
    const kubectl = async (argv: string[], stdin: string) => {
      const result = await test.kubectl(argv.slice(1), { stdin, files });
      results.push({ argv, result });
      return result;
    };
    const shell = new Shell({ commands: { kubectl }, files });
    await fc.assert(
      fc.asyncProperty(commandLine, manifest, async (line, { text }) => {
        file = text;
        results.length = 0;
        const result = await shell.run(line);
        expect(typeof result.output).toBe('string');
        expect(Number.isInteger(result.code)).toBe(true);
        expect(result.output).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/); // no stack traces
        const problems = results.flatMap(({ argv, result }) => outputProblems(result, `${argv.join(' ')}\n${text}`));
        problems.push(...storedObjectProblems(test.cluster));
        expect(problems).toEqual([]);
      }),
      robustnessParams,
    );
    expect(await shell.run('kubectl get apiservice v1.apps -o name')).toEqual({ output: 'apiservice.apiregistration.k8s.io/v1.apps\n', code: 0 });
    expect(await answersGetAPIService(test)).toEqual([]);
  }, 3_600_000);
});
