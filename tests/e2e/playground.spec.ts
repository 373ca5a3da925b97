// The playground on the built site: the cluster behind msw's service worker (and, with service
// workers blocked, in the page), the terminal running our kubectl, state kept across reloads and
// tabs, Reset. Terminal text is read through xterm's buffer (its DOM holds only visible rows).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { PlaygroundElement } from '../../src/playground/element.ts';
import { openPlayground as open, outputOf, run, terminalText, webReady } from './playground.ts';

const PAGE = '/en/playground/';
const SERVER = 'https://127.0.0.1:6443';

// What kubectl 1.32 prints for the seed's cluster (the conformance suite checks ours against it).
const APISERVICE_LISTING = `NAME                              SERVICE                      AVAILABLE   AGE
v1.                               Local                        True        100d
v1.admissionregistration.k8s.io   Local                        True        100d
v1.apiextensions.k8s.io           Local                        True        100d
v1.apps                           Local                        True        100d
v1.authentication.k8s.io          Local                        True        100d
v1.authorization.k8s.io           Local                        True        100d
v1.autoscaling                    Local                        True        100d
v1.batch                          Local                        True        100d
v1.certificates.k8s.io            Local                        True        100d
v1.coordination.k8s.io            Local                        True        100d
v1.discovery.k8s.io               Local                        True        100d
v1.events.k8s.io                  Local                        True        100d
v1.flowcontrol.apiserver.k8s.io   Local                        True        100d
v1.networking.k8s.io              Local                        True        100d
v1.node.k8s.io                    Local                        True        100d
v1.policy                         Local                        True        100d
v1.rbac.authorization.k8s.io      Local                        True        100d
v1.scheduling.k8s.io              Local                        True        100d
v1.storage.k8s.io                 Local                        True        100d
v1beta1.custom.example.com        default/custom-api-server    True        30d
v1beta1.metrics.k8s.io            kube-system/metrics-server   True        90d
v2.autoscaling                    Local                        True        100d`;

const openPlayground = (page: Page) => open(page, PAGE);

/** Scales web as a learner would; the save after this write is what a reload must find. */
async function scaleWeb(page: Page, replicas: number): Promise<void> {
  expect(await run(page, `kubectl scale deployment web --replicas=${replicas}`)).toBe('deployment.apps/web scaled');
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => console.error('page error:', error.message));
});

test('the service worker controls the page and answers kubectl', async ({ page }) => {
  await openPlayground(page);
  await expect(page.locator('api-playground')).toHaveAttribute('data-connection', 'worker');
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
  expect(controller).toMatch(/\/service-worker\.js$/);

  const answered = page.waitForResponse((r) => r.url().startsWith(`${SERVER}/apis/apiregistration.k8s.io/v1/apiservices`));
  const out = await run(page, 'kubectl get apiservice');
  expect((await answered).fromServiceWorker()).toBe(true);
  expect(out).toBe(APISERVICE_LISTING);
  await expect(page.locator('[data-playground-mode]')).toHaveText('');
});

test('after a reload, the worker already in control answers kubectl, not the fallback', async ({ page }) => {
  await openPlayground(page);
  await expect(page.locator('api-playground')).toHaveAttribute('data-connection', 'worker');
  // At once, while the worker may still be copying the site for offline reading.
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/\/service-worker\.js$/);
  await page.locator('api-playground input[data-playground-light-input]').focus();
  await expect(page.locator('api-playground')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('api-playground')).toHaveAttribute('data-connection', 'worker');
  await expect(page.locator('[data-playground-mode]')).toHaveText('');

  const answered = page.waitForResponse((r) => r.url().startsWith(`${SERVER}/apis/apiregistration.k8s.io/v1/apiservices`));
  expect(await run(page, 'kubectl get apiservice')).toBe(APISERVICE_LISTING);
  expect((await answered).fromServiceWorker()).toBe(true);
});

test('typing at the prompt runs kubectl; the screen is in the accessibility tree', async ({ page }) => {
  await openPlayground(page);
  await page.locator('.xterm').click();
  await page.keyboard.type('kubectl get apiservice | grep -v Local');
  await page.keyboard.press('Enter');
  await expect.poll(async () => outputOf(await terminalText(page), 'kubectl get apiservice | grep -v Local')).toBe(
    APISERVICE_LISTING.split('\n').filter((l) => !l.includes('Local')).join('\n'),
  );
  await expect(page.locator('.xterm-accessibility-tree')).toContainText('kube-system/metrics-server');

  // Tab completes and stays in the terminal; Escape then Tab leaves it.
  const inTerminal = () => page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea') ?? false);
  await page.keyboard.type('kubectl get apiservice v1beta1.me');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await terminalText(page)).split('\n').pop()).toBe('$ kubectl get apiservice v1beta1.metrics.k8s.io');
  expect(await inTerminal()).toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await inTerminal()).toBe(false);
});

