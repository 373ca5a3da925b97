// Two browser timings of a playground page, in Debian's Chromium driven by Playwright:
//   terminal ready  from the playground becoming visible (an IntersectionObserver entry's time,
//                   no margin) to a typed character echoing at the prompt on screen, typed where a
//                   learner types (the light terminal's field until the full terminal has taken
//                   over, then xterm's), and on to the first command's output: the rest of
//                   `kubectl get ns` typed at once and Enter, to `kube-system` in xterm's rows. CPU
//                   throttled by CDP Emulation.setCPUThrottlingRate. Fresh browser context: the
//                   first visit (service worker installed on the way), then a reload (the worker in
//                   control).
//   round trip      a typed command to its output and the next prompt, through the service
//                   worker: from Enter's keydown reaching the page to the bare prompt landing in
//                   xterm's buffer (onWriteParsed; painted on the next frame). No throttling.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

declare global {
  interface Window {
    benchVisibleAt?: number;
    benchReadyAt?: number;
  }
}

/** Records when the first <api-playground> becomes visible and when it reports ready. */
function watchPlayground(): void {
  const watch = (el: Element) => {
    new IntersectionObserver((entries, observer) => {
      const seen = entries.find((e) => e.isIntersecting);
      if (seen && window.benchVisibleAt === undefined) {
        window.benchVisibleAt = seen.time;
        observer.disconnect();
      }
    }).observe(el);
    new MutationObserver(() => {
      if ((el as HTMLElement).dataset.state === 'ready' && window.benchReadyAt === undefined) window.benchReadyAt = performance.now();
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  };
  const found = document.querySelector('api-playground');
  if (found) return watch(found);
  const finder = new MutationObserver(() => {
    const el = document.querySelector('api-playground');
    if (el) {
      finder.disconnect();
      watch(el);
    }
  });
  finder.observe(document, { childList: true, subtree: true });
}

export interface ReadyTiming {
  /** Visible → typed character on screen, ms. */
  echoMs: number;
  /** Visible → the output of the first command (typed right after the character) on screen, ms. */
  outputMs: number;
  /** Visible → the element's data-state="ready" (terminal and cluster connected), ms. */
  readyMs: number;
  /** Times the character had to be typed again because the first keystroke was lost. */
  retypes: number;
  connection: string;
}

const MARK = 'k';
const COMMAND = 'kubectl get ns';
const OUTPUT = 'kube-system';

async function timeToEcho(page: Page): Promise<ReadyTiming> {
  await page.locator('api-playground').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.benchVisibleAt !== undefined);
  // Where a learner types: the light terminal's field, or xterm's once the full terminal is there.
  const field = page.locator('api-playground input[data-playground-light-input], api-playground .xterm-helper-textarea').first();
  await field.waitFor({ state: 'attached', timeout: 60_000 });
  await field.focus();
  let retypes = -1;
  let echoedAt: number | undefined;
  // A key typed before the terminal listens would be lost: then it is typed again.
  while (echoedAt === undefined && retypes < 3) {
    retypes++;
    await page.keyboard.type(MARK);
    // On screen: the light terminal's field, or the rows xterm has painted (the prompt is on the
    // last rows), polled every frame.
    const handle = await page
      .waitForFunction(
        (mark) => {
          const light = document.querySelector<HTMLInputElement>('api-playground input[data-playground-light-input]');
          if (light?.isConnected && light.value.endsWith(mark)) return performance.now();
          const rows = [...document.querySelectorAll('api-playground .xterm-rows > div')].map((r) => (r.textContent ?? '').trimEnd());
          return rows.some((r) => r.startsWith('$ ') && r.endsWith(mark)) ? performance.now() : undefined;
        },
        MARK,
        { timeout: 30_000, polling: 'raf' },
      )
      .catch(() => undefined);
    echoedAt = handle ? ((await handle.jsonValue()) as number) : undefined;
  }
  if (echoedAt === undefined) throw new Error('the terminal never echoed a typed character');
  if (retypes > 0) throw new Error('a keystroke was lost: the first command would not be the one timed');
  await page.keyboard.type(COMMAND.slice(MARK.length));
  await page.keyboard.press('Enter');
  const output = await page.waitForFunction(
    (text) => ([...document.querySelectorAll('api-playground .xterm-rows > div')].some((r) => (r.textContent ?? '').startsWith(text)) ? performance.now() : undefined),
    OUTPUT,
    { timeout: 60_000, polling: 'raf' },
  );
  const outputAt = (await output.jsonValue()) as number;
  await page.waitForFunction(() => window.benchReadyAt !== undefined, undefined, { timeout: 60_000 });
  const { visible, ready, connection } = await page.evaluate(() => ({
    visible: window.benchVisibleAt!,
    ready: window.benchReadyAt!,
    connection: document.querySelector<HTMLElement>('api-playground')?.dataset.connection ?? '',
  }));
  return { echoMs: echoedAt - visible, outputMs: outputAt - visible, readyMs: ready - visible, retypes, connection };
}

async function throttledPage(context: BrowserContext, rate: number): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(watchPlayground);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/** `runs` fresh contexts: the first visit, then a reload in the same context. */
export async function terminalReady(browser: Browser, url: string, runs: number, cpuRate: number): Promise<{ first: ReadyTiming[]; repeat: ReadyTiming[] }> {
  const first: ReadyTiming[] = [];
  const repeat: ReadyTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    try {
      const page = await throttledPage(context, cpuRate);
      await page.goto(url);
      first.push(await timeToEcho(page));
      await page.close();
      const again = await throttledPage(context, cpuRate);
      await again.goto(url);
      repeat.push(await timeToEcho(again));
    } finally {
      await context.close();
    }
  }
  return { first, repeat };
}

