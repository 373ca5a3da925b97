// Both kubectls against one simulated cluster: the real kubectl 1.32 binary and ours, run
// in-process with the real fetch against the same HTTP server. Output is normalised where
// runs legitimately differ (klog timestamps, pids, durations, random Go map orders).

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../../src/kubectl/run.ts';
import type { CachedDiscovery } from '../../../src/kubectl/env.ts';
import { kubectlAvailable, normaliseLog, startConformanceCluster, type ConformanceCluster, type KubectlResult } from '../harness.ts';

/** The upstream kubectl 1.32 binary: the gcloud dispatcher on PATH ships it as kubectl.1.32. */
export function realKubectlBinary(): string {
  try {
    const onPath = execFileSync('bash', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
    const pinned = join(dirname(realpathSync(onPath)), 'kubectl.1.32');
    if (existsSync(pinned)) return pinned;
  } catch {
    // fall back to whatever kubectl is on PATH
  }
  return 'kubectl';
}

export interface Pair {
  real(args: string[], stdin?: string): Promise<KubectlResult>;
  ours(args: string[], stdin?: string): Promise<KubectlResult>;
  normalise(text: string): string;
}

export interface PairOptions {
  /**
   * Files written into the cluster's home, the real kubectl's working directory, for the lines
   * that name them (`-f NAME`); given, ours reads files as the real kubectl does, by path from
   * there (the kubeconfig too). Without it, ours reads no files.
   */
  files?: Record<string, string>;
  /** The server ours talks to, when not the cluster's: a second cluster started the same way. */
  oursServer?: string;
  /**
   * One discovery cache for every run, as a learner's ~/.kube/cache keeps it between commands
   * (the real kubectl's cache directory; ours, a discovery cache kept across runs). Without it
   * each run starts with an empty cache.
   */
  sharedCache?: boolean;
}

export function kubectlPair(c: ConformanceCluster, options: PairOptions = {}): Pair {
  const binary = realKubectlBinary();
  for (const [name, text] of Object.entries(options.files ?? {})) c.writeFile(name, text);
  const kubeconfig = c.writeFile(
    'parity-kubeconfig',
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: sim',
      '  cluster:',
      `    server: ${c.server.url}`,
      'users:',
      '- name: admin',
      '  user:',
      '    token: parity',
      'contexts:',
      '- name: sim',
      '  context:',
      '    cluster: sim',
      '    user: admin',
      'current-context: sim',
      '',
    ].join('\n'),
  );
  const home = dirname(kubeconfig);
  const readFile = (name: string) => {
    const path = resolve(home, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const cacheRoot = mkdtempSync(join(tmpdir(), 'apiservice-lab-parity-'));
  // Run the binary under the name learners type: its User-Agent (-v=7 and up) is built from it.
  let named = binary;
  if (binary.includes('/')) {
    named = join(cacheRoot, 'kubectl');
    symlinkSync(binary, named);
  }
  let runs = 0;
  const oursCache = options.sharedCache ? new Map<string, CachedDiscovery>() : undefined;
  return {
    real: (args, stdin) =>
      new Promise<KubectlResult>((resolve) => {
        // A fresh discovery cache per run, through the environment so the command line stays the learner's.
        const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(cacheRoot, options.sharedCache ? 'cache' : `cache-${++runs}`) };
        const child = execFile(named, args, { cwd: home, env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
          resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 });
        });
        // kubectl may exit without reading stdin (no `-f -`): the write's EPIPE is not the test's concern.
        child.stdin?.on('error', () => {});
        child.stdin?.end(stdin ?? '');
      }),
    ours: (args, stdin) =>
      runKubectl(args, {
        fetch: (req) => fetch(req),
        server: options.oursServer ?? c.server.url,
        files: { readFile: options.files ? readFile : () => undefined },
        stdin,
        now: () => new Date(),
        pid: process.pid,
        kubeconfigPath: kubeconfig,
        ...(oursCache ? { discoveryCache: oursCache } : {}),
      }),
    normalise: (text) => normaliseParity(text, c.server.url),
  };
}

/**
 * normaliseLog, plus what legitimately differs at -v=8 and -v=9: the Date response header and
 * the per-phase milliseconds of -v=9's statistics (a timestamp and durations), and the orders Go
 * leaves random (it ranges over maps): feature-gate lines, field selector terms, header lines
 * and the curl line's -H flags.
 */
