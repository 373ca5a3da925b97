// The playground's bus: what the terminal, the editor and the request-flow diagram share.
// Framework-free (plain callbacks), no DOM and no msw, so it is also usable in unit tests.
//
//   store.files            the editor's buffers, name → text; kubectl's `-f NAME` and `cat NAME` read them
//   store.runCommand(line) types `line` into the terminal and runs it (Apply, suggested commands)
//   store.onRequest(fn)    each request kubectl sent to the cluster, with the aggregation layer's route
//   store.apiServices()    the cluster's current APIService list (GET through the cluster)
//   store.onStateChange(fn) the cluster's objects changed (a write, a Reset, another tab's write)
//   store.onReset(fn)      the learner pressed Reset (a state change follows once the cluster is back)
//
// The page that owns the playground (src/playground/mount.ts) creates the store, then attaches
// the terminal and the cluster to it; until they are attached, runCommand and apiServices wait.
import type { RequestRecord, RequestRoute } from '../sim/cluster.ts';

export type { RequestRecord, RequestRoute };

export interface PlaygroundFile {
  name: string;
  content: string;
}

/** An APIService as the cluster returns it (apiregistration.k8s.io/v1), the fields the diagram reads. */
export interface APIServiceObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; creationTimestamp?: string; labels?: Record<string, string>; [key: string]: unknown };
  spec: {
    group?: string;
    version?: string;
    service?: { namespace: string; name: string; port?: number } | null;
    groupPriorityMinimum?: number;
    versionPriority?: number;
    insecureSkipTLSVerify?: boolean;
    caBundle?: string;
  };
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] };
}

/** How the page reaches the cluster: through the service worker, or (fallback) called in the page. */
export type Connection = 'starting' | 'worker' | 'page';

/** Called with the file's new text, or `undefined` when it was deleted. */
export type FileListener = (name: string, content: string | undefined) => void;

/** The playground's files, observable. Also a FileSource for kubectl and the shell. */
export class FileSet {
  private readonly map = new Map<string, string>();
  private readonly listeners = new Set<FileListener>();

  constructor(files: readonly PlaygroundFile[] = []) {
    for (const f of files) this.map.set(f.name, f.content);
  }

  get(name: string): string | undefined {
    return this.map.get(name);
  }

