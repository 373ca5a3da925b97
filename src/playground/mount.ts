// Brings one <api-playground> to life: its scenario's cluster (one per scenario per page, shared by
// every playground of that scenario), the connection through the service worker or in the page,
// the store, the terminal, then the editor and the diagram when the layout has them.
import { INTERNAL_ORIGIN, PlaygroundBus, type PlaygroundFile } from './store.ts';
import { BrowserCluster } from './browser_cluster.ts';
import { connect, type ClusterConnection } from './worker.ts';
import { mountTerminal, type MountedTerminal } from './terminal.ts';
import { onStorageFull } from './storage_full.ts';
import type { KubectlEnv } from '../kubectl/env.ts';
import { mountExercises, type MountedExercises } from './exercise/panel.ts';
import type { Exercise } from './exercise/types.ts';

export type Layout = 'terminal' | 'editor+terminal' | 'full';

export interface PlaygroundConfig {
  scenario: string;
  files: PlaygroundFile[];
  commands: string[];
  layout: Layout;
  check?: string | undefined;
  /** The exercises `check` names, as the lesson declares them. */
  exercises?: Exercise[] | undefined;
  /** The lesson's slug without locale (progress is kept per lesson and exercise). */
  lesson?: string | undefined;
  /** The site's base path (import.meta.env.BASE_URL). */
  base: string;
  lang: 'en' | 'ko';
}

export interface MountedPlayground {
  store: PlaygroundBus;
  terminal: MountedTerminal;
  /** The server URL kubectl talks to. */
  server: string;
  /** How kubectl reaches the cluster; `connection.fetch` is the very fetch kubectl uses. */
  connection: ClusterConnection;
  reset(): Promise<void>;
  /** The exercise panels, when the playground checks exercises. */
  exercises: MountedExercises | undefined;
}

interface Host {
  cluster: BrowserCluster;
  connection: ClusterConnection;
  origin: string;
  buses: Set<PlaygroundBus>;
}

const scenarioFiles = import.meta.glob<string>('../../content/scenarios/*.yaml', { query: '?raw', import: 'default' });
// Present once the editor and the diagram exist; an empty map until then.
const editorModules = import.meta.glob<{ mountEditor: (el: HTMLElement, store: PlaygroundBus, opts: { files: PlaygroundFile[] }) => unknown }>('./editor/index.ts');
const diagramModules = import.meta.glob<{ mountDiagram: (el: HTMLElement, store: PlaygroundBus) => unknown }>('./diagram/index.ts');

const hosts = new Map<string, Promise<Host>>();

/** kubectl's pid in -v log lines; fixed so a page's logs read like one process's. */
const PID = 48213;
const KUBECONFIG = '/home/learner/.kube/config';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage refused: the cluster lives as long as the page
  }
}

async function scenarioText(name: string): Promise<string> {
  const load = scenarioFiles[`../../content/scenarios/${name}.yaml`];
  if (!load) throw new Error(`no scenario named ${JSON.stringify(name)}`);
  return load();
}

const origins = new Map<string, string>();

/** The scenario's server URL: like a kind cluster's endpoint; a second scenario on the page gets the next port. */
function originOf(scenario: string): string {
  let origin = origins.get(scenario);
  if (!origin) origins.set(scenario, (origin = `https://127.0.0.1:${6443 + origins.size}`));
  return origin;
}

