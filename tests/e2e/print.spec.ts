import { expect, test } from '@playwright/test';

test.use({ trace: 'off' });

for (const path of ['/lessons/08-troubleshooting/', '/en/lessons/08-troubleshooting/']) {
  test(`${path} prints as a handout: commands and outputs, no site chrome`, async ({ page }) => {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });

    const main = page.locator('main');
    await expect(main.locator('pre', { hasText: 'kubectl scale deployment metrics-server -n kube-system --replicas=0' })).toBeVisible();
    await expect(main.locator('pre', { hasText: 'False (MissingEndpoints)' })).toBeVisible();
    await expect(main.locator('h1')).toBeVisible();

    for (const chrome of ['header.header', 'nav.sidebar', '.right-sidebar-container', 'starlight-theme-select', 'starlight-lang-select', 'site-search', '.pagination-links']) {
      for (const element of await page.locator(chrome).all()) await expect(element).toBeHidden();
    }

    // Long output lines wrap instead of running off the page.
    const overflowing = await main.locator('pre').evaluateAll((pres) => pres.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length);
    expect(overflowing).toBe(0);
  });
}
