// <api-playground>: the few lines every page with a playground loads. The playground itself (xterm,
// kubectl, the cluster, msw) is imported only when the element comes near the viewport or the
// learner reaches for it (pointer, focus, a suggested command).
import type { Layout, MountedPlayground, PlaygroundConfig } from './mount.ts';
import type { Exercise } from './exercise/types.ts';

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
  private observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    if (this.ready) return;
    const start = () => void this.start();
    if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '400px 0px' });
      this.observer.observe(this);
    } else start();
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

  disconnectedCallback(): void {
    this.observer?.disconnect();
  }

  start(): Promise<MountedPlayground> {
    if (this.ready) return this.ready;
    this.observer?.disconnect();
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