function openHost(scenario: string, base: string): Promise<Host> {
  let host = hosts.get(scenario);
  if (!host) {
    const origin = originOf(scenario);
    host = (async () => {
      const buses = new Set<PlaygroundBus>();
      let live = false;
      const cluster = await BrowserCluster.open({
        scenario,
        scenarioText,
        storage: storage(),
        locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
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
      return { cluster, connection, origin, buses };
    })();
    hosts.set(scenario, host);
  }
  return host;
}

const TEXT = {
  en: {
    terminal: 'Terminal',
    inPage: 'Requests are answered in the page (no service worker)',
    resetting: 'Resetting the cluster…',
    reset: (s: string) => `The cluster is back to the “${s}” scenario.`,
    failed: 'The playground could not start:',
    storageFull: 'Browser storage is full: your work stays on this page, but a reload would lose the latest changes.',
  },
  ko: {
    terminal: '터미널',
    inPage: '서비스 워커 없이 페이지 안에서 요청에 응답합니다',
    resetting: '클러스터를 초기화하는 중…',
    reset: (s: string) => `클러스터를 “${s}” 시나리오로 되돌렸습니다.`,
    failed: '실습 환경을 시작하지 못했습니다:',
    storageFull: '브라우저 저장 공간이 가득 찼습니다. 작업 내용은 이 페이지에 남아 있지만 새로 고치면 최근 변경 사항이 사라집니다.',
  },
};

export async function mountPlayground(root: HTMLElement, config: PlaygroundConfig): Promise<MountedPlayground> {
  const text = TEXT[config.lang];
  const status = root.querySelector<HTMLElement>('[data-playground-status]');
  const modeNote = root.querySelector<HTMLElement>('[data-playground-mode]');
  const termEl = root.querySelector<HTMLElement>('[data-playground-terminal]')!;
  const store = new PlaygroundBus({ scenario: config.scenario, files: config.files });
  // Said once, in the status line, the first time a save is refused.
  const stopStorageNotice = onStorageFull(() => {
    stopStorageNotice();
    if (status) status.textContent = text.storageFull;
  });

  // The terminal first, so it echoes keys while the cluster boots and the service worker starts
  // (seconds on a slow phone); a command entered meanwhile waits for them.
  const origin = originOf(config.scenario);
  const opening = openHost(config.scenario, config.base);
  const whenOpen = <T>(use: (host: Host) => Promise<T>) => opening.then(use);
  const env = (): KubectlEnv => ({
    fetch: (request) => whenOpen((host) => host.connection.fetch(request)),
    server: origin,
    namespace: 'default',
    files: store.files,
    now: () => new Date(),
    pid: PID,
    kubeconfigPath: KUBECONFIG,
  });
  termEl.replaceChildren();
  const terminal = mountTerminal(termEl, {
    env,
    internalEnv: () => ({ ...env(), fetch: (request) => whenOpen((host) => host.cluster.handle(request)), server: INTERNAL_ORIGIN }),
    around: (fn) => whenOpen((host) => host.cluster.exclusive(fn)),
    files: store.files,
    label: text.terminal,
    hintId: root.querySelector('[data-playground-hint]')?.id,
    onCommand: (line, code) => store.emitCommand(line, code),
  });

  let host: Host;
  try {
    host = await opening;
  } catch (error) {
    terminal.dispose();
    throw error;
  }
  host.buses.add(store);
  store.attachCluster(host.cluster.handle);
  store.setConnection(host.connection.mode);
  root.dataset.connection = host.connection.mode;
  if (modeNote && host.connection.mode === 'page') {
    modeNote.textContent = text.inPage;
    modeNote.title = host.connection.reason ?? '';
  }

  store.attachTerminal(async (line) => {
    await terminal.type(line);
  });

  const resetListeners = new Set<() => void>();
  const reset = async () => {
    if (status) status.textContent = text.resetting;
    await host.cluster.reset();
    if (status) status.textContent = text.reset(config.scenario);
    for (const fn of resetListeners) fn();
  };
  root.querySelector('[data-playground-reset]')?.addEventListener('click', () => void reset());

  const exercises =
    config.exercises && config.exercises.length > 0
      ? mountExercises(root, config.exercises, config.lesson ?? '', {
          fetch: host.cluster.handle,
          onRequest: (fn) => store.onRequest(fn),
          onCommand: (fn) => store.onCommand(fn),
          onStateChange: (fn) => store.onStateChange(fn),
          onReset: (fn) => {
            resetListeners.add(fn);
            return () => resetListeners.delete(fn);
          },
          runCommand: (line) => store.runCommand(line),
          files: store.files,
        })
      : undefined;

  // Editor and diagram after the terminal, when the layout has them and they exist.
  const editorEl = root.querySelector<HTMLElement>('[data-playground-editor]');
  const diagramEl = root.querySelector<HTMLElement>('[data-playground-diagram]');
  const later = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 200));
  later(() => {
    const loadEditor = editorModules['./editor/index.ts'];
    if (editorEl && loadEditor) {
      void loadEditor()
        .then((m) => m.mountEditor(editorEl, store, { files: store.files.all() }))
        .catch((e: unknown) => console.error('editor', e));
    }
    const loadDiagram = diagramModules['./diagram/index.ts'];
    if (diagramEl && loadDiagram) {
      void loadDiagram()
        .then((m) => m.mountDiagram(diagramEl, store))
        .catch((e: unknown) => console.error('diagram', e));
    }
  });

  return { store, terminal, server: host.origin, connection: host.connection, reset, exercises };
}

export function failureMessage(lang: 'en' | 'ko', error: unknown): string {
  return `${TEXT[lang].failed} ${error instanceof Error ? error.message : String(error)}`;
}
