// npm run bench:size [-- DIST]: gzip bytes per built page (default dist/): HTML, CSS, and
// JavaScript split into prose, terminal and editor (see scripts/lib/page-weight.ts), with the
// budgets of scripts/budgets.ts beside the largest figures.
import { BUDGETS, type BudgetName } from './budgets.ts';
import { checkBudgets, verdictOf } from './lib/budget-check.ts';
import { formatTable, hasPlayground, kib, weighPages, type PageWeight } from './lib/page-weight.ts';

const dist = process.argv[2] ?? 'dist';
let rows: PageWeight[];
try {
  rows = weighPages(dist);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

console.log(`gzip bytes per page, ${dist}`);
console.log(
  formatTable([
    ['page', 'HTML', 'CSS', 'JS prose', 'terminal', 'terminal on demand', 'editor (main thread)', 'editor workers'],
    ...rows.map((r) => [r.page, kib(r.html), kib(r.css), kib(r.prose), kib(r.terminal), kib(r.onDemand), kib(r.editor), kib(r.workers)]),
  ]),
);

const largest = (part: Exclude<keyof PageWeight, 'page'>, of = rows) => Math.max(0, ...of.map((r) => r[part] ?? 0));
const report = checkBudgets(rows, BUDGETS);
const words = { met: 'met', over: 'NOT met', 'known miss': 'NOT met, known miss' } as const;
const verdict = (name: BudgetName) => `${kib(largest(name))} (budget ≤ ${kib(BUDGETS[name].limit)}: ${words[verdictOf(report, name)]})`;
const playgroundPages = rows.filter(hasPlayground);
console.log('');
console.log(`HTML, largest page: ${verdict('html')}`);
console.log(`CSS, largest page: ${verdict('css')}`);
console.log(`JS before any playground starts, largest page: ${verdict('prose')}`);
if (playgroundPages.length > 0) {
  console.log(`terminal part (xterm + kubectl + sim + msw): ${verdict('terminal')}`);
  console.log(`  plus on demand (OpenAPI serving and documents, help texts: loaded only by the commands that need them): ${kib(largest('onDemand', playgroundPages))}`);
  console.log(`editor part, main thread (Monaco + monaco-yaml + diagram): ${verdict('editor')}`);
  console.log(`  editor workers (off the main thread): ${kib(largest('workers', playgroundPages))}`);
}
