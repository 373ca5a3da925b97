// Every corpus command, run with the real kubectl and with ours against the same cluster, must
// print the same stdout and stderr and exit with the same code.

import { afterAll, beforeAll, describe, it } from 'vitest';
import { kubectlAvailable, startConformanceCluster, type ConformanceCluster } from '../harness.ts';
import { corpus } from './corpus.ts';
import { expectSameAsReal, kubectlPair, type Pair } from './ours.ts';

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
    it(`kubectl ${line}`, () => expectSameAsReal(pair, line));
  }
});
