// Evaluates an exercise's checks against a cluster: its fetch handler (Request → Response, the
// sim's `createCluster().fetch`) for the state, and the requests the learner's kubectl sent for
// `request` checks. Pure: no DOM, no storage; the page decides when to call it.
import { deepEqual } from '../../lib/deep_equal.ts';
import { parseFieldPath, valueAt } from './field_path.ts';
import { kindOf, type Check, type ConditionCheck, type CountCheck, type Exercise, type ObservedRequest, type RequestCheck } from './types.ts';

export type ClusterFetch = (request: Request) => Promise<Response>;

/** The host the checks' reads are addressed to; the cluster ignores it. */
export const CHECK_ORIGIN = 'http://exercise.check';

export interface ExerciseResult {
  /** Every check passed. */
  done: boolean;
  /** One entry per check, in declared order. */
  checks: boolean[];
}

interface Read {
  status: number;
  body: unknown;
}

/** Reads a path once per evaluation, however many checks look at it. */
class Reader {
  private readonly cache = new Map<string, Promise<Read>>();
  private readonly fetch: ClusterFetch;

  constructor(fetch: ClusterFetch) {
    this.fetch = fetch;
  }

  get(path: string): Promise<Read> {
    let read = this.cache.get(path);
    if (!read) {
      read = this.load(path);
      this.cache.set(path, read);
    }
    return read;
  }

  private async load(path: string): Promise<Read> {
    let response: Response;
    try {
      response = await this.fetch(new Request(CHECK_ORIGIN + path, { headers: { Accept: 'application/json' } }));
    } catch {
      return { status: 0, body: undefined };
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  }
}

function pathOnly(pathOrUrl: string): string {
  try {
    return new URL(pathOrUrl, CHECK_ORIGIN).pathname;
  } catch {
    return pathOrUrl.split('?')[0] ?? pathOrUrl;
  }
}

function sawRequest(want: RequestCheck['request'], log: readonly ObservedRequest[]): boolean {
  const path = pathOnly(want.path);
  return log.some(
    (r) =>
      pathOnly(r.url) === path &&
      (want.method === undefined || r.method.toUpperCase() === want.method.toUpperCase()) &&
      (want.status === undefined || r.status === want.status),
  );
}

function conditionHolds(body: unknown, check: ConditionCheck): boolean {
  const conditions = valueAt(body, ['status', 'conditions']);
  if (!Array.isArray(conditions)) return false;
  const found: unknown = conditions.find((c: unknown) => valueAt(c, ['type']) === check.condition);
  if (found === undefined) return false;
  return valueAt(found, ['status']) === (check.status ?? 'True') && (check.reason === undefined || valueAt(found, ['reason']) === check.reason);
}

function countHolds(body: unknown, check: CountCheck): boolean {
  const items = valueAt(body, ['items']);
  if (!Array.isArray(items)) return false;
  if (check.count !== undefined && items.length !== check.count) return false;
  if (check.minCount !== undefined && items.length < check.minCount) return false;
  return true;
}

async function evaluateCheck(check: Check, reader: Reader, log: readonly ObservedRequest[]): Promise<boolean> {
  const c = kindOf(check);
  if (c.kind === 'request') return sawRequest(c.check.request, log);
  const read = await reader.get(c.check.path);
  if (c.kind === 'exists') return c.check.exists ? read.status === 200 : read.status === 404;
  if (read.status !== 200) return false;
  switch (c.kind) {
    case 'field': {
      const steps = parseFieldPath(c.check.field);
      const value = steps ? valueAt(read.body, steps) : undefined;
      return value !== undefined && deepEqual(value, c.check.equals);
    }
    case 'condition':
      return conditionHolds(read.body, c.check);
    case 'count':
      return countHolds(read.body, c.check);
  }
}

/** Evaluates every check of `exercise`; `log` is what the learner's kubectl sent. */
export async function evaluateExercise(exercise: Pick<Exercise, 'checks'>, fetch: ClusterFetch, log: readonly ObservedRequest[]): Promise<ExerciseResult> {
  const reader = new Reader(fetch);
  const checks = await Promise.all(exercise.checks.map((check) => evaluateCheck(check, reader, log)));
  return { done: checks.length > 0 && checks.every(Boolean), checks };
}
