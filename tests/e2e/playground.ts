// The browser tests' hands on a playground: open a page and wait for its playground, type and run
// lines, read the terminal and the editor's files. A target is a page (its first <api-playground>,
// as document.querySelector finds it) or one playground's locator on a page that has several.
// Everything runs through the element's own start(), typed with the real PlaygroundElement.
import { expect, type Locator, type Page } from '@playwright/test';
import type { PlaygroundElement } from '../../src/playground/element.ts';

export type PlaygroundTarget = Page | Locator;

/** The playground a target means. */
export const playgroundOf = (target: PlaygroundTarget): Locator => ('goto' in target ? target.locator('api-playground').first() : target);

/**
 * Opens `path` (a path on the site, or a whole URL), starts its playground and waits until it is ready. When the
 * page is not yet controlled by a worker, msw may reload it once while starting: the element found
 * first can be detached, so this scrolls to whichever playground the page has now.
 */
export async function openPlayground(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(async () => {
    await page.locator('api-playground').first().scrollIntoViewIfNeeded({ timeout: 5_000 });
    // As a learner reaching for it would (a playground merely scrolled to stays light).
    await page.locator('api-playground').first().evaluate((el) => void (el as PlaygroundElement).start().catch(() => undefined));
    await expect(page.locator('api-playground').first()).toHaveAttribute('data-state', 'ready', { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}

/** Everything the terminal shows (read through xterm's buffer: its DOM holds only the visible rows). */
export function terminalText(target: PlaygroundTarget): Promise<string> {
  return playgroundOf(target).evaluate(async (el) => (await (el as PlaygroundElement).start()).terminal.text());
}

/**
 * The output of the last run of `line`: the rows between its prompt line and the next prompt;
 * undefined while `line` is not on the terminal or the next prompt has not come.
 */
export function outputOf(text: string, line: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.lastIndexOf(`$ ${line}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l === '$' || l.startsWith('$ '));
  return end < 0 ? undefined : rest.slice(0, end).join('\n');
}

/** Types `line` into the terminal through the store (as suggested-command buttons do) and runs it. */
export async function runCommand(target: PlaygroundTarget, line: string): Promise<void> {
  await playgroundOf(target).evaluate(async (el, line) => (await (el as PlaygroundElement).start()).store.runCommand(line), line);
}

/** Runs `line` as runCommand does, waits for the next prompt and returns the output between. */
export async function run(target: PlaygroundTarget, line: string): Promise<string> {
  await runCommand(target, line);
  let out: string | undefined;
  await expect
    .poll(async () => (out = outputOf(await terminalText(target), line)) !== undefined, { message: `"${line.slice(0, 200)}" and the prompt after it on the terminal` })
    .toBe(true);
  return out!;
}

/** Enters a line at the terminal's prompt as a learner would (pasted, then Enter), and waits for the next prompt. */
export async function typeAtPrompt(page: Page, line: string): Promise<void> {
  const before = await terminalText(page);
  await playgroundOf(page).evaluate(async (el, line) => (await (el as PlaygroundElement).start()).terminal.term.paste(line), line);
  await playgroundOf(page).locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => {
      const text = await terminalText(page);
      return text.length > before.length && /\n\$ ?$/.test(text + ' ') ? 'prompt' : 'running';
    })
    .toBe('prompt');
}

/** Puts a file in the editor's buffers, as a learner's edit would. */
export async function writeFile(target: PlaygroundTarget, name: string, content: string): Promise<void> {
  await playgroundOf(target).evaluate(async (el, [name, content]) => (await (el as PlaygroundElement).start()).store.files.set(name!, content!), [name, content]);
}

/** A file of the editor's buffers. */
export function readFile(target: PlaygroundTarget, name: string): Promise<string | undefined> {
  return playgroundOf(target).evaluate(async (el, name) => (await (el as PlaygroundElement).start()).store.files.get(name), name);
}

/** How kubectl reaches the cluster: `worker` (msw's service worker) or `page`. */
export function connectionMode(target: PlaygroundTarget): Promise<string> {
  return playgroundOf(target).evaluate(async (el) => (await (el as PlaygroundElement).start()).connection.mode);
}

/** Presses the playground's Reset and waits for the cluster to be back to its scenario. */
export async function reset(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.locator('[data-playground-status]')).toContainText('back to the');
}

/** The READY column of `kubectl get deployment web`. */
export const webReady = async (target: PlaygroundTarget) => (await run(target, 'kubectl get deployment web --no-headers')).split(/\s+/)[1];