test('copy and paste', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await run(page, 'kubectl get apiservice v1beta1.metrics.k8s.io -o name');
  await page.locator('.xterm').click();
  await page.evaluate(async () => {
    const el = document.querySelector('api-playground') as unknown as PlaygroundElement;
    (await el.start()).terminal.term.selectAll();
  });
  await page.keyboard.press('Control+Shift+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('apiservice.apiregistration.k8s.io/v1beta1.metrics.k8s.io');

  await page.evaluate(() => navigator.clipboard.writeText('kubectl get apiservice v1beta1.custom.example.com'));
  await page.keyboard.press('Control+V');
  await expect.poll(async () => (await terminalText(page)).split('\n').pop()).toBe('$ kubectl get apiservice v1beta1.custom.example.com');
});

test('suggested command buttons type into the terminal', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'kubectl top nodes' }).click();
  await expect.poll(async () => outputOf(await terminalText(page), 'kubectl top nodes')).toMatch(/^NAME\s+CPU\(cores\)/);
  const out = outputOf(await terminalText(page), 'kubectl top nodes');
  expect(out).toContain('kind-control-plane');
});

test('the state survives a reload and Reset restores the scenario; history is kept', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.locator('[data-playground-status]')).toContainText('back to the');
  expect(await webReady(page)).toBe('2/2');
  await scaleWeb(page, 3);
  expect(await webReady(page)).toBe('3/3');

  await page.reload();
  await openPlayground(page);
  expect(await webReady(page)).toBe('3/3');
  // Up arrow recalls the last command from the saved history.
  await page.locator('.xterm').click();
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await terminalText(page)).split('\n').pop()).toBe('$ kubectl get deployment web --no-headers');
  await page.keyboard.press('Control+U');

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.locator('[data-playground-status]')).toContainText('back to the');
  expect(await webReady(page)).toBe('2/2');
  await page.reload();
  await openPlayground(page);
  expect(await webReady(page)).toBe('2/2');
});

test('two tabs see each other’s changes and never go back to an older state', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openPlayground(a);
  await a.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(a.locator('[data-playground-status]')).toContainText('back to the');
  await openPlayground(b);
  expect(await webReady(b)).toBe('2/2');

  await scaleWeb(a, 4);
  expect(await webReady(b)).toBe('4/4');
  await scaleWeb(b, 1);
  expect(await webReady(a)).toBe('1/1');
  await a.reload();
  await openPlayground(a);
  expect(await webReady(a)).toBe('1/1');
  await a.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(a.locator('[data-playground-status]')).toContainText('back to the');
  expect(await webReady(b)).toBe('2/2');
});

test('the terminal follows the site theme', async ({ page }) => {
  await openPlayground(page);
  const background = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('.xterm-scrollable-element') ?? document.body).backgroundColor);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await expect.poll(background).toBe('rgb(13, 17, 23)');
});

test('toolbar, terminal and suggested commands pass axe in both themes', async ({ page }) => {
  await openPlayground(page);
  await run(page, 'kubectl get apiservice');
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const result = await new AxeBuilder({ page })
      .include('api-playground .pg-toolbar')
      .include('api-playground .pg-terminal')
      .include('api-playground .pg-commands')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(result.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a playground scrolled to stays light until the learner reaches for it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto(PAGE);
  const playground = page.locator('api-playground');
  await playground.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  expect(await playground.getAttribute('data-state')).toBe(null);
  expect(scripts.filter((s) => /mount|terminal|xterm|host|browser\./.test(s))).toEqual([]);
  // A pointer on it (here, a suggested command) starts it.
  await playground.getByRole('button', { name: 'kubectl get apiservice' }).click();
  await expect(playground).toHaveAttribute('data-state', 'ready');
  await expect.poll(async () => outputOf(await terminalText(page), 'kubectl get apiservice')).toBe(APISERVICE_LISTING);
});

test('a page without a playground loads none of it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/en/'); // every lesson has a playground now; the home page has none
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => /mount|xterm|browser\.|Playground/.test(s))).toEqual([]);
  const css = await page.evaluate(async () => {
    const sheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((l) => l.href);
    const texts = await Promise.all(sheets.map((href) => fetch(href).then((r) => r.text())));
    return texts.join('\n') + [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
  });
  expect(css).not.toContain('.xterm');
  expect(css).not.toContain('.monaco-editor');
});

