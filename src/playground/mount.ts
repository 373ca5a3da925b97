// Brings one <api-playground> to life: the terminal first (xterm and the shell's line editor, a
// small chunk), so it shows and echoes keys at once; meanwhile kubectl (kubectl_side.ts) and the
// scenario's cluster with its connection (host.ts: the simulated cluster, msw) load in parallel,
// and a command entered before they are ready waits for them. Then the store, and the editor and
// the diagram when the layout has them.
import { INTERNAL_ORIGIN, PlaygroundBus, type PlaygroundFile } from './store.ts';
import type { ClusterConnection } from './worker.ts';
import type { Host } from './host.ts';
import { mountTerminal, type MountedTerminal } from './terminal.ts';
import { whenIdle } from './idle.ts';
import { onStorageFull } from '../lib/storage.ts';
import type { KubectlEnv } from '../kubectl/env.ts';
import type { KubectlCompletionSource } from '../kubectl/shell/completion.ts';
import { mountExercises, type MountedExercises } from './exercise/panel.ts';
import type { Exercise } from './exercise/types.ts';
import type { TypedAhead } from './light_terminal.ts';

export type Layout = 'terminal' | 'editor+terminal' | 'full';

export interface PlaygroundConfig {
  scenario: string;
  files: PlaygroundFile[];
  commands: string[];
  layout: Layout;
  /** The exercises the playground's `check` names, as the lesson declares them. */
  exercises?: Exercise[] | undefined;
  /** The lesson's slug without locale (progress is kept per lesson and exercise). */
  lesson?: string | undefined;
  /** The site's base path (import.meta.env.BASE_URL). */
  base: string;
  lang: 'en' | 'ko';
  /** Takes what the learner typed into the light terminal, as the full terminal replaces it. */
  typedAhead?: (() => TypedAhead | undefined) | undefined;
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
  /** Settles once the editor and the diagram the layout has are mounted (or failed to). */
  panes: Promise<void>;
}

// Present once the editor and the diagram exist; an empty map until then.
const editorModules = import.meta.glob<{ mountEditor: (el: HTMLElement, store: PlaygroundBus, opts: { files: PlaygroundFile[] }) => unknown }>('./editor/index.ts');
const diagramModules = import.meta.glob<{ mountDiagram: (el: HTMLElement, store: PlaygroundBus) => unknown }>('./diagram/index.ts');

/** kubectl's pid in -v log lines; fixed so a page's logs read like one process's. */
const PID = 48213;
const KUBECONFIG = '/home/learner/.kube/config';

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

  // The terminal first, so it echoes keys while kubectl and the cluster load, the cluster boots
  // and the service worker starts (seconds on a slow phone); a command entered meanwhile waits.
  const opening = import('./host.ts').then(({ openHost }) => openHost(config.scenario, config.base));
  const kubectlSide = import('./kubectl_side.ts');
  const env = (host: Host): KubectlEnv => ({
    fetch: host.connection.fetch,
    server: host.origin,
    namespace: 'default',
    files: store.files,
    now: () => new Date(),
    pid: PID,
    kubeconfigPath: KUBECONFIG,
    discoveryCache: host.discovery,
  });
  // Completion's reads go to the cluster directly: the request-flow diagram does not show them.
  const internalEnv = (host: Host): KubectlEnv => ({ ...env(host), fetch: host.cluster.handle, server: INTERNAL_ORIGIN });
  const completion: Promise<KubectlCompletionSource> = Promise.all([kubectlSide, opening]).then(([side, host]) => side.completionSource(() => internalEnv(host)));
  completion.catch(() => undefined); // a failed start is reported below; Tab then completes nothing
  // The light terminal's keys, taken in the same task as it is replaced: none is lost.
  const typed = config.typedAhead?.();
  termEl.replaceChildren();
  const terminal = mountTerminal(termEl, {
    kubectl: async (args, stdin) => {
      const [{ runKubectl }, host] = await Promise.all([kubectlSide, opening]);
      // The cluster's lock is held while kubectl runs, and a changed cluster is saved afterwards.
      return host.cluster.exclusive(() => runKubectl(args, { ...env(host), stdin }));
    },
    completion: {
      resourceTypes: () => completion.then((source) => source.resourceTypes()),
      objectNames: (type, namespace) => completion.then((source) => source.objectNames(type, namespace)),
    },
    files: store.files,
    label: text.terminal,
    hintId: root.querySelector('[data-playground-hint]')?.id,
    onCommand: (line, code) => store.emitCommand(line, code),
  });
  if (typed) {
    // Queued lines run in order (waiting for kubectl and the cluster), then the partial line.
    // The Tab on its own, as a key: in a longer chunk the line editor reads it as pasted text.
    const keys = typed.lines.map((line) => `${line}\r`).join('') + typed.partial;
    void terminal.input(keys).then(() => (typed.complete ? terminal.input('\t') : undefined));
    if (typed.focused) terminal.term.focus();
  }

  let host: Host;
  try {
    [host] = await Promise.all([opening, kubectlSide]);
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

  const reset = async () => {
    if (status) status.textContent = text.resetting;
    // Before the cluster goes back: its state change then finds the exercises' request log empty.
    store.emitReset();
    host.discovery.clear();
    await host.cluster.reset();
    if (status) status.textContent = text.reset(config.scenario);
  };
  root.querySelector('[data-playground-reset]')?.addEventListener('click', () => void reset());

  const exercises =
    config.exercises && config.exercises.length > 0 ? mountExercises(root, config.exercises, config.lesson ?? '', store, host.cluster.handle) : undefined;

  // Editor and diagram after the terminal, when the layout has them and they exist.
  const editorEl = root.querySelector<HTMLElement>('[data-playground-editor]');
  const diagramEl = root.querySelector<HTMLElement>('[data-playground-diagram]');
  const panes = new Promise<void>((settled) =>
    whenIdle(() => {
      const mounting: Promise<unknown>[] = [];
      const loadEditor = editorModules['./editor/index.ts'];
      if (editorEl && loadEditor) {
        mounting.push(
          loadEditor()
            .then((m) => m.mountEditor(editorEl, store, { files: store.files.all() }))
            .catch((e: unknown) => console.error('editor', e)),
        );
      }
      const loadDiagram = diagramModules['./diagram/index.ts'];
      if (diagramEl && loadDiagram) {
        mounting.push(
          loadDiagram()
            .then((m) => m.mountDiagram(diagramEl, store))
            .catch((e: unknown) => console.error('diagram', e)),
        );
      }
      void Promise.all(mounting).then(() => settled());
    }, 1500, 200),
  );

  return { store, terminal, server: host.origin, connection: host.connection, reset, exercises, panes };
}

export function failureMessage(lang: 'en' | 'ko', error: unknown): string {
  return `${TEXT[lang].failed} ${error instanceof Error ? error.message : String(error)}`;
}
