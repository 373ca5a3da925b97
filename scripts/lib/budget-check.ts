// Compares weighed pages with the size budgets: every page, every part it has.
import type { Budget, BudgetName } from '../budgets.ts';
import { kib, type PageWeight } from './page-weight.ts';

export interface BudgetResult {
  page: string;
  budget: BudgetName;
  bytes: number;
  limit: number;
  /** Set when the budget is a known miss: reported, not failed. */
  knownMiss?: string;
}

export interface BudgetReport {
  /** Over a budget: fails the check. */
  failures: BudgetResult[];
  /** Over a budget marked as a known miss. */
  warnings: BudgetResult[];
  /** Page × budget pairs checked. */
  checked: number;
}

export function checkBudgets(pages: readonly PageWeight[], budgets: Record<BudgetName, Budget>): BudgetReport {
  const report: BudgetReport = { failures: [], warnings: [], checked: 0 };
  for (const page of pages)
    for (const [name, budget] of Object.entries(budgets) as [BudgetName, Budget][]) {
      const bytes = page[name];
      if (bytes === undefined) continue;
      report.checked++;
      if (bytes <= budget.limit) continue;
      const result: BudgetResult = { page: page.page, budget: name, bytes, limit: budget.limit };
      if (budget.knownMiss) report.warnings.push({ ...result, knownMiss: budget.knownMiss });
      else report.failures.push(result);
    }
  return report;
}

/** One budget's outcome in a report: on one page, or (no page given) on every page that has the part. */
export function verdictOf(report: BudgetReport, budget: BudgetName, page?: string): 'met' | 'over' | 'known miss' {
  const matches = (r: BudgetResult) => r.budget === budget && (page === undefined || r.page === page);
  if (report.failures.some(matches)) return 'over';
  if (report.warnings.some(matches)) return 'known miss';
  return 'met';
}

export const describeResult = (r: BudgetResult, budgets: Record<BudgetName, Budget>) =>
  `${r.page}: ${budgets[r.budget].what} is ${kib(r.bytes)} gz, over its ${kib(r.limit)} budget by ${kib(r.bytes - r.limit)}`;
