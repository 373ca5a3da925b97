// The exercise panels of one playground, brought to life: re-evaluates every exercise on load,
// after each command the terminal runs and when the cluster changes (a Reset, another tab);
// updates the DOM hooks (data-exercise-state, data-check-state), shows hints once the learner has
// run a command, records progress, and runs Solve. The panels themselves are rendered by
// Playground.astro, so they print and read before any script runs.
import { evaluateExercise, type ClusterFetch } from './evaluate.ts';
import { planSolution } from './solution.ts';
import type { Exercise, ObservedRequest } from './types.ts';
import type { PlaygroundStore } from '../store.ts';
import { exerciseKey, markDone } from '../../progress/progress.ts';

/** What the panels use of the playground's store. */
export type ExerciseHost = Pick<PlaygroundStore, 'onRequest' | 'onCommand' | 'onStateChange' | 'onReset' | 'runCommand' | 'files'>;

export interface MountedExercises {
  /** Evaluates every exercise now; resolves once the DOM shows the result. */
  evaluate(): Promise<void>;
  /** Shows an exercise's solution and runs its commands one after the other. */
  solve(id: string): Promise<void>;
}

/** `fetch` is the cluster itself: the checks' reads never show in the terminal or the diagram. */
export function mountExercises(root: HTMLElement, exercises: readonly Exercise[], lesson: string, host: ExerciseHost, fetch: ClusterFetch): MountedExercises {
  const live = root.querySelector<HTMLElement>('[data-exercise-live]');
  let log: ObservedRequest[] = [];
  /** Hints wait until the learner has run a command. */
  let commandsRun = 0;
  let running: Promise<void> | undefined;
  let again = false;

  const section = (id: string) => root.querySelector<HTMLElement>(`section[data-exercise="${CSS.escape(id)}"]`);

  async function evaluateOnce(): Promise<void> {
    for (const exercise of exercises) {
      const el = section(exercise.id);
      if (!el) continue;
      const result = await evaluateExercise(exercise, fetch, log);
      el.querySelectorAll<HTMLElement>('li[data-check]').forEach((li, i) => {
        const pass = result.checks[i] ?? false;
        const state = pass ? 'pass' : commandsRun > 0 ? 'fail' : 'pending';
        li.dataset.checkState = state;
        const status = li.querySelector<HTMLElement>('[data-check-status]');
        if (status) status.textContent = el.dataset[`label${state[0]!.toUpperCase()}${state.slice(1)}`] ?? '';
      });
      const state = result.done ? 'done' : 'todo';
      const was = el.dataset.exerciseState;
      el.dataset.exerciseState = state;
      const label = el.querySelector<HTMLElement>('[data-exercise-status]');
      if (label) label.textContent = (state === 'done' ? el.dataset.labelDone : el.dataset.labelTodo) ?? '';
      if (result.done) markDone(exerciseKey(lesson, exercise.id));
      if (result.done && was !== 'done' && live) live.textContent = live.dataset.doneText ?? '';
    }
  }

  /** Evaluations run one at a time; calls during one coalesce into one more. */
  function evaluate(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await evaluateOnce();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  async function solve(id: string): Promise<void> {
    const exercise = exercises.find((e) => e.id === id);
    const el = section(id);
    if (!exercise || !el) return;
    const plan = planSolution(exercise, (name) => host.files.get(name));
    for (const file of plan.files) host.files.set(file.name, file.content);
    const list = el.querySelector<HTMLOListElement>('ol[data-exercise-solution]');
    if (list) {
      list.hidden = false;
      list.querySelectorAll('code').forEach((code, i) => (code.textContent = plan.commands[i] ?? code.textContent));
    }
    const button = el.querySelector<HTMLButtonElement>('button[data-exercise-solve]');
    if (button) button.disabled = true;
    try {
      for (const command of plan.commands) await host.runCommand(command);
    } finally {
      if (button) button.disabled = false;
    }
    await evaluate();
  }

  host.onRequest((record) => log.push({ method: record.method, url: record.url, status: record.status }));
  host.onCommand(() => {
    commandsRun++;
    void evaluate();
  });
  host.onStateChange(() => void evaluate());
  // The cluster's state change that follows a Reset evaluates again.
  host.onReset(() => {
    log = [];
  });
  void evaluate();
  return { evaluate, solve };
}
