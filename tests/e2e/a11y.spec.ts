import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { homePages, lessonPages } from './course-pages.ts';

// WCAG 2.2 A and AA, as axe tags them (2.0, 2.1 and 2.2 rules at both levels).
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

// Traces of dozens of page loads cost more than the checks themselves.
test.use({ trace: 'off' });

/** Code frames become focusable regions when they scroll; their script does that once idle. */
function codeFramesSettled(): boolean {
  return [...document.querySelectorAll('pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'));
}

/** Switch the page to a theme the way Starlight's theme picker does. */
async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((value) => {
    localStorage.setItem('starlight-theme', value);
    document.documentElement.dataset.theme = value;
  }, theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// One test per language: each page is loaded once and audited in the light theme, then in the
// dark one.
for (const locale of ['ko', 'en'] as const) {
  test(`${locale} pages have no WCAG 2.2 A/AA violations in the light and dark themes`, async ({ page }) => {
    const pages = [...homePages, ...lessonPages].filter((p) => p.locale === locale);
    // Pages with a playground audit its terminal and editor too: allow a minute per page.
    test.setTimeout(pages.length * 60_000);
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    for (const coursePage of pages) {
      await test.step(coursePage.path, async () => {
        await page.goto(coursePage.path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        await page.waitForFunction(codeFramesSettled);
        expect.soft(await violations(page), `${coursePage.path} (light)`).toEqual([]);
        await useTheme(page, 'dark');
        expect.soft(await violations(page), `${coursePage.path} (dark)`).toEqual([]);
      });
    }
  });
}
