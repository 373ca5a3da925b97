// npm run bench:size [-- DIST]: gzip bytes of JavaScript per built page (default dist/), split into
//   prose     what the page loads before any playground starts (its <script>s and their imports)
//   terminal  what a playground loads to run: the component's lazy import (xterm, kubectl, the
//             simulated cluster, msw) — "on demand" are the parts only some commands fetch (the
//             OpenAPI serving code and documents, help texts, other scenarios)
//   editor    Monaco, monaco-yaml and the diagram on the main thread; their workers apart
// Chunks are classified by the import graph: which entry (page script, `mountPlayground`,
// `mountEditor`, `mountDiagram`) first reaches them, static imports before dynamic ones.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(dist)) {
  console.error(`${dist} does not exist: run \`npm run build\` first`);
  process.exit(1);
}

const KiB = 1024;
const TARGETS = { prose: 30 * KiB, terminal: 300 * KiB, editor: 800 * KiB };

const gzCache = new Map<string, number>();
const gz = (text: string | Buffer) => gzipSync(text).length;
function gzFile(file: string): number {
  let n = gzCache.get(file);
  if (n === undefined) gzCache.set(file, (n = gz(readFileSync(file))));
  return n;
}

const sourceCache = new Map<string, string>();
const source = (file: string) => {
  let s = sourceCache.get(file);
  if (s === undefined) sourceCache.set(file, (s = existsSync(file) ? readFileSync(file, 'utf8') : ''));
  return s;
};

/** A URL in the page or a chunk, as a file in dist. */
function toFile(spec: string, from: string): string | undefined {
  if (/^(https?:)?\/\//.test(spec)) return undefined;
  const file = spec.startsWith('/') ? join(dist, spec) : resolve(dirname(from), spec);
  return existsSync(file) ? file : undefined;
}

interface Imports {
  static: string[];
  dynamic: string[];
  workers: string[];
}

const importCache = new Map<string, Imports>();
function importsOf(file: string, code = source(file)): Imports {
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
}

/** Static closure of `roots`. */
function closure(roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...importsOf(f).static);
  }
  return seen;
}

const exportsName = (file: string, name: string) => new RegExp(`\\bas ${name}\\b|export\\s*(?:async\\s+)?function ${name}\\b|\\b${name} as\\b`).test(source(file)) && /export\s*\{/.test(source(file));

/** Everything `roots` can load: static closures, then dynamic imports, until `stop` says no. */
function reachable(roots: Iterable<string>, stop: (file: string) => boolean): Set<string> {
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
}

const isOnDemand = (f: string) => /\/_astro\/(apis?__[^/]*|openapi\.[^/]*|texts\.[^/]*)\.js$/.test(f);

const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzFile(f), 0);
const minus = (a: Set<string>, ...b: Set<string>[]) => new Set([...a].filter((f) => !b.some((s) => s.has(f))));

function pages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') out.push(...pages(p));
    } else if (name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

interface Row {
  page: string;
  prose: number;
  terminal?: number;
  onDemand?: number;
  editor?: number;
  workers?: number;
}

const rows: Row[] = [];
for (const html of pages(dist)) {
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
  const prose = closure(entries);
  const row: Row = { page: '/' + relative(dist, html).replace(/index\.html$/, ''), prose: sum(prose) + inline };

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

const kib = (n: number | undefined) => (n === undefined ? '' : `${(n / KiB).toFixed(1)} KiB`);
const header = ['page', 'prose', 'terminal', 'terminal on demand', 'editor (main thread)', 'editor workers'];
const table = rows.map((r) => [r.page, kib(r.prose), kib(r.terminal), kib(r.onDemand), kib(r.editor), kib(r.workers)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`gzip JS per page, ${dist}`);
console.log(line(header));
for (const r of table) console.log(line(r));

const prosePages = rows.filter((r) => r.terminal === undefined);
const playgroundPages = rows.filter((r) => r.terminal !== undefined);
const max = (xs: number[]) => (xs.length === 0 ? 0 : Math.max(...xs));
const verdict = (n: number, target: number) => `${kib(n)} (target ≤ ${kib(target)}: ${n <= target ? 'met' : 'NOT met'})`;
console.log('');
console.log(`pages without a playground, largest: ${verdict(max(prosePages.map((r) => r.prose)), TARGETS.prose)}`);
if (playgroundPages.length > 0) {
  console.log(`terminal part (xterm + kubectl + sim + msw): ${verdict(max(playgroundPages.map((r) => r.terminal!)), TARGETS.terminal)}`);
  console.log(`  plus on demand (OpenAPI serving and documents, help texts: loaded only by the commands that need them): ${kib(max(playgroundPages.map((r) => r.onDemand!)))}`);
  console.log(`editor part, main thread (Monaco + monaco-yaml + diagram): ${verdict(max(playgroundPages.map((r) => r.editor!)), TARGETS.editor)}`);
  console.log(`  editor workers (off the main thread): ${kib(max(playgroundPages.map((r) => r.workers!)))}`);
}
