// Runs the real kubectl against the simulated cluster served over HTTP on 127.0.0.1.
// Each run gets a fresh discovery cache, so discovery changes between steps are seen.

import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/sim/clock.ts';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import { serveHttp, type RunningServer } from '../../scripts/lib/http-server.ts';

export const scenarioText = (name: string) =>
  readFileSync(new URL(`../../content/scenarios/${name}.yaml`, import.meta.url), 'utf8');

/** The moment the conformance clusters call "now": ages in the scenario are counted back from it. */
export const conformanceNow = '2026-11-26T12:00:00Z';

export function kubectlAvailable(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
}

export const kubectlMissingMessage =
  'the real kubectl is not installed (it is needed to judge the simulator): install kubectl v1.32 and run the tests again';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ConformanceCluster {
  cluster: Cluster;
  clock: ManualClock;
  server: RunningServer;
  /** Run the real kubectl with these arguments; `stdin` feeds `-f -`. */
  kubectl(args: string[], opts?: { stdin?: string }): Promise<KubectlResult>;
  /** Run a shell pipeline in which `kubectl` is the real kubectl pointed at the cluster. */
  shell(command: string): Promise<KubectlResult>;
  /** The run's working directory (HOME and the current directory of the real kubectl). */
  home: string;
  /** Write a file into the run's working directory (for `-f NAME`). */
  writeFile(name: string, text: string): string;
  close(): Promise<void>;
}

export async function startConformanceCluster(scenario = 'default'): Promise<ConformanceCluster> {
  const clock = new ManualClock(conformanceNow);
  const cluster = await createCluster({ clock, scenario: scenarioText(scenario), scenarios: scenarioText });
  const server = await serveHttp(cluster.fetch, 0);
  const home = mkdtempSync(join(tmpdir(), 'apiservice-lab-kubectl-'));
  const kubeconfig = join(home, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: sim',
      '  cluster:',
      `    server: ${server.url}`,
      'users:',
      '- name: admin',
      '  user:',
      '    token: conformance',
      'contexts:',
      '- name: sim',
      '  context:',
      '    cluster: sim',
      '    user: admin',
      'current-context: sim',
      '',
    ].join('\n'),
  );
  let runs = 0;
  /** Run a program with a fresh discovery cache (kubectl would otherwise keep discovery for six hours). */
  const run = (file: string, args: (cacheDir: string) => string[], stdin?: string) =>
    new Promise<KubectlResult>((resolve) => {
      const cacheDir = join(home, `cache-${++runs}`);
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KUBECONFIG: kubeconfig, KUBECACHEDIR: cacheDir };
      const child = execFile(file, args(cacheDir), { cwd: home, env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ stdout, stderr, code });
      });
      // kubectl may exit without reading stdin (no `-f -`): the write's EPIPE is not the test's concern.
      child.stdin?.on('error', () => {});
      child.stdin?.end(stdin ?? '');
    });
  return {
    cluster,
    clock,
    server,
    kubectl: (args, opts) => run('kubectl', (cacheDir) => ['--cache-dir', cacheDir, ...args], opts?.stdin),
    shell: (command) =>
      run('bash', () => ['-o', 'pipefail', '-c', `kubectl() { command kubectl --cache-dir "$KUBECACHEDIR" "$@"; }; ${command}`]),
    home,
    writeFile(name, text) {
      const path = join(home, name);
      writeFileSync(path, text);
      return path;
    },
    async close() {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Replace what legitimately differs between runs: klog timestamps, pids, request durations, ports. */
export function normaliseLog(text: string, serverUrl: string): string {
  return text
    .replaceAll(serverUrl, 'http://SERVER')
    .replace(/^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ /gm, '$1MMDD hh:mm:ss.uuuuuu PID ')
    .replace(/ in \d+ milliseconds/g, ' in N milliseconds')
    .replace(/Config loaded from file:\s+\S+/g, 'Config loaded from file:  KUBECONFIG');
}
