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
