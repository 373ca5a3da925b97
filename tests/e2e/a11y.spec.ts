import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { homePages, lessonPages } from './course-pages.ts';
import { checkText } from '../../src/playground/editor/semantic.ts';
import { SchemaChecker } from '../../src/playground/editor/schema/check.ts';
import type { PlaygroundElement, PlaygroundProps } from '../../src/playground/element.ts';
import { contrastRatio } from '../contrast.ts';

// WCAG 2.2 A and AA, as axe tags them (2.0, 2.1 and 2.2 rules at both levels).
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

// Traces of dozens of page loads cost more than the checks themselves.
test.use({ trace: 'off' });

const schema = new SchemaChecker(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'src', 'playground', 'editor', 'schema', 'kube.schema.json'), 'utf8')) as Record<string, unknown>);

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
  // The terminal and the editor repaint in their own theme on the next frames.
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
}

/**
 * Brings a playground fully to life, as a learner would leave it after a first try: terminal,
 * cluster, editor (Monaco with its markers) and diagram mounted, its first suggested command run
 * (so the terminal, the diagram and its request list have content) and its exercises checked
 * after it (so the hints of unmet checks show).
 */
async function bringToLife(playground: Locator): Promise<void> {
  await playground.scrollIntoViewIfNeeded();
  const props = JSON.parse((await playground.locator('script[data-playground-props]').textContent()) ?? '{}') as PlaygroundProps;
  await playground.evaluate(async (el, command) => {
    const running = await (el as PlaygroundElement).start();
    await running.panes;
    if (command) await running.store.runCommand(command);
    await running.exercises?.evaluate();
  }, props.commands[0]);

  const layout = props.layout;
  if (layout !== 'terminal') {
    const editor = playground.locator('.asl-editor');
    await expect(editor).toHaveAttribute('data-mode', 'monaco');
    await expect(editor.locator('.monaco-editor .view-line').first()).toBeAttached();
    const starter = props.files[0]?.content ?? '';
    if (starter !== '') await expect(editor.locator('.monaco-editor .view-lines')).toContainText(starter.split('\n')[0]!.trim());
    // The starter file's problems, as the plain editor's checks (YAML, schema, apiserver) find them.
    if (checkText(starter, { syntax: true, schema }).length > 0) {
      await expect(editor.locator('.asl-editor__problem').first()).toBeVisible();
      await expect(editor.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first()).toBeAttached();
    }
  }
  if (layout === 'full') await expect(playground.locator('.asl-diagram__log li[data-seq]').first()).toBeAttached();
  if (props.commands[0]) {
    const terminalText = await playground.evaluate(async (el) => (await (el as PlaygroundElement).start()).terminal.text());
    expect(terminalText).toContain(props.commands[0]);
    // Screen-reader mode: the screen's last line (the next prompt) is in the accessibility tree too.
    const lastLine = terminalText.split('\n').at(-1)!.trim();
    await expect(playground.locator('.xterm-accessibility-tree')).toContainText(lastLine);
  }
  if (props.commands[0] && (props.exercises ?? []).length > 0) await expect(playground.locator('section[data-exercise] li[data-check-state="pending"]')).toHaveCount(0);
}

/**
 * The diagram's SVG text, which axe leaves "incomplete" (it cannot tell what lies behind SVG
 * text): each text against the box it sits in, or else the playground's background.
 */
async function diagramTextContrast(page: Page): Promise<string[]> {
  const texts = await page.locator('.asl-diagram svg text').evaluateAll((els) =>
    els.map((text) => {
      const box = text.closest('g[data-node]')?.querySelector('rect');
      const backdrop = box ? getComputedStyle(box).fill : getComputedStyle(text.closest('api-playground')!).backgroundColor;
      return { text: text.textContent ?? '', fill: getComputedStyle(text).fill, backdrop };
    }),
  );
  return texts
    .map((t) => ({ ...t, ratio: contrastRatio(t.fill, t.backdrop) }))
    .filter((t) => t.ratio < 4.5)
    .map((t) => `diagram text "${t.text}": ${t.fill} on ${t.backdrop} is ${t.ratio.toFixed(2)}:1`);
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`).join(', ')}`);
}

