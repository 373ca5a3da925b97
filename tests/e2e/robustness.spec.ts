// The playground when things go wrong, on the built site: the service worker stopped or
// unregistered mid-session, a reload in the middle of an apply, two tabs writing at once,
// localStorage full before the playground starts, and learner-supplied strings (markup, terminal
// escapes, 10,000-character values) shown by every view. Nothing is lost that the page could
// keep, the terminal always takes the next command, and no learner string becomes markup.
import { expect, test, type Page } from '@playwright/test';
import type { PlaygroundElement } from '../../src/playground/element.ts';
import { openPlayground as open, outputOf, readFile, reset, run, terminalText, webReady, writeFile } from './playground.ts';

const PAGE = '/en/playground/';
const FILE = 'apiservice.yaml';

const openPlayground = (page: Page) => open(page, PAGE);

/** `kubectl apply -f -` of one object given as JSON, through echo and a pipe. */
const applyJSON = (object: unknown) => `echo '${JSON.stringify(object)}' | kubectl apply -f -`;

/** The Monaco editor showing the lesson's file. */
async function editorReady(page: Page): Promise<void> {
  await expect(page.locator('.asl-editor')).toHaveAttribute('data-mode', 'monaco', { timeout: 30_000 });
  await expect(page.locator('.asl-editor .monaco-editor .view-lines')).toContainText('groupPriorityMinimum');
}

/** Types a comment at the end of the editor's file, as a learner would. */
async function typeInEditor(page: Page, words: string): Promise<void> {
  await page.locator('.asl-editor .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`# ${words}`);
}

const editorFile = (page: Page) => readFile(page, FILE);

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (error) => console.error('page error:', error.message));
});

test('stopping or unregistering the service worker mid-session: the terminal goes on, nothing is lost', async ({ page }) => {
  await openPlayground(page);
  await expect(page.locator('api-playground')).toHaveAttribute('data-connection', 'worker');
  await reset(page);
  expect(await run(page, 'kubectl scale deployment web --replicas=3')).toBe('deployment.apps/web scaled');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  expect(await webReady(page)).toBe('3/3');

  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  expect(await run(page, 'kubectl scale deployment web --replicas=1')).toBe('deployment.apps/web scaled');
  expect(await webReady(page)).toBe('1/1');

  await page.reload();
  await openPlayground(page);
  expect(await webReady(page)).toBe('1/1');
});

test('a reload in the middle of an apply keeps the editor’s text and a whole cluster', async ({ page }) => {
  await openPlayground(page);
  await reset(page);
  await editorReady(page);
  await typeInEditor(page, 'learner-note-4242');
  await expect.poll(() => page.evaluate(() => Object.entries(localStorage).some(([k, v]) => k.startsWith('apiservice-lab:editor:') && v.includes('learner-note-4242')))).toBe(true);

  // Reload as soon as the apply has sent its first request about the object, before it finishes.
  const applying = page.waitForRequest((r) => r.url().includes('/apis/apiregistration.k8s.io/v1/apiservices/v1alpha1.demo.example.com'));
  await page.evaluate(() => {
    void (document.querySelector('api-playground') as unknown as PlaygroundElement).start().then((p) => p.store.runCommand('kubectl apply -f apiservice.yaml'));
  });
  await applying;
  await page.reload();
  await openPlayground(page);
  await editorReady(page);
  await expect(page.locator('.asl-editor .monaco-editor .view-lines')).toContainText('learner-note-4242');
  expect(await editorFile(page)).toContain('# learner-note-4242');

  // Whether or not the interrupted apply landed, the cluster is whole and takes it now.
  expect(await run(page, 'kubectl apply -f apiservice.yaml')).toMatch(/^apiservice\.apiregistration\.k8s\.io\/v1alpha1\.demo\.example\.com (created|configured|unchanged)$/);
  expect(await run(page, 'kubectl get apiservice v1alpha1.demo.example.com -o jsonpath={.spec.service.name}')).toBe('custom-api-server');
  expect(await run(page, 'kubectl get apiservice --no-headers | wc -l')).toBe('23');
});

