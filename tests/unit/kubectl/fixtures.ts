import { readFileSync } from 'node:fs';
import { ManualClock } from '../../../src/sim/clock.ts';
import { createCluster, type Cluster } from '../../../src/sim/cluster.ts';
import { runKubectl, type FileSource, type KubectlEnv, type KubectlResult } from '../../../src/kubectl/run.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

export const fidelityOutput = (name: string) => readFileSync(`/work/shared/fidelity/kubectl-outputs/${name}`, 'utf8');

/** When every in-process cluster's clock starts. */
export const startedAt = '2026-11-26T12:00:00Z';

/** The files kubectl may read: by name, or any FileSource. */
export type Files = Readonly<Record<string, string>> | FileSource;

const fileSource = (files: Files): FileSource =>
  typeof files.readFile === 'function' ? (files as FileSource) : { readFile: (name) => (Object.hasOwn(files, name) ? (files as Record<string, string>)[name] : undefined) };

/** What a run sees besides its arguments; each has a default (a learner's kubeconfig on port 8080, no files). */
export interface KubectlOptions extends Partial<Omit<KubectlEnv, 'fetch' | 'files'>> {
  files?: Files;
}

/** One run of our kubectl; `stdin` and `files` given here are for this run only. */
export type InProcessKubectl = (argv: string[], run?: { stdin?: string; files?: Files }) => Promise<KubectlResult>;

/** Our kubectl against a cluster that is already running, through its fetch handler. */
export function kubectlOn(cluster: Cluster, options: KubectlOptions = {}): InProcessKubectl {
  const { files = {}, ...env } = options;
  return (argv, run = {}) =>
    runKubectl(argv, {
      server: 'http://127.0.0.1:8080',
      now: () => new Date(),
      pid: 4242,
      kubeconfigPath: '/home/learner/.kube/config',
      ...env,
      fetch: cluster.fetch,
      files: fileSource(run.files ?? files),
      ...(run.stdin === undefined ? {} : { stdin: run.stdin }),
    });
}

/** A fresh in-process cluster started from a scenario (`default` unless named), its clock pinned at `startedAt`. */
export async function inProcessCluster(options: KubectlOptions & { scenario?: string } = {}) {
  const { scenario = 'default', ...kubectlOptions } = options;
  const clock = new ManualClock(startedAt);
  const cluster = await createCluster({ clock, scenario: readScenario(scenario), scenarios: readScenario });
  const kubectl = kubectlOn(cluster, { now: () => new Date(clock.now()), ...kubectlOptions });
  return { cluster, clock, kubectl };
}

/** Our kubectl against a fresh in-process cluster (the default scenario unless named), clock pinned. */
export async function inProcessKubectl(options: KubectlOptions & { scenario?: string } = {}): Promise<InProcessKubectl> {
  return (await inProcessCluster(options)).kubectl;
}
