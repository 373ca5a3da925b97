import { expect, test, type Page } from '@playwright/test';

test.use({ trace: 'off' });

/** Open Starlight's search dialog and type a query; returns the result links' hrefs. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('button[data-open-modal]').first().click();
  const input = page.getByRole('dialog').getByRole('textbox');
  await expect(input).toBeVisible();
  await input.fill(query);
  const results = page.getByRole('dialog').locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible();
  return results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('search finds Korean lessons by "집계 계층"', async ({ page }) => {
  await page.goto('/');
  const hrefs = await search(page, '집계 계층');
  expect(hrefs.some((href) => /^\/lessons\/01-why-extend\//.test(href))).toBe(true);
  expect(hrefs.every((href) => !href.startsWith('/en/'))).toBe(true);
});

test('search finds English lessons by "aggregation layer"', async ({ page }) => {
  await page.goto('/en/');
  const hrefs = await search(page, 'aggregation layer');
  expect(hrefs.some((href) => /^\/en\/lessons\/01-why-extend\//.test(href))).toBe(true);
  expect(hrefs.every((href) => href.startsWith('/en/'))).toBe(true);
});
