// The Content-Security-Policy on the built site: every page carries it, the whole course works
// under it (Starlight's inline scripts, the terminal through the site's service worker, Monaco and its
// workers, Pagefind's search) without one violation, and it blocks what it is there to block.
// The `_headers` variant is exercised by a small server that sends its headers with the files.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { connectionMode, openPlayground, runCommand, terminalText } from './playground.ts';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * Records violations: the page's `securitypolicyviolation` events and every console message about
 * the policy from the page and its workers. Call before navigating.
 */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations?.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const messages: string[] = [];
  const fromConsole = (text: string) => {
    if (/Content.Security.Policy|Refused to/i.test(text)) messages.push(text);
  };
  page.on('console', (m) => fromConsole(m.text()));
  page.on('worker', (w) => w.on('console', (m) => fromConsole(`worker ${w.url()}: ${m.text()}`)));
  page.context().on('serviceworker', (w) => w.on('console', (m) => fromConsole(`service worker ${w.url()}: ${m.text()}`)));
  return async () => [...messages, ...(await page.evaluate(() => window.cspViolations ?? []))];
}

async function metaPolicy(page: Page): Promise<string> {
  const metas = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(metas).toHaveCount(1);
  return (await metas.getAttribute('content')) ?? '';
}

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name = '', ...sources]) => [name, sources]));
}

async function run(page: Page, line: string): Promise<string> {
  await runCommand(page, line);
  return terminalText(page);
}

const problems = (page: Page) => page.locator('.asl-editor__problems li');

/** Types a wrong type on line 9 of the lesson file: the YAML worker's schema check must mark it. */
async function schemaMarker(page: Page): Promise<void> {
  await expect(page.locator('.asl-editor')).toHaveAttribute('data-mode', 'monaco', { timeout: 30_000 });
  await expect(page.locator('.asl-editor .monaco-editor .view-lines')).toContainText('groupPriorityMinimum');
  await page.locator('.asl-editor .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < 9; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('versionPriority: high');
  await expect(problems(page)).toContainText(['Incorrect type. Expected "integer".']);
}

/** Starlight's search dialog (Pagefind, its WebAssembly and index fragments) finds a lesson. */
async function search(page: Page, query: string, expected: RegExp): Promise<void> {
  await page.locator('button[data-open-modal]').first().click();
  const input = page.getByRole('dialog').getByRole('textbox');
  await input.fill(query);
  const results = page.getByRole('dialog').locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs.some((href) => expected.test(href)), hrefs.join('\n')).toBe(true);
  await page.keyboard.press('Escape');
}

/** The whole playground session the policy must allow. */
async function playgroundSession(page: Page, origin = ''): Promise<void> {
  await openPlayground(page, `${origin}/en/playground/`);
  // Through the site's service worker (msw's inside it): kubectl's fetches to https://127.0.0.1:6443 pass connect-src.
  expect(await connectionMode(page)).toBe('worker');
  expect(await run(page, 'kubectl get apiservice v1beta1.metrics.k8s.io')).toMatch(/v1beta1\.metrics\.k8s\.io\s+kube-system\/metrics-server\s+True/);
  await schemaMarker(page);
  await search(page, 'aggregation layer', /^\/en\/lessons\/01-why-extend\//);
}

test.describe('the policy in each page', () => {
  test('every page has one policy, before any script; the same as _headers, which adds frame-ancestors', async ({ page, request }) => {
    const headers = await (await request.get('/_headers')).text();
    const header = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1] ?? '';
    for (const path of ['/', '/en/', '/lessons/01-why-extend/', '/en/playground/', '/404.html']) {
      const html = await (await request.get(path)).text();
      const meta = html.indexOf('http-equiv="Content-Security-Policy"');
      expect(meta, path).toBeGreaterThan(0);
      expect(meta, path).toBeLessThan(html.search(/<script\b/));
      await page.goto(path);
      const policy = await metaPolicy(page);
      expect(header).toBe(`${policy}; frame-ancestors 'none'`);
    }
  });

  test('no eval, no inline script but by hash, nothing loads by default', async ({ page }) => {
    await page.goto('/');
    const policy = directives(await metaPolicy(page));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    const script = policy.get('script-src') ?? [];
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src') ?? policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('frame-ancestors')).toBe(false); // ignored, with an error, in a <meta>
  });

  test('home page and prose lessons in both languages: no violation; the theme script ran', async ({ page }) => {
    const violations = await watchPolicy(page);
    for (const path of ['/', '/lessons/01-why-extend/', '/en/lessons/03-request-path/']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      // Starlight's theme script is inline: it runs only if its hash is in the policy.
      expect(await page.evaluate(() => typeof (window as unknown as { StarlightThemeProvider?: unknown }).StarlightThemeProvider)).toBe('object');
      await page.locator('starlight-theme-select select').first().selectOption('light');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    }
    expect(await violations()).toEqual([]);
  });

  test('playground: terminal through the service worker, a command, Monaco with a schema marker, search: no violation', async ({ page }) => {
    const violations = await watchPolicy(page);
    await playgroundSession(page);
    expect(await violations()).toEqual([]);
  });

  test('the policy bites: an injected inline script, an onclick and a string timer (eval) do not run', async ({ page }) => {
    const violations = await watchPolicy(page);
    await page.goto('/en/lessons/01-why-extend/');
    await page.waitForLoadState('load');
    // Injected as an attacker's markup would be. (page.evaluate itself runs through the debugger,
    // which may eval; the string timer is compiled later by the page, under its policy.)
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = [...(window.injectedRan ?? []), "script"];';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.injectedRan = [...(window.injectedRan ?? []), "onclick"];');
      document.body.append(button);
      button.click();
      (setTimeout as (code: string, ms: number) => number)('window.injectedRan = [...(window.injectedRan ?? []), "timer"];', 0);
    });
    const blocked = async () => (await violations()).map((v) => v.split(' ')[0]).filter((d) => d?.startsWith('script-src')).sort();
    await expect.poll(blocked).toEqual(['script-src', 'script-src-attr', 'script-src-elem']);
    expect(await page.evaluate(() => (window as unknown as { injectedRan?: string[] }).injectedRan ?? [])).toEqual([]);
  });
});

/** Serves dist/ as a static host would, with the headers `_headers` gives every path. */
async function serveWithHeaders(): Promise<Server> {
  const root = join(process.cwd(), 'dist');
  const rules = await readFile(join(root, '_headers'), 'utf8');
  expect(rules.split('\n')[0]).toBe('/*');
  const headers = Object.fromEntries(
    [...rules.matchAll(/^\s+([\w-]+):\s*(.+)$/gm)].map(([, name = '', value = '']) => [name, value]),
  );
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
    '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.wasm': 'application/wasm',
  };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

test.describe('the policy as a header (_headers)', () => {
  let server: Server | undefined;
  test.beforeAll(async () => {
    server = await serveWithHeaders();
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  test('the same session with the header on every file, workers included: no violation', async ({ page }) => {
    const origin = `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
    const response = await page.request.get(`${origin}/pagefind/pagefind-worker.js`);
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const violations = await watchPolicy(page);
    await playgroundSession(page, origin);
    expect(await violations()).toEqual([]);
  });
});
