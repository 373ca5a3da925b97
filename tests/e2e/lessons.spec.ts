import { expect, test } from '@playwright/test';
import { enLessonSlugs, homePages, koLessonSlugs, lessonPages, type Locale } from './course-pages.ts';

test.use({ trace: 'off' });

test('every lesson exists in both languages', () => {
  expect(koLessonSlugs.length).toBeGreaterThanOrEqual(11);
  expect(enLessonSlugs).toEqual(koLessonSlugs);
});

// One browser tab walks through all pages of a language: much faster than a tab per page.
for (const locale of ['ko', 'en'] as const satisfies Locale[]) {
  test(`every ${locale} page renders with its title and a link to the other language`, async ({ page: tab }) => {
    test.setTimeout(90_000);
    for (const page of [...homePages, ...lessonPages].filter((p) => p.locale === locale)) {
      await test.step(page.path, async () => {
        const response = await tab.goto(page.path);
        expect(response?.status()).toBe(200);
        await expect(tab.locator('html')).toHaveAttribute('lang', page.locale);
        await expect(tab.locator('h1').first()).toHaveText(page.title);

        // Starlight's language picker: one option per language, the other one pointing at the
        // same page in that language.
        const picker = tab.locator('starlight-lang-select select').first();
        await expect(picker).toBeAttached();
        const values = await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
        expect(values).toContain(page.otherPath);
        expect(values).toContain(page.path);
      });
    }
  });
}

test('the language picker takes you to the same lesson in the other language', async ({ page }) => {
  await page.goto('/lessons/03-request-path/');
  await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
  await expect(page).toHaveURL(/\/en\/lessons\/03-request-path\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a lesson page shows its commands, outputs and check-yourself tasks', async ({ page }) => {
  await page.goto('/en/lessons/04-metrics-server/');
  const main = page.locator('main');
  await expect(main.locator('pre', { hasText: 'kubectl top nodes -v=6' })).toBeVisible();
  await expect(main.locator('pre', { hasText: 'GET http://127.0.0.1:18300/apis/metrics.k8s.io/v1beta1/nodes 200 OK' })).toBeVisible();
  await expect(main.getByRole('complementary', { name: 'Check yourself' })).toBeVisible();
});

test('the aggregation diagram has a text alternative in each language', async ({ page }) => {
  await page.goto('/lessons/01-why-extend/');
  await expect(page.getByRole('img', { name: 'API 집계 계층 한눈에 보기' })).toBeVisible();
  await page.goto('/en/lessons/01-why-extend/');
  await expect(page.getByRole('img', { name: 'The API aggregation layer at a glance' })).toBeVisible();
});

test('the sidebar lists the lessons in order', async ({ page }) => {
  await page.goto('/en/lessons/01-why-extend/');
  const links = await page.locator('nav.sidebar a[href*="/lessons/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toEqual(enLessonSlugs.map((slug) => `/en/lessons/${slug}/`));
});
