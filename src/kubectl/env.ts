// What our kubectl is given by whoever runs it: the cluster's fetch and where it is, files for
// -f, stdin, a clock and a pid for log lines, and the discovery kept between runs.

import type { APIGroup } from './discovery.ts';

/** One server's discovery as kubectl keeps it in ~/.kube/cache/discovery: the groups and when they were fetched (ms). */
export interface CachedDiscovery {
  groups: APIGroup[];
  fetchedAt: number;
}

/** kubectl's discovery cache directory, by server URL (a Map will do). */
export interface DiscoveryCache {
  get(server: string): CachedDiscovery | undefined;
  set(server: string, entry: CachedDiscovery): unknown;
  delete(server: string): unknown;
}

export interface FileSource {
  readFile(name: string): string | undefined;
}

export interface KubectlEnv {
  fetch: (req: Request) => Promise<Response>;
  /** Server URL, e.g. `http://127.0.0.1:8080`. */
  server: string;
  /** The current context's namespace; `default` when absent. */
  namespace?: string;
  files: FileSource;
  stdin?: string;
  now(): Date;
  pid: number;
  /** The kubeconfig kubectl says it loaded at -v=6; empty when none was read. */
  kubeconfigPath: string;
  /**
   * Discovery kept between runs, as kubectl's cache directory keeps it for 6 hours. Without one,
   * every run fetches discovery, as with a fresh `--cache-dir`.
   */
  discoveryCache?: DiscoveryCache;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}
