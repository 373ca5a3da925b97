// Every lesson page in both languages, one page load each: the page renders; every suggested
// command of its playgrounds, clicked, prints what the lesson itself says it prints (the `sh`
// block with that command and the output block after it, nearest above the playground); every
// exercise shows a hint after a command that does not solve it, and is done once its solution
// commands are typed into the terminal. Exercises come from the lesson's front matter.
//
// A command whose output the lesson shows only below the playground (a worked solution) is
// clicked after the exercise's files are in the editor, as a learner who finished them would.
import { expect, test, type Page } from '@playwright/test';
import { exercisesOf, lessonSource, type LessonExercise as Exercise } from '../lesson-source.ts';
import type { PlaygroundProps } from '../../src/playground/element.ts';
import { lessonPages } from './course-pages.ts';
import { outputOf, run as type, terminalText, writeFile } from './playground.ts';

interface Shown {
  command: string;
  output: string;
  at: number;
}

/** Each `sh` block holding one command, with the output block (titled Output / 출력) right after it. */
function shownOutputs(text: string): Shown[] {
  const pairs: Shown[] = [];
  const pattern = /```sh\n([^\n]+)\n```\n\n```(?:text|yaml) title="(?:Output|출력)[^"]*"\n([\s\S]*?)```/g;
  for (const match of text.matchAll(pattern)) pairs.push({ command: match[1]!, output: match[2]!.replace(/\n$/, ''), at: match.index });
  return pairs;
}

/** The lesson's output for `command` nearest above the playground at `at`, else the first below it. */
function expectedOutput(pairs: Shown[], command: string, at: number): { output: string; above: boolean } {
  const same = pairs.filter((p) => p.command === command);
  const above = same.filter((p) => p.at < at).pop();
  const found = above ?? same.find((p) => p.at > at);
  if (!found) throw new Error(`the lesson shows no output for the suggested command "${command}"`);
  return { output: found.output, above: found === above };
}

/**
 * What may differ between the lesson's copy and a run now: times, ages of fresh objects, live
 * metrics, the server's address and durations in -v=6 lines, the discovery requests a warm cache
 * skips, and kubectl's start-up lines (kubeconfig, feature gates), which follow how it is configured.
 * Column widths follow the values, so runs of spaces count as one.
 */
function comparable(text: string, command: string): string {
  let lines = text.split('\n').map((l) => l.trimEnd());
  lines = lines.filter((l) => !/round_trippers\.go:\d+\] GET \S+\/apis?(\?\S*)? /.test(l) && !/^I\d{4} .* (loader|envvar)\.go:\d+\]/.test(l));
  return lines
    .map((l) =>
      l
        .replace(/^I\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ round_trippers\.go:\d+\]/, 'LOG')
        .replace(/https?:\/\/127\.0\.0\.1:\d+/g, 'SERVER')
        .replace(/in \d+ milliseconds/g, 'in N milliseconds')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'TIME')
        // Before the ages: a metrics window of whole seconds (`10s`) is a window, not an age.
        .replace(command.includes('metrics.k8s.io') ? /"(usage|window|timestamp)":("[^"]*"|\{[^}]*\})|\b\d+(n|Ki)\b|\b[\d.]+s\b/g : /$^/, 'N')
        .replace(/\b\d+y\d+d\b/g, 'AGE')
        .replace(/(\s)\d+s$/g, '$1AGE')
        .replace(command.startsWith('kubectl top') ? /\b\d+(m|%|Mi)(?=\s|$)/g : /$^/, 'N$1')
        .replace(/\s+/g, ' '),
    )
    .join('\n');
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => console.error('page error:', error.message));
});

for (const lesson of lessonPages) {
  test(`${lesson.locale} ${lesson.slug}: suggested commands answer as the lesson says; exercises hint, then are done`, async ({ page }: { page: Page }) => {
    const text = lessonSource(lesson.slug, lesson.locale);
    const exercises = exercisesOf(text);
    const pairs = shownOutputs(text);
    const positions = [...text.matchAll(/^<Playground\b/gm)].map((m) => m.index);

    await page.goto(lesson.path);
    await expect(page.locator('h1')).toHaveText(lesson.title);
    const playgrounds = page.locator('api-playground');
    await expect(playgrounds).toHaveCount(positions.length);
    const checked = new Set<string>();

    for (let i = 0; i < positions.length; i++) {
      const playground = playgrounds.nth(i);
      const props = JSON.parse((await playground.locator('script[data-playground-props]').textContent()) ?? '{}') as PlaygroundProps;
      const ids = (props.exercises ?? []).map((e) => e.id);
      await playground.locator('input[data-playground-light-input]').focus();
      await expect(playground).toHaveAttribute('data-state', 'ready');

      // Before anything solves them: a command that does not, then each exercise shows a hint.
      for (const id of ids) await expect(playground.locator(`[data-exercise="${id}"]`)).toHaveAttribute('data-exercise-state', 'todo');
      await type(playground, 'kubectl get namespaces');
      for (const id of ids) {
        const exercise = exercises.find((e) => e.id === id);
        expect(exercise, `exercise ${id} is declared in the front matter`).toBeDefined();
        const failing = playground.locator(`[data-exercise="${id}"] [data-check][data-check-state="fail"]`);
        await expect(failing.first()).toBeVisible();
        const hint = failing.first().locator('[data-check-hint]');
        await expect(hint).toBeVisible();
        expect(exercise!.checks.map((c) => c.hint)).toContain((await hint.textContent())?.trim());
      }

      // The suggested commands, clicked, print what the lesson shows.
      const click = async (command: string, expected: string) => {
        await playground.locator(`button[data-playground-command="${command.replace(/"/g, '\\"')}"]`).click();
        let out: string | undefined;
        await expect.poll(async () => (out = outputOf(await terminalText(playground), command)) !== undefined).toBe(true);
        expect(comparable(out!, command), `output of ${command}`).toBe(comparable(expected, command));
      };
      const shown = props.commands.map((command) => ({ command, ...expectedOutput(pairs, command, positions[i]!) }));
      for (const { command, output } of shown.filter((s) => s.above)) await click(command, output);
      const ownExercises = ids.map((id) => exercises.find((e) => e.id === id)!);
      for (const file of ownExercises.flatMap((e) => e.files ?? [])) {
        await writeFile(playground, file.name, file.content);
      }
      for (const { command, output } of shown.filter((s) => !s.above)) await click(command, output);

      // The solution, typed into the terminal (its files are in place), completes each exercise.
      for (const exercise of ownExercises) {
        const id = exercise.id;
        for (const line of exercise.solution) await type(playground, line);
        await expect(playground.locator(`[data-exercise="${id}"]`)).toHaveAttribute('data-exercise-state', 'done');
        checked.add(id);
      }
    }

    // Every exercise the lesson declares belongs to one of its playgrounds; every lesson has one.
    expect([...checked].sort()).toEqual(exercises.map((e) => e.id).sort());
    expect(exercises.length).toBeGreaterThan(0);
  });
}
