// Size budgets for the built site, gzip bytes, checked by `npm test` (scripts/check-budgets.ts)
// and shown beside the figures by `npm run bench` and `npm run bench:size`. Every limit lives here.
//
// Each limit applies to every built page that has that part. HTML and CSS were measured first
// (largest page: 11.6 KiB HTML, 16.1 KiB CSS) and given room for the lessons' playgrounds and
// exercises; the JavaScript limits are the course's targets.
// `knownMiss` turns a failure into a printed warning: only for a miss being worked on, with why.

export interface Budget {
  /** What is counted, in words. */
  what: string;
  limit: number;
  knownMiss?: string;
}

export const KiB = 1024;

export type BudgetName = 'html' | 'css' | 'prose' | 'terminal' | 'editor';

export const BUDGETS: Record<BudgetName, Budget> = {
  html: { what: 'HTML of a page', limit: 20 * KiB },
  css: { what: 'CSS of a page (linked stylesheets and inline styles)', limit: 20 * KiB },
  prose: { what: 'JavaScript a page loads before any playground starts', limit: 30 * KiB },
  terminal: { what: 'terminal part: xterm, kubectl, the simulated cluster and msw', limit: 300 * KiB },
  editor: { what: 'editor part on the main thread: Monaco, monaco-yaml and the diagram', limit: 800 * KiB },
};
