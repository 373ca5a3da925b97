// Every corpus command, run with the real kubectl and with ours against the same cluster, must
// print the same stdout and stderr and exit with the same code.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlAvailable, startConformanceCluster, type ConformanceCluster } from '../harness.ts';
import { corpus } from './corpus.ts';
import { kubectlPair, shellWords, type Pair } from './ours.ts';

describe.runIf(kubectlAvailable())('our kubectl prints what the real kubectl prints', () => {
  let c: ConformanceCluster;
  let pair: Pair;
  beforeAll(async () => {
    c = await startConformanceCluster();
    pair = kubectlPair(c);
  });
  afterAll(async () => {
    await c?.close();
  });

  for (const line of corpus) {
    it(`kubectl ${line}`, async () => {
      const args = shellWords(line);
      const real = await pair.real(args);
      const ours = await pair.ours(args);
      expect({ stdout: pair.normalise(ours.stdout), stderr: pair.normalise(ours.stderr), code: ours.code }).toEqual({
        stdout: pair.normalise(real.stdout),
        stderr: pair.normalise(real.stderr),
        code: real.code,
      });
    });
  }
});