test('two tabs applying different objects at once: both survive, in both tabs and after a reload', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openPlayground(a);
  await reset(a);
  await openPlayground(b);
  const objects = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { tab: name } } });
  const [outA, outB] = await Promise.all([run(a, applyJSON(objects('tab-a'))), run(b, applyJSON(objects('tab-b')))]);
  expect(outA).toBe('namespace/tab-a created');
  expect(outB).toBe('namespace/tab-b created');
  for (const page of [a, b]) expect(await run(page, 'kubectl get namespaces -l tab -o name')).toBe('namespace/tab-a\nnamespace/tab-b');
  await a.reload();
  await openPlayground(a);
  expect(await run(a, 'kubectl get namespaces -l tab -o name')).toBe('namespace/tab-a\nnamespace/tab-b');
  expect(await webReady(a)).toBe('2/2');
});

test('with localStorage full: the playground works, keeps the learner’s text in the page and says so', async ({ page }) => {
  await page.goto('/en/lessons/01-why-extend/');
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length >= 1) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return i;
  });
  expect(filled).toBeGreaterThan(0);

  await openPlayground(page);
  expect(await run(page, 'kubectl scale deployment web --replicas=3')).toBe('deployment.apps/web scaled');
  await expect(page.locator('[data-playground-status]')).toHaveText(/storage is full/);
  expect(await webReady(page)).toBe('3/3');

  await editorReady(page);
  await typeInEditor(page, 'kept-in-page');
  await expect(page.locator('.asl-editor .monaco-editor .view-lines')).toContainText('kept-in-page');
  expect(await editorFile(page)).toContain('# kept-in-page');
  // The terminal takes keys after the refused saves (history included).
  await page.locator('.xterm').click();
  await page.keyboard.type('kubectl get deployment web -o name');
  await page.keyboard.press('Enter');
  await expect.poll(async () => outputOf(await terminalText(page), 'kubectl get deployment web -o name')).toBe('deployment.apps/web');
});

test('learner strings never become markup and never break the terminal', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await openPlayground(page);
  await reset(page);
  const markup = '<img src=x onerror="window.__injected=1">';
  const long = 'L'.repeat(10_000);
  const namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: 'learner-strings',
      labels: { kind: 'learner' },
      annotations: { markup, ansi: '\u001b[6n\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b[?1049h', long },
    },
  };
  expect(await run(page, applyJSON(namespace))).toBe('namespace/learner-strings created');
  // Names that fail validation are echoed back in error messages, URLs and the request list.
  await run(page, `kubectl get apiservice '${markup}'`);
  await run(page, `kubectl get namespace '${markup}'`);
  for (const line of [
    'kubectl get namespace learner-strings --show-labels',
    'kubectl describe namespace learner-strings',
    'kubectl get namespace learner-strings -o yaml',
    'kubectl get namespace learner-strings -o jsonpath={.metadata.annotations.ansi}',
    'kubectl get namespace learner-strings -o jsonpath={.metadata.annotations.long}',
  ]) {
    await run(page, line);
  }
  // The editor's markers and problem list show the apiserver's words for a name with markup.
  await editorReady(page);
  await writeFile(
    page,
    FILE,
    `apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: "${markup.replace(/"/g, '\\"')}"\nspec:\n  group: "${markup.replace(/"/g, '\\"')}"\n  version: v1\n  groupPriorityMinimum: 1000\n  versionPriority: 15\n`,
  );
  await expect(page.locator('.asl-editor__problems li').first()).toBeVisible({ timeout: 30_000 });
  await run(page, 'kubectl apply -f apiservice.yaml');

  // Nothing became an element, nothing ran, no dialog opened.
  expect(await page.locator('img[src="x"], api-playground svg[onload]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  expect(dialogs).toBe(0);
  expect(await page.title()).not.toContain('pwned');
  await expect(page.locator('.asl-editor__problems')).toContainText('<img src=x');
  await expect(page.locator('[data-playground-diagram]')).toContainText('apiservices');

  // The escapes are shown, not run: the screen was not cleared, and the terminal answered nothing.
  const text = await terminalText(page);
  expect(text).toContain('^[[6n^[[2J^[[H^[]0;pwned^G^[[?1049h');
  expect(text).toContain('namespace/learner-strings created');
  expect(outputOf(text, 'kubectl get namespace learner-strings -o jsonpath={.metadata.annotations.long}')?.replace(/\n/g, '')).toBe(long);

  // The prompt came back and the next typed command runs.
  await page.locator('.xterm').click();
  await page.keyboard.type('kubectl get namespace learner-strings -o name');
  await page.keyboard.press('Enter');
  await expect.poll(async () => outputOf(await terminalText(page), 'kubectl get namespace learner-strings -o name')).toBe('namespace/learner-strings');
});
