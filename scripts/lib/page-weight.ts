// Gzip bytes per built page: its HTML, its CSS, and its JavaScript split into
//   prose     what the page loads before any playground starts (its <script>s and their imports)
//   terminal  what a playground loads to run: the component's lazy import (xterm, kubectl, the
//             simulated cluster, msw); "on demand" are the parts only some commands fetch (the
//             OpenAPI serving code and documents, help texts)
//   editor    Monaco, monaco-yaml and the diagram on the main thread; their workers apart
// Chunks are classified by the import graph: which entry (page script, `mountPlayground`,
// `mountEditor`, `mountDiagram`) first reaches them, static imports before dynamic ones.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { KiB } from '../budgets.ts';

export interface PageWeight {
  /** The page's path on the site, e.g. `/en/lessons/01-why-extend/`. */
  page: string;
  html: number;
  /** Stylesheets the page links (print included) and its inline <style>s. */
  css: number;
  prose: number;
  /** The rest only for pages with a playground. */
  terminal?: number;
  onDemand?: number;
  editor?: number;
  workers?: number;
}

interface Imports {
  static: string[];
  dynamic: string[];
  workers: string[];
}

const gz = (text: string | Buffer) => gzipSync(text).length;
const isOnDemand = (f: string) => /\/_astro\/(apis?__[^/]*|openapi\.[^/]*|texts\.[^/]*)\.js$/.test(f);
const minus = (a: Set<string>, ...b: Set<string>[]) => new Set([...a].filter((f) => !b.some((s) => s.has(f))));

/** The HTML pages of a built site, sorted (search index and assets apart). */
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') out.push(...htmlFiles(p));
    } else if (name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

/** Weighs every page of the site built in `distDir`. */
export function weighPages(distDir: string): PageWeight[] {
  const dist = resolve(distDir);
  if (!existsSync(dist)) throw new Error(`${dist} does not exist: build the site first (npm run build)`);

  const gzCache = new Map<string, number>();
  const gzFile = (file: string) => {
    let n = gzCache.get(file);
    if (n === undefined) gzCache.set(file, (n = gz(readFileSync(file))));
    return n;
  };
  const sourceCache = new Map<string, string>();
  const source = (file: string) => {
    let s = sourceCache.get(file);
    if (s === undefined) sourceCache.set(file, (s = existsSync(file) ? readFileSync(file, 'utf8') : ''));
    return s;
  };

  /** A URL in the page or a chunk, as a file in dist. */
  const toFile = (spec: string, from: string): string | undefined => {
    if (/^(https?:)?\/\//.test(spec)) return undefined;
    const file = spec.startsWith('/') ? join(dist, spec) : resolve(dirname(from), spec);
    return existsSync(file) ? file : undefined;
  };

  const importCache = new Map<string, Imports>();
  const importsOf = (file: string, code = source(file)): Imports => {
    const cached = importCache.get(file);
    if (cached && code === source(file)) return cached;
    const found: Imports = { static: [], dynamic: [], workers: [] };
    const add = (list: string[], spec: string | undefined) => {
      const f = spec && toFile(spec, file);
      if (f && f.endsWith('.js') && !list.includes(f)) list.push(f);
    };
    for (const m of code.matchAll(/\bfrom\s*["'`]([^"'`]+\.js)["'`]|\bimport\s*["'`]([^"'`]+\.js)["'`]/g)) add(found.static, m[1] ?? m[2]);
    for (const m of code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) add(found.dynamic, m[1]);
    for (const m of code.matchAll(/\bWorker\(\s*(?:new URL\(\s*)?["'`]([^"'`]+\.js)["'`]/g)) add(found.workers, m[1]);
    if (code === source(file)) importCache.set(file, found);
    return found;
  };

  /** Static closure of `roots`. */
  const closure = (roots: Iterable<string>): Set<string> => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length > 0) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      stack.push(...importsOf(f).static);
    }
    return seen;
  };

  /** Everything `roots` can load: static closures, then dynamic imports, until `stop` says no. */
  const reachable = (roots: Iterable<string>, stop: (file: string) => boolean): Set<string> => {
    const all = closure(roots);
    let frontier = [...all];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const f of frontier)
        for (const d of importsOf(f).dynamic)
          if (!all.has(d) && !stop(d))
            for (const c of closure([d]))
              if (!all.has(c)) {
                all.add(c);
                next.push(c);
              }
      frontier = next;
    }
    return all;
  };

  const exportsName = (file: string, name: string) =>
    new RegExp(`\\bas ${name}\\b|export\\s*(?:async\\s+)?function ${name}\\b|\\b${name} as\\b`).test(source(file)) && /export\s*\{/.test(source(file));
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzFile(f), 0);

  const rows: PageWeight[] = [];
  for (const html of htmlFiles(dist)) {
    const text = readFileSync(html, 'utf8');
    const entries = new Set<string>();
    let inline = 0;
    const inlineImports: string[] = [];
    for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1]!;
      if (/type="(application\/(ld\+)?json)"/.test(attrs)) continue;
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      if (src) {
        const f = toFile(src, html);
        if (f) entries.add(f);
      } else if (m[2]!.trim() !== '') {
        inline += gz(m[2]!);
        for (const i of importsOf(html, m[2]!).static) inlineImports.push(i);
      }
    }
    for (const m of text.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
      const f = toFile(m[1]!, html);
      if (f) entries.add(f);
    }
    for (const i of inlineImports) entries.add(i);

    const stylesheets = new Set<string>();
    for (const m of text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
      const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
      const f = href && toFile(href, html);
      if (f) stylesheets.add(f);
    }
    let inlineStyle = 0;
    for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) if (m[1]!.trim() !== '') inlineStyle += gz(m[1]!);

    const prose = closure(entries);
    const row: PageWeight = {
      page: '/' + relative(dist, html).replace(/index\.html$/, ''),
      html: gz(text),
      css: sum(stylesheets) + inlineStyle,
      prose: sum(prose) + inline,
    };

    // A playground page: some chunk it loads dynamically exports mountPlayground.
    const mounts = [...reachable(prose, () => false)].filter((f) => exportsName(f, 'mountPlayground'));
    if (mounts.length > 0) {
      const isEditor = (f: string) => exportsName(f, 'mountEditor') || exportsName(f, 'mountDiagram');
      const terminalAll = minus(reachable(mounts, isEditor), prose);
      // Loaded only when a command asks: the OpenAPI serving code and documents (apply, explain),
      // kubectl's help texts (--help). msw and the scenario load at startup, so they count there.
      const onDemand = new Set([...terminalAll].filter(isOnDemand));
      const startup = minus(terminalAll, onDemand);
      const editorEntries = [...reachable(mounts, () => false)].filter(isEditor);
      const editor = minus(reachable(editorEntries, () => false), prose, terminalAll);
      const workerRoots = [...editor, ...startup].flatMap((f) => importsOf(f).workers);
      const workers = minus(reachable(workerRoots, () => false), prose, startup);
      Object.assign(row, { terminal: sum(startup), onDemand: sum(onDemand), editor: sum(editor), workers: sum(workers) });
    }
    rows.push(row);
  }
  return rows;
}

export const hasPlayground = (row: PageWeight) => row.terminal !== undefined;

export const kib = (n: number | undefined) => (n === undefined ? '' : `${(n / KiB).toFixed(1)} KiB`);

/** Columns padded to their widest cell; the first `leftColumns` left-aligned, the rest right-aligned. */
export function formatTable(rows: string[][], leftColumns = 1): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((cells) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}
