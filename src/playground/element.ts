// <api-playground>: the few lines every page with a playground loads. Its light terminal takes keys
// from the first paint (light_terminal.ts); the playground itself (xterm, kubectl, the cluster, msw,
// the editor) is imported only when the learner reaches for it: a pointer or the focus on it (the
// terminal, the editor pane, a button), a key typed, a suggested command or Solve clicked. Being
// merely scrolled past costs a phone nothing.
import type { Layout, MountedPlayground, PlaygroundConfig } from './mount.ts';
import type { Exercise } from './exercise/types.ts';
import { lightTerminal, type LightTerminal } from './light_terminal.ts';

export interface PlaygroundProps {
  scenario: string;
  files: { name: string; content: string }[];
  commands: string[];
  layout: Layout;
  exercises?: Exercise[];
  lesson?: string;
}

export class PlaygroundElement extends HTMLElement {
  /** Resolves once the playground runs (tests and checkers read it). */
  ready: Promise<MountedPlayground> | undefined;
  private light: LightTerminal | undefined;

  connectedCallback(): void {
    if (this.ready) return;
    const start = () => void this.start();
    this.light = lightTerminal(this, start);
    this.addEventListener('pointerdown', start, { once: true });
    this.addEventListener('focusin', start, { once: true });
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-playground-command]');
      if (button) void this.start().then((p) => p.store.runCommand(button.dataset.playgroundCommand ?? ''));
      const solve = (event.target as Element).closest<HTMLButtonElement>('button[data-exercise-solve]');
      const id = solve?.closest<HTMLElement>('section[data-exercise]')?.dataset.exercise;
      if (id) void this.start().then((p) => p.exercises?.solve(id));
    });
  }

  start(): Promise<MountedPlayground> {
    if (this.ready) return this.ready;
    const props = JSON.parse(this.querySelector('script[data-playground-props]')?.textContent ?? '{}') as PlaygroundProps;
    const config: PlaygroundConfig = {
      scenario: props.scenario ?? 'default',
      files: props.files ?? [],
      commands: props.commands ?? [],
      layout: props.layout ?? 'terminal',
      exercises: props.exercises,
      lesson: props.lesson,
      base: this.dataset.base ?? '/',
      lang: document.documentElement.lang.startsWith('ko') ? 'ko' : 'en',
      typedAhead: () => this.light?.take(),
    };
    this.dataset.state = 'loading';
    this.ready = import('./mount.ts').then(async ({ mountPlayground, failureMessage }) => {
      try {
        const playground = await mountPlayground(this, config);
        this.dataset.state = 'ready';
        this.dispatchEvent(new CustomEvent('playground-ready', { bubbles: true }));
        return playground;
      } catch (error) {
        this.dataset.state = 'failed';
        const status = this.querySelector('[data-playground-status]');
        if (status) status.textContent = failureMessage(config.lang, error);
        throw error;
      }
    });
    return this.ready;
  }
}

if (!customElements.get('api-playground')) customElements.define('api-playground', PlaygroundElement);
