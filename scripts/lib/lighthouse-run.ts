// Lighthouse 12's performance category on its default (mobile) preset: a Moto G Power-sized
// screen, simulated slow 4G and 4× CPU slowdown. Each run is the lighthouse CLI in its own
// process with its own Chromium (scripts/lib/chromium.ts, given as CHROME_PATH), headless.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

const run = promisify(execFile);

export interface LighthouseFigures {
  /** 0–100. */
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The saved JSON report. */
  report: string;
  /** Lighthouse's own notes on what it saw, and where the score was lost. */
  diagnosis: string[];
}

interface Audit {
  numericValue?: number;
  score: number | null;
  displayValue?: string;
  title: string;
  details?: { type: string; items?: Record<string, unknown>[] };
}

interface Report {
  categories: { performance: { score: number; auditRefs: { id: string; weight: number }[] } };
  audits: Record<string, Audit>;
  runWarnings: string[];
}

/** Where the points went: metrics under a perfect score, then the diagnostics that point at causes. */
function diagnose(report: Report): string[] {
  const out = [...report.runWarnings.map((w) => `warning: ${w.replace(/\s*Learn more.*$/s, '')}`)];
  for (const ref of report.categories.performance.auditRefs) {
    const audit = report.audits[ref.id];
    if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
      out.push(`${audit.title}: ${audit.displayValue ?? ''} (metric score ${audit.score.toFixed(2)}, weight ${ref.weight})`);
  }
  const lcpElement = report.audits['largest-contentful-paint-element'];
  const lcpItems = lcpElement?.details?.items ?? [];
  for (const table of lcpItems) {
    const rows = (table as { items?: Record<string, unknown>[] }).items ?? [];
    for (const row of rows) {
      const node = row['node'] as { snippet?: string } | undefined;
      if (node?.snippet) out.push(`LCP element: ${node.snippet.slice(0, 120)}`);
      else if (row['phase']) out.push(`  LCP ${String(row['phase'])}: ${Math.round(Number(row['timing']))} ms`);
    }
  }
  for (const id of ['render-blocking-resources', 'bootup-time', 'mainthread-work-breakdown', 'long-tasks', 'font-display', 'unused-javascript']) {
    const audit = report.audits[id];
    if (!audit || audit.score === 1 || (audit.score === null && !audit.displayValue)) continue;
    const items = (audit.details?.items ?? []).slice(0, 3).map((i) => {
      const label = String(i['url'] ?? i['groupLabel'] ?? i['group'] ?? '').replace(/^https?:\/\/[^/]+/, '');
      const ms = i['wastedMs'] ?? i['total'] ?? i['duration'] ?? i['scripting'];
      return `${label}${ms !== undefined ? ` ${Math.round(Number(ms))} ms` : ''}`;
    });
    out.push(`${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}${items.length > 0 ? ` — ${items.join(', ')}` : ''}`);
  }
  return out;
}

async function lighthouse(url: string, outDir: string, name: string): Promise<LighthouseFigures> {
  mkdirSync(outDir, { recursive: true });
  const report = join(outDir, `${name}.report.json`);
  // Resolved here, not on import: a bench without Lighthouse runs where it is not installed.
  const cli = fileURLToPath(import.meta.resolve('lighthouse/cli/index.js'));
  await run(
    process.execPath,
    [cli, url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${report}`, `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: chromiumPath ?? process.env.CHROME_PATH }, maxBuffer: 16 * 1024 * 1024 },
  );
  const json = JSON.parse(readFileSync(report, 'utf8')) as Report;
  const value = (id: string) => json.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round(json.categories.performance.score * 100),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    report,
    diagnosis: diagnose(json),
  };
}

/** The run with the median score of `runs` (Lighthouse's advice for noisy machines). */
export async function medianLighthouse(url: string, runs: number, outDir: string, name: string): Promise<LighthouseFigures & { scores: number[] }> {
  const results: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouse(url, outDir, `${name}-${i + 1}`));
  const sorted = [...results].sort((a, b) => a.score - b.score || a.lcpMs - b.lcpMs);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, scores: results.map((r) => r.score) };
}
