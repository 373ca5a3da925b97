// Time as the cluster sees it. Tests and the conformance suite pin it; the browser and the HTTP
// server use the wall clock.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: deterministic ages, metrics windows and timestamps. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: number | string) {
    this.ms = typeof start === 'string' ? Date.parse(start) : start;
  }
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** RFC 3339 with second precision, as metav1.Time marshals: 2026-11-26T16:40:00Z. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as metav1.MicroTime marshals: 2026-11-26T16:40:00.123000Z. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * RFC 3339 with nanoseconds and trailing zeros trimmed, as Go's time.RFC3339Nano writes it:
 * `nanosWithinMs` (0–999,999) is the part of the time below the millisecond.
 */
export function rfc3339Nano(ms: number, nanosWithinMs: number): string {
  const whole = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  const fraction = (((ms % 1000) * 1_000_000 + nanosWithinMs) / 1e9).toFixed(9).slice(2).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}Z`;
}

/**
 * A timestamp renewed every `periodMs` since `stamp`, as of `now`: the last renewal that is due.
 * The fraction of a second (a MicroTime's microseconds) is kept, as whole periods are added.
 */
export function lastRenewal(stamp: string, periodMs: number, now: number): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/.exec(stamp);
  if (!m) return stamp;
  const whole = Date.parse(`${m[1]}Z`);
  const due = Math.floor((now - whole) / periodMs);
  if (!(due > 0)) return stamp;
  return `${rfc3339(whole + due * periodMs).slice(0, -1)}${m[2] ?? ''}Z`;
}
