// npm run test:budgets [-- DIST]: fails when any built page (default dist/) is over a size budget
// in scripts/budgets.ts. `npm test` runs it after the browser tests, on the site they built.
import { BUDGETS } from './budgets.ts';
import { checkBudgets, describeResult } from './lib/budget-check.ts';
import { weighPages } from './lib/page-weight.ts';

const dist = process.argv[2] ?? 'dist';
let report;
try {
  report = checkBudgets(weighPages(dist), BUDGETS);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
for (const w of report.warnings) console.warn(`warning (known miss: ${w.knownMiss}): ${describeResult(w, BUDGETS)}`);
for (const f of report.failures) console.error(`over budget: ${describeResult(f, BUDGETS)}`);
if (report.failures.length > 0) {
  console.error(`${report.failures.length} size budget(s) exceeded (limits in scripts/budgets.ts)`);
  process.exit(1);
}
console.log(`size budgets: ${report.checked} checks passed${report.warnings.length > 0 ? `, ${report.warnings.length} known miss(es)` : ''}`);
