// klog's text header, as kubectl's -v=N lines carry it:
// `I1126 16:19:34.705462   15048 round_trippers.go:560] message`.

export type Severity = 'I' | 'W' | 'E' | 'F';

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

  /** klog.Fatalf's line (kubectl then exits 1). */
  fatal(source: string, message: string): void {
    this.sink(klogHeader('F', this.clock.now(), this.clock.pid, source) + message + '\n');
  }
}

const isPrint = (c: string) => c === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(c);
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Go's strconv.Quote over UTF-8 bytes: invalid bytes as \xNN, unprintable runes escaped. */
export function goQuote(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let out = '"';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const width = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    let c: string | undefined;
    if (width > 0 && i + width <= bytes.length) {
      try {
        c = decoder.decode(bytes.subarray(i, i + width));
      } catch {
        c = undefined;
      }
    }
    if (c === undefined) {
      out += `\\x${hex(b, 2)}`;
      i++;
      continue;
    }
    i += width;
    const code = c.codePointAt(0)!;
    if (c === '"' || c === '\\') out += '\\' + c;
    else if (isPrint(c)) out += c;
    else if (c === '\x07') out += '\\a';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + '"';
}

const utf8 = new TextEncoder();

/**
 * klog's text form of a string value: quoted on one line, or, when it holds a line break, as
 * `<` followed by each line indented with a tab and ` >` on a line of its own.
 */
export function klogValue(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? utf8.encode(value) : value;
  if (!bytes.includes(0x0a)) return goQuote(bytes);
  const text = new TextDecoder().decode(bytes);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return `<\n${body
    .split('\n')
    .map((l) => `\t${l}`)
    .join('\n')}\n >`;
}