test.describe('with service workers blocked', () => {
  test.use({ serviceWorkers: 'block' });

  test('kubectl works through the in-page fallback, which says so', async ({ page }) => {
    await openPlayground(page);
    await expect(page.locator('api-playground')).toHaveAttribute('data-connection', 'page');
    await expect(page.locator('[data-playground-mode]')).toContainText('no service worker');
    expect(await run(page, 'kubectl get apiservice')).toBe(APISERVICE_LISTING);
    expect(await run(page, 'kubectl get apiservice v1beta1.metrics.k8s.io -o jsonpath={.spec.service.name}')).toBe('metrics-server');
  });

  test('the terminal echoes keys before kubectl and the cluster have loaded', async ({ page }) => {
    // No service worker, so page.route sees every chunk the page loads. Hold kubectl's chunk and
    // the cluster's (with its connection): the terminal must not need them.
    const held: string[] = [];
    let release = () => {};
    const holding = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/(host|kubectl_side)\.[^/]+\.js$/, async (route) => {
      held.push(new URL(route.request().url()).pathname);
      await holding;
      await route.continue();
    });
    await page.goto(PAGE);
    const playground = page.locator('api-playground');
    await playground.getByRole('textbox', { name: 'Terminal' }).focus();
    await page.keyboard.type('kubectl get apiservice v1.apps');
    await expect(playground.locator('.xterm-rows')).toContainText('$ kubectl get apiservice v1.apps');
    expect(held.map((path) => path.replace(/\.[^/.]+\.js$/, '')).sort()).toEqual(['/_astro/host', '/_astro/kubectl_side']);
    await page.keyboard.press('Enter');
    await expect(playground).toHaveAttribute('data-state', 'loading');
    release();
    await expect(playground).toHaveAttribute('data-state', 'ready');
    await expect
      .poll(async () => outputOf(await terminalText(page), 'kubectl get apiservice v1.apps'))
      .toBe('NAME      SERVICE   AVAILABLE   AGE\nv1.apps   Local     True        100d');
  });

  test('keys typed before the full terminal loads are all there afterwards, and the queued command runs', async ({ page }) => {
    // Hold the playground's own module: until it comes, only the light terminal is there.
    let release = () => {};
    const holding = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/mount\.[^/]+\.js$/, async (route) => {
      await holding;
      await route.continue();
    });
    await page.goto(PAGE);
    const playground = page.locator('api-playground');
    // Reached by keyboard, as any text field: Tab from the Reset button.
    await playground.getByRole('button', { name: 'Reset', exact: true }).focus();
    await page.keyboard.press('Tab');
    const field = playground.getByRole('textbox', { name: 'Terminal' });
    await expect(field).toBeFocused();
    await expect(field).toHaveAccessibleDescription(/Tab completes/);
    await page.keyboard.type('kubectl get nss');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kubectl get apiservice v1.app');
    await page.keyboard.press('Tab');
    await expect(playground.locator('[data-playground-light-out]')).toHaveText('$ kubectl get ns');
    await expect(field).toHaveValue('kubectl get apiservice v1.app');
    await expect(field).toBeFocused();
    expect(await playground.locator('.xterm').count()).toBe(0);

    release();
    await expect(playground).toHaveAttribute('data-state', 'ready');
    // The queued line ran; the partial line is at the prompt, completed by the pending Tab.
    await expect.poll(async () => outputOf(await terminalText(page), 'kubectl get ns')).toBe(
      'NAME              STATUS   AGE\ndefault           Active   100d\nkube-node-lease   Active   100d\nkube-public       Active   100d\nkube-system       Active   100d',
    );
    await expect.poll(async () => (await terminalText(page)).split('\n').pop()).toBe('$ kubectl get apiservice v1.apps');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea') ?? false)).toBe(true);
    // The light field is gone; the terminal's one text field (xterm's) has the focus.
    await expect(playground.locator('input[data-playground-light-input]')).toHaveCount(0);
    await expect(field).toBeFocused();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => outputOf(await terminalText(page), 'kubectl get apiservice v1.apps'))
      .toBe('NAME      SERVICE   AVAILABLE   AGE\nv1.apps   Local     True        100d');
  });

  // Here page.route sees every request the page makes (no worker answers them), so holding msw's
  // module holds the cluster's start.
  test('the terminal takes keys while the cluster starts; the command runs once it is up', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/browser\.[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(PAGE);
    const playground = page.locator('api-playground');
    await playground.getByRole('textbox', { name: 'Terminal' }).focus();
    const line = 'kubectl get apiservice v1beta1.metrics.k8s.io';
    await page.keyboard.type(line);
    await expect(playground.locator('.xterm-rows')).toContainText(`$ ${line}`);
    await page.keyboard.press('Enter');
    await expect(playground).toHaveAttribute('data-state', 'loading');
    release();
    await expect(playground).toHaveAttribute('data-state', 'ready');
    await expect
      .poll(async () => outputOf(await terminalText(page), line))
      .toBe('NAME                     SERVICE                      AVAILABLE   AGE\nv1beta1.metrics.k8s.io   kube-system/metrics-server   True        90d');
  });

  test('state survives a reload and Reset restores it', async ({ page }) => {
    await openPlayground(page);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(page.locator('[data-playground-status]')).toContainText('back to the');
    await scaleWeb(page, 3);
    await page.reload();
    await openPlayground(page);
    expect(await webReady(page)).toBe('3/3');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(page.locator('[data-playground-status]')).toContainText('back to the');
    expect(await webReady(page)).toBe('2/2');
  });
});
