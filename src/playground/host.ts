// One scenario's cluster on the page (shared by every playground of that scenario) and how
// kubectl reaches it: the simulated cluster, msw's service worker or the in-page fallback. In its
// own chunk, loaded while the terminal already takes keys. The service worker starts while the
// cluster boots, and the boot gives the main thread back between its steps.
import { BrowserCluster } from './browser_cluster.ts';
import { connect, startServiceWorker, type ClusterConnection } from './worker.ts';
import type { PlaygroundBus } from './store.ts';
import type { CachedDiscovery } from '../kubectl/env.ts';
import { storage } from '../lib/storage.ts';
import type { ScenarioSource } from '../sim/scenario.ts';

export interface Host {
  cluster: BrowserCluster;
  connection: ClusterConnection;
  origin: string;
  buses: Set<PlaygroundBus>;
  /**
   * kubectl's discovery cache for this cluster (its ~/.kube/cache/discovery): kept for the page,
   * so only a first command fetches /api and /apis; Reset empties it, as for a new cluster.
   */
  discovery: Map<string, CachedDiscovery>;
}

// Each scenario file's document, parsed at build time (vite-config.mjs): no YAML to parse in the page.
const scenarioFiles = import.meta.glob<ScenarioSource>('../../content/scenarios/*.yaml', { query: '?scenario', import: 'default' });

const hosts = new Map<string, Promise<Host>>();

async function loadScenario(name: string): Promise<ScenarioSource> {
  const load = scenarioFiles[`../../content/scenarios/${name}.yaml`];
  if (!load) throw new Error(`no scenario named ${JSON.stringify(name)}`);
  return load();
}

/** Gives the main thread back between steps of a boot, so keys still echo while it runs. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The scenario's cluster, opened once per page, served at a URL like a kind cluster's endpoint
 * (`https://127.0.0.1:6443`); a second scenario on the page gets the next port.
 */
export function openHost(scenario: string, base: string): Promise<Host> {
  let host = hosts.get(scenario);
  if (!host) {
    const origin = `https://127.0.0.1:${6443 + hosts.size}`;
    host = (async () => {
      const buses = new Set<PlaygroundBus>();
      let live = false;
      // The service worker starts while the cluster boots; the connection is checked once both are up.
      startServiceWorker(base);
      const cluster = await BrowserCluster.open({
        scenario,
        loadScenario,
        storage: storage(), // none when refused: the cluster lives as long as the page
        locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
        pause: yieldToPage,
        onRecord: (record) => {
          // Only kubectl's requests: not the connection check, completion or the store's reads.
          if (!live || !record.url.startsWith(`${origin}/`)) return;
          for (const bus of buses) bus.emitRequest(record);
        },
        onStateChange: () => {
          for (const bus of buses) bus.emitStateChange();
        },
      });
      const connection = await connect(origin, cluster.handle, base);
      live = true;
      return { cluster, connection, origin, buses, discovery: new Map<string, CachedDiscovery>() };
    })();
    hosts.set(scenario, host);
  }
  return host;
}
