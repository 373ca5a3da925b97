// klog's text header, as kubectl's -v=N lines carry it:
// `I1126 16:19:34.705462   15048 round_trippers.go:560] message`.

export type Severity = 'I' | 'W' | 'E';

export interface KlogClock {
  now(): Date;
  pid: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function klogHeader(severity: Severity, at: Date, pid: number, source: string): string {
  const micros = at.getMilliseconds() * 1000;
  return (
    `${severity}${pad(at.getMonth() + 1, 2)}${pad(at.getDate(), 2)} ` +
    `${pad(at.getHours(), 2)}:${pad(at.getMinutes(), 2)}:${pad(at.getSeconds(), 2)}.${pad(micros, 6)} ` +
    `${String(pid).padStart(7, ' ')} ${source}] `
  );
}

/** Collects log lines for stderr at the verbosity given with -v. */
export class Klog {
  readonly verbosity: number;
  private readonly clock: KlogClock;
  private readonly sink: (line: string) => void;

  constructor(verbosity: number, clock: KlogClock, sink: (line: string) => void) {
    this.verbosity = verbosity;
    this.clock = clock;
    this.sink = sink;
  }

  enabled(level: number): boolean {
    return this.verbosity >= level;
  }

  /** Log `message` at `level` from `source` (`file.go:line`); message may span lines. */
  info(level: number, source: string, message: string): void {
    if (!this.enabled(level)) return;
    this.sink(klogHeader('I', this.clock.now(), this.clock.pid, source) + message + '\n');
  }

  error(source: string, message: string): void {
    this.sink(klogHeader('E', this.clock.now(), this.clock.pid, source) + message + '\n');
  }
}

/** klog's structured value for a multi-line string: `body=<\n\t...\n >`. */
export function klogMultiline(key: string, value: string): string {
  if (!value.includes('\n')) return `${key}=${JSON.stringify(value)}`;
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  return `${key}=<\n${body
    .split('\n')
    .map((l) => `\t${l}`)
    .join('\n')}\n >`;
}