// One test per language: each page is loaded once, its playgrounds brought to life, then audited
// in the light theme and in the dark one.
for (const locale of ['ko', 'en'] as const) {
  test(`${locale} pages, their playgrounds running, have no WCAG 2.2 A/AA violations in the light and dark themes`, async ({ page }) => {
    const pages = [...homePages, ...lessonPages].filter((p) => p.locale === locale);
    // Pages with a playground start its cluster, terminal, editor and diagram: allow a minute per page.
    test.setTimeout(pages.length * 60_000);
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    for (const coursePage of pages) {
      await test.step(coursePage.path, async () => {
        await page.goto(coursePage.path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        const playgrounds = page.locator('api-playground');
        for (let i = 0; i < (await playgrounds.count()); i++) await bringToLife(playgrounds.nth(i));
        await page.waitForFunction(codeFramesSettled);
        expect.soft([...(await violations(page)), ...(await diagramTextContrast(page))], `${coursePage.path} (light)`).toEqual([]);
        await useTheme(page, 'dark');
        expect.soft([...(await violations(page)), ...(await diagramTextContrast(page))], `${coursePage.path} (dark)`).toEqual([]);
      });
    }
  });
}

/** The first English lesson whose playground has every pane (editor, terminal, diagram) and exercises. */
function fullPlaygroundLesson(): string {
  const docs = join(import.meta.dirname, '..', '..', 'content', 'docs', 'en', 'lessons');
  const lesson = lessonPages.find((p) => p.locale === 'en' && /layout="full"[\s\S]*?check=|check=[\s\S]*?layout="full"/.test(readFileSync(join(docs, `${p.slug}.mdx`), 'utf8')));
  if (!lesson) throw new Error('no lesson has a full playground with exercises');
  return lesson.path;
}

/** Where the focus ring of the focused element, or of `ring` around it, is drawn, and in what colour. */
async function focusRing(page: Page, ring?: Locator): Promise<{ style: string; width: number; colour: string; backdrop: string } | undefined> {
  const target = ring ?? page.locator(':focus');
  return target.evaluate((el) => {
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none') return undefined;
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor, backdrop: getComputedStyle(el.closest('api-playground')!).backgroundColor };
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the playground's buttons, terminal and editor show a focus ring (${theme})`, async ({ page }) => {
    await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
    await page.goto(fullPlaygroundLesson());
    const playground = page.locator('api-playground').first();
    await bringToLife(playground);
    const controls: [string, Locator][] = [
      ['Reset', playground.locator('button[data-playground-reset]')],
      ['a suggested command', playground.locator('button[data-playground-command]').first()],
      ['a file tab', playground.locator('.asl-editor__tab[aria-selected="true"]')],
      ['Apply', playground.locator('.asl-editor__apply')],
      ['Solve', playground.locator('button[data-exercise-solve]').first()],
    ];
    // Keyboard focus, as :focus-visible sees it after a key press.
    await page.keyboard.press('Shift');
    for (const [name, control] of controls) {
      await control.focus();
      const ring = await focusRing(page);
      expect.soft(ring, name).toBeDefined();
      if (!ring) continue;
      expect.soft(ring.width, `${name}: outline width`).toBeGreaterThanOrEqual(2);
      expect.soft(contrastRatio(ring.colour, ring.backdrop), `${name}: ${ring.colour} on ${ring.backdrop}`).toBeGreaterThanOrEqual(3);
    }
    // The terminal and Monaco keep the focus in a hidden text field: their frame shows it.
    await playground.locator('.xterm-helper-textarea').focus();
    const terminalRing = await focusRing(page, playground.locator('.pg-terminal'));
    expect.soft(terminalRing, 'terminal').toBeDefined();
    if (terminalRing) expect.soft(contrastRatio(terminalRing.colour, terminalRing.backdrop), 'terminal ring').toBeGreaterThanOrEqual(3);
    await playground.locator('.asl-editor .monaco-editor .view-lines').click();
    const editorRing = await focusRing(page, playground.locator('.asl-editor__monaco'));
    expect.soft(editorRing, 'editor').toBeDefined();
    if (editorRing) expect.soft(contrastRatio(editorRing.colour, editorRing.backdrop), 'editor ring').toBeGreaterThanOrEqual(3);
  });
}
