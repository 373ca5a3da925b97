// One scenario's simulated cluster in the page, kept across reloads and shared safely between tabs.
//
// Persistence: after a command that changed the cluster (a write the apiserver accepted), the
// cluster's snapshot() is saved in localStorage under `apiservice-lab:cluster:<scenario>` as
// `{ rev, snapshot }` (about 75 KB for the default scenario). A reload restores it; Reset boots the
// scenario again and saves that, so every tab agrees on what "reset" means.
//
// Two tabs: each runs its own copy of the cluster (a service worker hands a page's requests back to
// that page, so the copies never mix). Every command that may write runs inside an exclusive Web
// Lock per scenario (`navigator.locks`): before it runs, the tab compares the stored `rev` with the
// one it loaded and, if another tab saved since, rebuilds its cluster from the stored snapshot;
// after it runs, a changed cluster is saved with `rev + 1`. Writes are therefore serialised across
// tabs and each one starts from the latest saved state: no tab overwrites another tab's change with
// an older state, and a saved snapshot is always one whole cluster, never a mix. Between commands,
// the `storage` event tells the other tabs at once, so their terminals, editors and diagrams show
// the new state (onStateChange) without waiting for their next command. Without `navigator.locks`
// (old browsers) the sync-before-run and the storage event still apply; only the serialisation of
// two exactly simultaneous writes is lost (the later save wins, whole).
import { createCluster, type Cluster, type ClusterSnapshot, type RequestRecord } from '../sim/cluster.ts';
import { setItemIn } from '../lib/storage.ts';
import { resolveScenario, type ScenarioSource } from '../sim/scenario.ts';

const KEY_PREFIX = 'apiservice-lab:cluster:';
/** Bumped when the saved form changes; an unreadable snapshot is dropped and the scenario replayed. */
const FORMAT = 1;

interface Saved {
  format: number;
  rev: number;
  snapshot: ClusterSnapshot;
}

/** How a saved state's text begins: `{"format":1,"rev":7,` (the keys in Saved's order). */
const SAVED_HEAD = /^\{"format":(\d+),"rev":(\d+),/;

/** Methods that never change the cluster. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface BrowserClusterOptions {
  scenario: string;
  /** A scenario file by name (this one, or a base it starts from), loaded only when the scenario has to be replayed. */
  loadScenario: (name: string) => Promise<ScenarioSource>;
  storage?: Storage | undefined;
  locks?: LockManager | undefined;
  /** Each answered request, from whichever cluster copy is current. */
  onRecord?: (record: RequestRecord) => void;
  /** The cluster's objects changed: a write here, a Reset, or another tab's save. */
  onStateChange?: () => void;
  /** Awaited between the steps of a scenario's boot (the page yields to its event loop there). */
  pause?: () => Promise<void>;
}

export class BrowserCluster {
  readonly scenario: string;
  private readonly options: BrowserClusterOptions;
  private cluster!: Cluster;
  private unobserve: (() => void) | undefined;
  private rev = 0;
  private dirty = false;
  private running = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly key: string;

  private constructor(options: BrowserClusterOptions) {
    this.options = options;
    this.scenario = options.scenario;
    this.key = KEY_PREFIX + options.scenario;
  }

  static async open(options: BrowserClusterOptions): Promise<BrowserCluster> {
    const host = new BrowserCluster(options);
    await host.load();
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key !== host.key || host.running > 0) return;
        void host.syncFromStorage().then((changed) => changed && host.options.onStateChange?.());
      });
    }
    return host;
  }

  /** The apiserver: answers a request with the current copy of the cluster. */
  handle = (request: Request): Promise<Response> => this.cluster.fetch(request);

  /** Saved revision this copy reflects (0: the scenario, never saved). */
  get revision(): number {
    return this.rev;
  }

  /**
   * Runs `fn` (a command that may write) with the cluster's lock held: first catches up with
   * another tab's save, then saves if the cluster changed.
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = async () => {
      this.running++;
      try {
        if (await this.syncFromStorage()) this.options.onStateChange?.();
        this.dirty = false;
        const result = await fn();
        if (this.dirty) {
          this.save();
          this.options.onStateChange?.();
        }
        return result;
      } finally {
        this.running--;
      }
    };
    const locks = this.options.locks;
    return locks ? ((await locks.request(this.key, run)) as T) : run();
  }

  /** Replays the scenario and saves it as the newest state, in every tab. */
  async reset(): Promise<void> {
    const replay = async () => {
      this.running++;
      try {
        this.use(await this.boot());
        this.rev = Math.max(this.rev, this.storedRev());
        this.save();
        this.options.onStateChange?.();
      } finally {
        this.running--;
      }
    };
    const locks = this.options.locks;
    if (locks) await locks.request(this.key, replay);
    else await replay();
  }

  /** A fresh cluster from the scenario. */
  private async boot(): Promise<Cluster> {
    const { loadScenario, scenario, pause } = this.options;
    return createCluster({ scenario: await resolveScenario(await loadScenario(scenario), loadScenario), pause });
  }

  private async load(): Promise<void> {
    const saved = this.read();
    if (saved) {
      try {
        this.use(await createCluster({ snapshot: saved.snapshot }));
        this.rev = saved.rev;
        return;
      } catch {
        this.options.storage?.removeItem(this.key); // a snapshot this version cannot read
      }
    }
    this.use(await this.boot());
    this.rev = 0;
  }

  /** Rebuilds this copy when another tab saved a newer state; returns whether it did. */
  private async syncFromStorage(): Promise<boolean> {
    // Before every command: the revision alone, without parsing the whole snapshot.
    if (this.storedRev() <= this.rev) return false;
    const saved = this.read();
    if (!saved || saved.rev <= this.rev) return false;
    try {
      this.use(await createCluster({ snapshot: saved.snapshot }));
      this.rev = saved.rev;
      return true;
    } catch {
      return false;
    }
  }

  private use(cluster: Cluster): void {
    this.unobserve?.();
    this.cluster = cluster;
    this.unobserve = cluster.observe((record) => {
      if (!READS.has(record.method) && record.status < 300) {
        this.dirty = true;
        // A write outside a command (a script on the page): saved once it has settled.
        if (this.running === 0) this.saveSoon();
      }
      this.options.onRecord?.(record);
    });
  }

  private saveSoon(): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.running > 0 || !this.dirty) return; // a command started: it saves
      this.dirty = false;
      this.save();
      this.options.onStateChange?.();
    }, 0);
  }

  /** The saved revision, read from the head of the saved text (save() writes format and rev first). */
  private storedRev(): number {
    let text: string | null | undefined;
    try {
      text = this.options.storage?.getItem(this.key);
    } catch {
      return 0;
    }
    if (!text) return 0;
    const head = SAVED_HEAD.exec(text);
    if (head) return Number(head[1]) === FORMAT ? Number(head[2]) : 0;
    return this.read()?.rev ?? 0;
  }

  private read(): Saved | undefined {
    try {
      const text = this.options.storage?.getItem(this.key);
      if (!text) return undefined;
      const saved = JSON.parse(text) as Saved;
      return saved.format === FORMAT && typeof saved.rev === 'number' && saved.snapshot ? saved : undefined;
    } catch {
      return undefined;
    }
  }

  private save(): void {
    const next: Saved = { format: FORMAT, rev: Math.max(this.rev, this.storedRev()) + 1, snapshot: this.cluster.snapshot() };
    // Storage full or refused: the state lives until the page is closed.
    if (setItemIn(this.options.storage, this.key, JSON.stringify(next))) this.rev = next.rev;
  }
}
