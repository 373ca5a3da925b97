// Go's time.Duration.String(), which metav1.Duration uses on the wire: `15s`, `15.007s`,
// `1m0.5s`, `800ms`. metrics-server's `window` field and its Table's WINDOW column print this.

function trimFraction(whole: number, fraction: number, digits: number): string {
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** A duration given in nanoseconds, formatted as Go formats it. */
export function goDurationFromNanos(nanos: number): string {
  const ns = Math.trunc(nanos);
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${trimFraction(Math.trunc(abs / 1e3), abs % 1e3, 3)}µs`;
  if (abs < 1e9) return `${sign}${trimFraction(Math.trunc(abs / 1e6), abs % 1e6, 6)}ms`;
  const totalSeconds = Math.trunc(abs / 1e9);
  const fraction = abs % 1e9;
  const hours = Math.trunc(totalSeconds / 3600);
  const minutes = Math.trunc((totalSeconds % 3600) / 60);
  const seconds = `${trimFraction(totalSeconds % 60, fraction, 9)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

/** A duration given in milliseconds. */
export const goDuration = (ms: number) => goDurationFromNanos(Math.round(ms * 1e6));
