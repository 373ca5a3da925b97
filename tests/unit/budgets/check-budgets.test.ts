// The size budgets can fail: a small built site on disk, weighed and checked, and the very
// command `npm test` runs, against it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { BUDGETS, KiB, type Budget, type BudgetName } from '../../../scripts/budgets.ts';
import { checkBudgets, verdictOf } from '../../../scripts/lib/budget-check.ts';
import { weighPages } from '../../../scripts/lib/page-weight.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Random text: gzip cannot shrink it much, so its gzip size is close to its length. */
const noise = (bytes: number) => `export const noise = "${randomBytes(bytes).toString('base64')}";\n`;

/** A built site: a prose page whose script imports `proseBytes` of noise, and a playground page. */
function site(proseBytes: number): string {
  const dist = mkdtempSync(join(tmpdir(), 'budget-site-'));
  dirs.push(dist);
  mkdirSync(join(dist, '_astro'));
  mkdirSync(join(dist, 'playground'));
  const write = (path: string, text: string) => writeFileSync(join(dist, path), text);
  write('_astro/page.js', 'import { noise } from "./noise.js";\nconsole.log(noise);\n');
  write('_astro/noise.js', noise(proseBytes));
  write('_astro/site.css', 'body { color: black; }\n');
  write('index.html', '<!doctype html><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script><p>prose</p>');
  write('_astro/element.js', 'const mount = () => import("./mount.js");\nexport { mount };\n');
  write('_astro/mount.js', `import { noise } from "./xterm.js";\nfunction mountPlayground() { return [noise, import("./editor.js")]; }\nexport { mountPlayground as m };\n`);
  write('_astro/xterm.js', noise(20 * KiB));
  write('_astro/editor.js', `import { noise } from "./monaco.js";\nfunction mountEditor() { return noise; }\nexport { mountEditor as e };\n`);
  write('_astro/monaco.js', noise(40 * KiB));
  write('playground/index.html', '<!doctype html><script type="module" src="/_astro/element.js"></script><api-playground></api-playground>');
  return dist;
}

const gz = (text: string) => gzipSync(text).length;

describe('size budgets', () => {
  test('pages are weighed by what they load: prose, terminal and editor apart', () => {
    const pages = weighPages(site(40 * KiB));
    const home = pages.find((p) => p.page === '/')!;
    const playground = pages.find((p) => p.page === '/playground/')!;
    expect(home.prose).toBeGreaterThan(40 * KiB);
    expect(home.terminal).toBeUndefined();
    expect(home.css).toBe(gz('body { color: black; }\n'));
    expect(playground.terminal).toBeGreaterThan(20 * KiB);
    expect(playground.terminal).toBeLessThan(40 * KiB);
    expect(playground.editor).toBeGreaterThan(40 * KiB);
    expect(playground.prose).toBeLessThan(KiB);
  });

  test('a page over a budget fails the check; a known miss only warns', () => {
    const pages = weighPages(site(40 * KiB));
    const real = checkBudgets(pages, BUDGETS);
    expect(real.failures.map((f) => [f.page, f.budget])).toEqual([['/', 'prose']]);

    const tiny: Record<BudgetName, Budget> = { ...BUDGETS, html: { what: 'HTML', limit: 10 } };
    expect(checkBudgets(pages, tiny).failures.filter((f) => f.budget === 'html').map((f) => f.page)).toEqual(['/', '/playground/']);

    const known: Record<BudgetName, Budget> = { ...tiny, html: { ...tiny.html, knownMiss: 'being cut' } };
    const report = checkBudgets(pages, known);
    expect(report.failures.some((f) => f.budget === 'html')).toBe(false);
    expect(report.warnings.map((w) => w.page)).toEqual(['/', '/playground/']);
  });

  test('the benchmarks read their verdicts off the same check, known misses included', () => {
    const pages = weighPages(site(40 * KiB));
    const known: Record<BudgetName, Budget> = { ...BUDGETS, terminal: { what: 'terminal', limit: 10, knownMiss: 'being cut' } };
    const report = checkBudgets(pages, known);
    expect(verdictOf(report, 'prose', '/')).toBe('over');
    expect(verdictOf(report, 'prose', '/playground/')).toBe('met');
    expect(verdictOf(report, 'prose')).toBe('over');
    expect(verdictOf(report, 'terminal', '/playground/')).toBe('known miss');
    expect(verdictOf(report, 'terminal')).toBe('known miss');
    expect(verdictOf(report, 'editor')).toBe('met');
  });

  test('the budget command exits non-zero over a budget and zero within', () => {
    const check = (dist: string) => spawnSync(process.execPath, ['scripts/check-budgets.ts', dist], { encoding: 'utf8' });
    const over = check(site(40 * KiB));
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/^over budget: \/: JavaScript a page loads before any playground starts is \d+\.\d KiB gz/m);
    const within = check(site(4 * KiB));
    expect(within.stderr).toBe('');
    expect(within.status).toBe(0);
  });
});