interface PlaygroundHandle {
  ready?: Promise<{
    terminal: { term: { onWriteParsed(fn: () => void): unknown; buffer: { active: { baseY: number; cursorY: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } } } };
    store: { onCommand(fn: (line: string, code: number) => void): unknown };
  }>;
}

declare global {
  interface Window {
    benchRoundTrip?: { enterAt: number; samples: number[]; failed: string[] };
  }
}

export interface RoundTrips {
  samples: number[];
  connection: string;
  /** Requests kubectl made during the timed commands, and how many the service worker answered. */
  requests: number;
  fromServiceWorker: number;
}

/** The commands typed, in turn: read-only, so the cluster and the output stay the same size. */
export const ROUND_TRIP_COMMANDS = ['kubectl get apiservice', 'kubectl get pods -A', 'kubectl top nodes', 'kubectl get apiservice v1beta1.metrics.k8s.io -o yaml'];

export async function roundTrips(browser: Browser, url: string, count: number, warmup = 8): Promise<RoundTrips> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    const playground = page.locator('api-playground').first();
    await playground.scrollIntoViewIfNeeded();
    await playground.locator('input[data-playground-light-input]').focus();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('api-playground')?.dataset.state === 'ready', undefined, { timeout: 60_000 });
    const connection = (await playground.getAttribute('data-connection')) ?? '';
    await page.evaluate(async () => {
      const el = document.querySelector('api-playground') as unknown as PlaygroundHandle;
      const mounted = await el.ready!;
      const term = mounted.terminal.term;
      const state = (window.benchRoundTrip = { enterAt: 0, samples: [] as number[], failed: [] as string[] });
      document.addEventListener('keydown', (e) => e.key === 'Enter' && (state.enterAt = performance.now()), true);
      term.onWriteParsed(() => {
        if (state.enterAt === 0) return;
        const buffer = term.buffer.active;
        if (buffer.getLine(buffer.baseY + buffer.cursorY)?.translateToString(true).trimEnd() !== '$') return;
        state.samples.push(performance.now() - state.enterAt);
        state.enterAt = 0;
      });
      mounted.store.onCommand((line, code) => code !== 0 && state.failed.push(`${line}: exit ${code}`));
    });
    let requests = 0;
    let fromServiceWorker = 0;
    let counting = false;
    page.on('response', (response) => {
      if (!counting || !response.url().startsWith('https://127.0.0.1:6443/')) return;
      requests++;
      if (response.fromServiceWorker()) fromServiceWorker++;
    });
    for (let i = 0; i < warmup + count; i++) {
      if (i === warmup) counting = true;
      await page.keyboard.type(ROUND_TRIP_COMMANDS[i % ROUND_TRIP_COMMANDS.length]!);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => window.benchRoundTrip!.samples.length === n, i + 1, { timeout: 30_000 });
    }
    const { samples, failed } = await page.evaluate(() => window.benchRoundTrip!);
    if (failed.length > 0) throw new Error(`commands failed in the round-trip run: ${failed.slice(0, 3).join('; ')}`);
    return { samples: samples.slice(warmup), connection, requests, fromServiceWorker };
  } finally {
    await context.close();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
