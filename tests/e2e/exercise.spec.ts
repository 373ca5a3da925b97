// Checked exercises on the built site, on lesson 09's final challenge in both languages: hints
// after a wrong command, done after the solution typed into the terminal, Solve from a fresh
// state, Reset back to todo, progress in the sidebar across reloads and its reset; and the same
// with service workers blocked (the cluster answers in the page).
import { expect, test, type Page } from '@playwright/test';
import { solutionFile } from '../lesson-source.ts';
import { openPlayground as open, terminalText, typeAtPrompt as type, writeFile } from './playground.ts';

const LESSON = 'lessons/09-summary-challenge';
const EXERCISE = 'register-custom-api';
const SOLUTION_FILE = solutionFile(LESSON.replace('lessons/', ''), EXERCISE, 'custom-apiservice.yaml');

const locales = [
  { name: 'ko', path: `/${LESSON}/`, done: '연습 완료', resetProgress: '진행 상황 초기화' },
  { name: 'en', path: `/en/${LESSON}/`, done: 'Exercise done', resetProgress: 'Reset my progress' },
];

const exercise = (page: Page) => page.locator(`section.exercise[data-exercise="${EXERCISE}"]`);
const checks = (page: Page) => exercise(page).locator('li[data-check]');
const sidebarBadge = (page: Page) => page.locator(`nav.sidebar [data-progress="${LESSON}"]`);

for (const mode of ['service worker', 'in the page'] as const) {
  test.describe(`exercises (${mode})`, () => {
    if (mode === 'in the page') test.use({ serviceWorkers: 'block' });

    for (const locale of locales) {
      test(`${locale.name}: hints after a wrong command, done after the typed solution, Reset, progress`, async ({ page }) => {
        test.setTimeout(120_000);
        await open(page, locale.path);
        if (mode === 'in the page') await expect(page.locator('api-playground')).toHaveAttribute('data-connection', 'page');

        // On load: todo, nothing checked against the learner yet, no hints.
        await expect(exercise(page)).toHaveAttribute('data-exercise-state', 'todo');
        await expect(checks(page)).toHaveCount(5);
        for (const li of await checks(page).all()) {
          await expect(li).toHaveAttribute('data-check-state', 'pending');
          await expect(li.locator('[data-check-hint]')).toBeHidden();
        }
        await expect(sidebarBadge(page)).toHaveText('0/1');
        await expect(page.locator('[data-progress="course"]')).toHaveText(/^0\/\d+$/);

        // A command that does not solve it: every check fails with its hint.
        await type(page, 'kubectl get inventories');
        for (const li of await checks(page).all()) {
          await expect(li).toHaveAttribute('data-check-state', 'fail');
          await expect(li.locator('[data-check-hint]')).toBeVisible();
        }

        // The starter file lacks spec.service: it exists, but the service checks fail.
        await type(page, 'kubectl apply -f custom-apiservice.yaml');
        await expect(checks(page).nth(0)).toHaveAttribute('data-check-state', 'pass');
        await expect(checks(page).nth(0).locator('[data-check-hint]')).toBeHidden();
        await expect(checks(page).nth(2)).toHaveAttribute('data-check-state', 'fail');

        // The solution, typed.
        await writeFile(page, 'custom-apiservice.yaml', SOLUTION_FILE);
        await type(page, 'kubectl apply -f custom-apiservice.yaml');
        await expect(checks(page).nth(3)).toHaveAttribute('data-check-state', 'pass');
        await expect(exercise(page)).toHaveAttribute('data-exercise-state', 'todo');
        await type(page, 'kubectl get inventories');
        expect(await terminalText(page)).toContain('ams1-a01');
        await expect(exercise(page)).toHaveAttribute('data-exercise-state', 'done');
        for (const li of await checks(page).all()) await expect(li).toHaveAttribute('data-check-state', 'pass');
        await expect(page.locator('[data-exercise-live]')).toHaveText(locale.done);
        await expect(sidebarBadge(page)).toHaveText('1/1');

        // Reset: the cluster is back to the scenario, so the exercise is todo again; progress stays.
        await page.locator('button[data-playground-reset]').click();
        await expect(exercise(page)).toHaveAttribute('data-exercise-state', 'todo');
        await expect(checks(page).nth(0)).toHaveAttribute('data-check-state', 'fail');
        await expect(sidebarBadge(page)).toHaveText('1/1');

        // Progress survives a reload and is shared with the other language.
        await page.reload();
        await expect(sidebarBadge(page)).toHaveText('1/1');
        const other = locales.find((l) => l !== locale)!;
        await page.goto(other.path);
        await expect(sidebarBadge(page)).toHaveText('1/1');
        await expect(page.locator('[data-progress="course"]')).toHaveText(/^1\/\d+$/);

        // Reset my progress.
        await page.locator('nav.sidebar button[data-progress-reset]').click();
        await expect(sidebarBadge(page)).toHaveText('0/1');
        await expect(page.locator('[data-progress="course"]')).toHaveText(/^0\/\d+$/);
        await page.reload();
        await expect(sidebarBadge(page)).toHaveText('0/1');
      });

      test(`${locale.name}: Solve from a fresh state shows and runs the solution`, async ({ page }) => {
        await open(page, locale.path);
        const solution = exercise(page).locator('ol[data-exercise-solution]');
        await expect(solution).toBeHidden();
        await exercise(page).locator('button[data-exercise-solve]').click();
        await expect(solution).toBeVisible();
        // The starter buffer is the learner's: Solve adds its file beside it and applies that.
        await expect(solution.locator('li').first()).toHaveText('kubectl apply -f solution-custom-apiservice.yaml');
        await expect(exercise(page)).toHaveAttribute('data-exercise-state', 'done');
        const text = await terminalText(page);
        expect(text).toContain('$ kubectl apply -f solution-custom-apiservice.yaml\napiservice.apiregistration.k8s.io/v1beta1.custom.example.com created');
        expect(text).toContain('$ kubectl get inventories');
        await expect(sidebarBadge(page)).toHaveText('1/1');
      });
    }
  });
}