export function normaliseParity(text: string, serverUrl: string): string {
  const lines = normaliseLog(text, serverUrl)
    .replaceAll(`tcp:${new URL(serverUrl).host}`, 'tcp:SERVER')
    .replace(/fieldSelector=([^&\s]+)/g, (_m, terms: string) => `fieldSelector=${terms.split('%2C').sort().join('%2C')}`)
    .replace(/(round_trippers\.go:587\]     Date: ).*$/gm, '$1DATE')
    .replace(/^(.* round_trippers\.go:577\] HTTP Statistics: .*)$/gm, (line) => line.replace(/\d+ ms/g, 'N ms'))
    .replace(/^(.* round_trippers\.go:473\] curl -v -X\S+ )((?: -H "(?:[^"\\]|\\.)*")*)( '.*')$/gm, (_m, head: string, flags: string, url: string) => {
      const each = flags.match(/ -H "(?:[^"\\]|\\.)*"/g) ?? [];
      return head + each.sort().join('') + url;
    })
    .split('\n');
  const randomOrder = (l: string) => l.includes('"Feature gate default state"') || / round_trippers\.go:(480|587)\] {5}/.test(l);
  // Sort each run of such lines by what follows the klog header (timestamps differ within a run).
  const message = (l: string) => l.slice(l.indexOf('] ') + 2);
  for (let i = 0; i < lines.length; i++) {
    if (!randomOrder(lines[i]!)) continue;
    let j = i;
    while (j < lines.length && randomOrder(lines[j]!)) j++;
    const block = lines.slice(i, j).sort((a, b) => (message(a) < message(b) ? -1 : message(a) > message(b) ? 1 : 0));
    lines.splice(i, j - i, ...block);
    i = j;
  }
  return normaliseDescribeAges(lines.join('\n'));
}

/** A human duration as apimachinery prints it: `45s`, `7h40m`, `30d`, `2y3d`. */
const durationToken = /\b\d+[smhdy](?:\d+[smhdy])?\b/g;

/**
 * The ages kubectl describe computes itself, against the machine's clock rather than the
 * cluster's: event ages and a node's pod ages. The two runs read the clock a moment apart, so
 * their digits are masked; widths stay, so the tables' alignment is still compared.
 */
export function normaliseDescribeAges(text: string): string {
  const mask = (token: string) => token.replace(/\d/g, 'N');
  return text
    .split('\n')
    .map((line) => {
      if (/^  (Normal|Warning) /.test(line)) return line.replace(durationToken, mask);
      // A Non-terminated Pods row: requests and limits with percentages, then the age.
      if (/\(\d+%\)\s+\S+$/.test(line)) return line.replace(/\S+$/, (last) => last.replace(durationToken, mask));
      return line;
    })
    .join('\n');
}

/** Splits a corpus command line as a POSIX shell would (quotes, no expansions). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      current += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; line[j] !== '"'; j++) {
        if (line[j] === '\\' && '"\\$`'.includes(line[j + 1]!)) j++;
        current += line[j];
      }
      i = j;
      inWord = true;
    } else if (c === ' ') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** One run as the suites compare it: both streams normalised, and the exit code. */
export const comparable = (r: KubectlResult, normalise: (text: string) => string) => ({
  stdout: normalise(r.stdout),
  stderr: normalise(r.stderr),
  code: r.code,
});

/** Run one command line with both kubectls and require the same output and exit code. */
export async function expectSameAsReal(pair: Pair, line: string): Promise<void> {
  const args = shellWords(line);
  const real = await pair.real(args);
  const ours = await pair.ours(args);
  expect(comparable(ours, pair.normalise)).toEqual(comparable(real, pair.normalise));
}

export interface ParitySuite {
  /** The files the lines name (`-f NAME`), as a learner's editor would hold them. */
  files: Record<string, string>;
  /** Standard input for the lines that read `-f -`. */
  stdinFor?: Record<string, string>;
  /**
   * Give each kubectl its own cluster, started from the same scenario at the same pinned time, for
   * lines whose output counts the cluster's requests (Audit-Id) or whose state changes must not mix.
   */
  clusterEach?: boolean;
  /** Keep each kubectl's discovery cache from line to line (PairOptions.sharedCache). */
  sharedCache?: boolean;
}

/**
 * A parity suite: the corpus's lines in order, each run by the real kubectl and by ours (in-process,
 * the real fetch, the same kubeconfig path), requiring the same normalised stdout, stderr and exit code.
 */
export function describeParity(title: string, corpus: readonly string[], suite: ParitySuite): void {
  describe.runIf(kubectlAvailable())(title, () => {
    const clusters: ConformanceCluster[] = [];
    let pair: Pair;
    let normaliseOurs: (text: string) => string;
    beforeAll(async () => {
      const realCluster = await startConformanceCluster();
      clusters.push(realCluster);
      const ourCluster = suite.clusterEach ? await startConformanceCluster() : realCluster;
      if (ourCluster !== realCluster) clusters.push(ourCluster);
      pair = kubectlPair(realCluster, { files: suite.files, oursServer: ourCluster.server.url, sharedCache: suite.sharedCache });
      normaliseOurs = (text) => normaliseParity(text, ourCluster.server.url);
    }, 60_000);
    afterAll(async () => {
      for (const c of clusters) await c.close();
    });

    for (const line of corpus) {
      it(`kubectl ${line}`, async () => {
        const args = shellWords(line);
        const stdin = suite.stdinFor?.[line];
        const theirs = await pair.real(args, stdin);
        const mine = await pair.ours(args, stdin);
        expect(comparable(mine, normaliseOurs)).toEqual(comparable(theirs, pair.normalise));
      });
    }
  });
}
