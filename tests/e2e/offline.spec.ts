// The built site offline after a first visit: lessons never opened, search and the playground's
// cluster all answer with the network cut; a new build replaces the offline copy once online.
// Paths are relative, so the spec also runs on a site built for a sub-folder (SITE_BASE).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { writeManifest } from '../../src/offline/manifest.ts';
import { runCommand, terminalText } from './playground.ts';

test.use({ trace: 'off' });

const DIST = 'dist';

/** Opens a page online and waits until the site's worker says it holds the whole build. */
async function firstVisit(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-offline', /^[0-9a-f]{16}$/, { timeout: 60_000 });
  return (await page.locator('html').getAttribute('data-offline')) ?? '';
}

/** Cuts the network, and checks it is cut for the worker too: a file it never kept cannot load. */
async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  const unknown = await page.evaluate(() => fetch('not-a-file-of-this-site.txt').then((r) => `answered ${r.status}`, () => 'failed'));
  expect(unknown).toBe('failed');
}

async function run(page: Page, line: string): Promise<string> {
  await runCommand(page, line);
  return terminalText(page);
}

test('after a first visit: a lesson never opened, search and the playground work offline', async ({ context }) => {
  // The first visit starts a playground, and its tab is closed: a new tab still finds the site.
  const first = await context.newPage();
  await firstVisit(first, 'en/playground/');
  await first.locator('api-playground input[data-playground-light-input]').focus();
  await expect(first.locator('api-playground')).toHaveAttribute('data-connection', 'worker', { timeout: 30_000 });
  await first.close();

  const page = await context.newPage();
  await context.setOffline(true);
  await page.goto('lessons/05-apiservice-vs-crd/');
  await goOffline(context, page);
  await expect(page.locator('h1')).toContainText('5');
  await expect(page.locator('main')).toContainText('CustomResourceDefinition');

  await page.locator('button[data-open-modal]').first().click();
  await page.getByRole('dialog').getByRole('textbox').fill('집계 계층');
  await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toBeVisible();

  // The Korean playground page, never opened either.
  await page.goto('playground/');
  await page.locator('api-playground input[data-playground-light-input]').focus();
  await expect(page.locator('api-playground')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page.locator('api-playground')).toHaveAttribute('data-connection', 'worker');
  const text = await run(page, 'kubectl get apiservice');
  expect(text).toMatch(/^v1beta1\.metrics\.k8s\.io +kube-system\/metrics-server +True/m);
});

test('a new build replaces the offline copy once the site is online again', async ({ context, page }) => {
  const lesson = 'lessons/07-everyday-commands/';
  const file = join(DIST, lesson, 'index.html');
  const original = readFileSync(file, 'utf8');
  const oldVersion = await firstVisit(page, lesson);
  try {
    // A rebuild that changes one page: the same manifest step the build runs, on the changed files.
    writeFileSync(file, original.replace('</main>', '<p id="rebuilt">rebuilt page</p></main>'));
    const { version } = writeManifest(DIST);
    expect(version).not.toBe(oldVersion);

    // Online: the browser finds the new worker on the next visit; it fills a cache for the new build.
    await page.reload();
    await expect(page.locator('#rebuilt')).toHaveText('rebuilt page');
    await expect(page.locator('html')).toHaveAttribute('data-offline', version, { timeout: 60_000 });
    const kept = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('apiservice-lab:')));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(new RegExp(`:${version}$`));

    await goOffline(context, page);
    await page.reload();
    await expect(page.locator('#rebuilt')).toHaveText('rebuilt page');
  } finally {
    writeFileSync(file, original);
    writeManifest(DIST);
  }
});

test('msw, told its last page is closing, leaves the site worker registered', async ({ page }) => {
  await firstVisit(page, './');
  const registered = await page.evaluate(async () => {
    const container = navigator.serviceWorker;
    const closed = new Promise<void>((resolve) => container.addEventListener('message', (event) => event.data?.type === 'CLIENT_CLOSED' && resolve()));
    // What msw's page code sends when its page goes; its worker then unregisters when no page is left.
    container.controller?.postMessage('CLIENT_CLOSE');
    await closed;
    return (await container.getRegistration())?.active?.scriptURL ?? 'none';
  });
  expect(registered).toMatch(/\/service-worker\.js$/);
});
