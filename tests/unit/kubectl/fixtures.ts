import { readFileSync } from 'node:fs';
import { ManualClock } from '../../../src/sim/clock.ts';
import { createCluster } from '../../../src/sim/cluster.ts';
import { runKubectl, type KubectlResult } from '../../../src/kubectl/run.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

export const fidelityOutput = (name: string) => readFileSync(`/work/shared/fidelity/kubectl-outputs/${name}`, 'utf8');

/** Our kubectl against a fresh in-process cluster with the default scenario, clock pinned. */
export async function inProcessKubectl(): Promise<(args: string[]) => Promise<KubectlResult>> {
  const clock = new ManualClock('2026-11-26T12:00:00Z');
  const cluster = await createCluster({ clock, scenario: readScenario('default') });
  return (args) =>
    runKubectl(args, {
      fetch: cluster.fetch,
      server: 'http://127.0.0.1:8080',
      files: { readFile: () => undefined },
      now: () => new Date(clock.now()),
      pid: 4242,
      kubeconfigPath: '/home/learner/.kube/config',
    });
}