  /** FileSource: what `kubectl apply -f NAME` and `cat NAME` read. */
  readFile(name: string): string | undefined {
    return this.map.get(name) ?? this.map.get(name.replace(/^\.\//, ''));
  }

  set(name: string, content: string): void {
    if (this.map.get(name) === content) return;
    this.map.set(name, content);
    for (const fn of this.listeners) fn(name, content);
  }

  delete(name: string): void {
    if (!this.map.delete(name)) return;
    for (const fn of this.listeners) fn(name, undefined);
  }

  names(): string[] {
    return [...this.map.keys()];
  }

  all(): PlaygroundFile[] {
    return [...this.map].map(([name, content]) => ({ name, content }));
  }

  subscribe(fn: FileListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

/** What the editor and the diagram may use. */
export interface PlaygroundStore {
  /** The scenario this playground's cluster started from (`content/scenarios/<name>.yaml`). */
  readonly scenario: string;
  readonly files: FileSet;
  /** Types `line` at the terminal's prompt and runs it; resolves when the command has finished. */
  runCommand(line: string): Promise<void>;
  /** Requests sent to the cluster by kubectl (not the playground's own reads). Returns an unsubscribe. */
  onRequest(fn: (record: RequestRecord) => void): () => void;
  /** The current APIServices, fetched through the cluster. */
  apiServices(): Promise<APIServiceObject[]>;
  /** The cluster's objects changed. Returns an unsubscribe. */
  onStateChange(fn: () => void): () => void;
  /** The learner pressed Reset; the cluster's state change follows once it is back. Returns an unsubscribe. */
  onReset(fn: () => void): () => void;
  /** Each command line once it has finished, with its exit code (for checkers). */
  onCommand(fn: (line: string, code: number) => void): () => void;
  readonly connection: Connection;
  onConnectionChange(fn: (connection: Connection) => void): () => void;
}

/** The owner's side: attaches the terminal and the cluster, and feeds the events. */
export class PlaygroundBus implements PlaygroundStore {
  readonly scenario: string;
  readonly files: FileSet;
  private terminal: ((line: string) => Promise<void>) | undefined;
  private readonly waitingForTerminal: (() => void)[] = [];
  private clusterFetch: ((request: Request) => Promise<Response>) | undefined;
  private readonly waitingForCluster: (() => void)[] = [];
  private readonly requestListeners = new Set<(record: RequestRecord) => void>();
  private readonly stateListeners = new Set<() => void>();
  private readonly resetListeners = new Set<() => void>();
  private readonly commandListeners = new Set<(line: string, code: number) => void>();
  private readonly connectionListeners = new Set<(connection: Connection) => void>();
  private current: Connection = 'starting';

  constructor(options: { scenario: string; files?: readonly PlaygroundFile[] }) {
    this.scenario = options.scenario;
    this.files = new FileSet(options.files);
  }

  get connection(): Connection {
    return this.current;
  }

  async runCommand(line: string): Promise<void> {
    while (this.terminal === undefined) await new Promise<void>((resolve) => this.waitingForTerminal.push(resolve));
    await this.terminal(line);
  }

  onRequest(fn: (record: RequestRecord) => void): () => void {
    this.requestListeners.add(fn);
    return () => this.requestListeners.delete(fn);
  }

  async apiServices(): Promise<APIServiceObject[]> {
    while (this.clusterFetch === undefined) await new Promise<void>((resolve) => this.waitingForCluster.push(resolve));
    const response = await this.clusterFetch(
      new Request(`${INTERNAL_ORIGIN}/apis/apiregistration.k8s.io/v1/apiservices`, { headers: { Accept: 'application/json' } }),
    );
    if (!response.ok) throw new Error(`listing APIServices: ${response.status} ${await response.text()}`);
    const list = (await response.json()) as { items?: APIServiceObject[] };
    return list.items ?? [];
  }

  onStateChange(fn: () => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  onReset(fn: () => void): () => void {
    this.resetListeners.add(fn);
    return () => this.resetListeners.delete(fn);
  }

  onCommand(fn: (line: string, code: number) => void): () => void {
    this.commandListeners.add(fn);
    return () => this.commandListeners.delete(fn);
  }

  onConnectionChange(fn: (connection: Connection) => void): () => void {
    this.connectionListeners.add(fn);
    return () => this.connectionListeners.delete(fn);
  }

  // ---- the owner's side ----

  attachTerminal(run: (line: string) => Promise<void>): void {
    this.terminal = run;
    for (const resolve of this.waitingForTerminal.splice(0)) resolve();
  }

  /** `fetch` answers requests for the playground's own reads (never shown as kubectl's requests). */
  attachCluster(fetch: (request: Request) => Promise<Response>): void {
    this.clusterFetch = fetch;
    for (const resolve of this.waitingForCluster.splice(0)) resolve();
  }

  setConnection(connection: Connection): void {
    if (connection === this.current) return;
    this.current = connection;
    for (const fn of this.connectionListeners) fn(connection);
  }

  emitRequest(record: RequestRecord): void {
    for (const fn of this.requestListeners) fn(record);
  }

  emitStateChange(): void {
    for (const fn of this.stateListeners) fn();
  }

  emitReset(): void {
    for (const fn of this.resetListeners) fn();
  }

  emitCommand(line: string, code: number): void {
    for (const fn of this.commandListeners) fn(line, code);
  }
}

/**
 * The origin of the playground's own requests (the APIService list, completion). The cluster
 * ignores the host, and records for this origin are not passed to onRequest.
 */
export const INTERNAL_ORIGIN = 'http://playground.internal';
