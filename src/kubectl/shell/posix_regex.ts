// POSIX basic and extended regular expressions, with GNU's extensions, as GNU grep reads them,
// translated to JavaScript RegExp source. Errors and warnings carry GNU grep's wording.

export type RegexSyntax = 'basic' | 'extended';

export type CompiledPattern =
  | { ok: true; source: string; groups: number; warnings: string[] }
  | { ok: false; error: string };

const WORD_CHAR = '[\\p{L}\\p{N}_]';
const NOT_WORD_CHAR = '[^\\p{L}\\p{N}_]';
const RE_DUP_MAX = 0x7fff;

const CHARACTER_CLASSES: Readonly<Record<string, string>> = {
  alpha: '\\p{L}',
  digit: '0-9',
  alnum: '\\p{L}\\p{N}',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: '\\x20-\\x7e\\u00a0-\\u{10ffff}',
  graph: '\\x21-\\x7e\\u00a1-\\u{10ffff}',
  cntrl: '\\p{Cc}',
  xdigit: '0-9A-Fa-f',
};

class PatternError extends Error {}

const escapeLiteral = (ch: string) => (/[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch);
// Inside a class only these need a backslash; others may not have one under the `u` flag.
const escapeInClass = (ch: string) => (/[\\\]\[^-]/.test(ch) ? `\\${ch}` : ch);

/** One atom with what quantifies it; a second quantifier wraps the first in a group. */
type Piece = { source: string; quantified: boolean };

class PatternParser {
  private readonly pattern: string;
  private readonly extended: boolean;
  private pos = 0;
  private groups = 0;
  private closedGroups = 0;
  private readonly groupOffset: number;
  readonly warnings: string[] = [];

  constructor(pattern: string, syntax: RegexSyntax, groupOffset: number) {
    this.pattern = pattern;
    this.extended = syntax === 'extended';
    this.groupOffset = groupOffset;
  }

  get groupCount(): number {
    return this.groups;
  }

  parse(): string {
    const source = this.alternation(0);
    if (this.pos < this.pattern.length) throw new PatternError('Unmatched ) or \\)');
    return source;
  }

  private peek(offset = 0): string | undefined {
    return this.pattern[this.pos + offset];
  }

  private atGroupClose(): boolean {
    return this.extended ? this.peek() === ')' : this.peek() === '\\' && this.peek(1) === ')';
  }

  private atAlternation(): boolean {
    return this.extended ? this.peek() === '|' : this.peek() === '\\' && this.peek(1) === '|';
  }

  private alternation(depth: number): string {
    const branches = [this.sequence(depth)];
    while (this.atAlternation()) {
      this.pos += this.extended ? 1 : 2;
      branches.push(this.sequence(depth));
    }
    return branches.join('|');
  }

  private sequence(depth: number): string {
    const pieces: Piece[] = [];
    const sequenceStart = this.pos;
    while (this.pos < this.pattern.length) {
      if (this.atAlternation()) break;
      if (this.atGroupClose()) {
        if (depth > 0) break;
        if (this.extended) {
          // An unmatched `)` in an extended expression is an ordinary character.
          this.pos += 1;
          pieces.push({ source: '\\)', quantified: false });
          continue;
        }
        throw new PatternError('Unmatched ) or \\)');
      }
      if (this.quantifier(pieces, this.pos === sequenceStart || onlyAnchors(pieces))) continue;
      pieces.push(this.atom(depth, pieces.length === 0));
    }
    return pieces.map((piece) => piece.source).join('');
  }

  /** Reads a quantifier if one is here and applies it to the last piece. */
  private quantifier(pieces: Piece[], atStart: boolean): boolean {
    const ch = this.peek();
    let suffix: string | undefined;
    let length = 1;
    let name = ch;
    if (ch === '*') suffix = '*';
    else if (this.extended && (ch === '+' || ch === '?')) suffix = ch;
    else if (!this.extended && ch === '\\' && (this.peek(1) === '+' || this.peek(1) === '?')) {
      suffix = this.peek(1);
      name = suffix;
      length = 2;
    } else if ((this.extended && ch === '{') || (!this.extended && ch === '\\' && this.peek(1) === '{')) {
      const interval = this.interval();
      if (interval === undefined) return false;
      suffix = interval.suffix;
      length = interval.length;
      name = '{...}';
    }
    if (suffix === undefined) return false;
    if (atStart) {
      // In a basic expression a leading `*` is literal; in an extended one it applies to nothing.
      if (!this.extended && ch === '*') return false;
      if (!this.extended) return false;
      this.warnings.push(`${name} at start of expression`);
      this.pos += length;
      return true;
    }
    this.pos += length;
    const last = pieces[pieces.length - 1]!;
    const base = last.quantified ? `(?:${last.source})` : last.source;
    pieces[pieces.length - 1] = { source: base + suffix, quantified: true };
    return true;
  }

  /** Reads `{m}`, `{m,}`, `{,n}`, `{m,n}` (with backslashes in basic syntax). */
  private interval(): { suffix: string; length: number } | undefined {
    const open = this.extended ? '{' : '\\{';
    const close = this.extended ? '}' : '\\}';
    const start = this.pos + open.length;
    const end = this.pattern.indexOf(close, start);
    if (end < 0) {
      if (this.extended) return undefined; // GNU reads a lone `{` literally
      throw new PatternError('Unmatched \\{');
    }
    const body = this.pattern.slice(start, end);
    const match = /^([0-9]*)(,([0-9]*))?$/.exec(body);
    if (!match || (match[1] === '' && match[2] === undefined)) {
      if (this.extended) return undefined;
      throw new PatternError('Invalid content of \\{\\}');
    }
    const min = match[1] === '' ? 0 : Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    if (max < min) throw new PatternError('Invalid content of \\{\\}');
    if (min > RE_DUP_MAX || (max !== Infinity && max > RE_DUP_MAX)) throw new PatternError('Regular expression too big');
    const suffix = match[2] === undefined ? `{${min}}` : max === Infinity ? `{${min},}` : `{${min},${max}}`;
    return { suffix, length: end + close.length - this.pos };
  }

  private atom(depth: number, first: boolean): Piece {
    const ch = this.peek()!;
    const literal = (text: string): Piece => ({ source: text, quantified: false });
    if (ch === '.') {
      this.pos += 1;
      return literal('[^\\n]');
    }
    if (ch === '[') return literal(this.bracket());
    if (ch === '^') {
      this.pos += 1;
      return literal(this.extended || first ? '^' : '\\^');
    }
    if (ch === '$') {
      this.pos += 1;
      const atEnd = this.pos === this.pattern.length || this.atGroupClose() || this.atAlternation();
      return literal(this.extended || atEnd ? '$' : '\\$');
    }
    if (this.extended && ch === '(') {
      this.pos += 1;
      return literal(this.group(depth));
    }
    if (ch === '\\') {
      const next = this.peek(1);
      if (next === undefined) throw new PatternError('Trailing backslash');
      if (!this.extended && next === '(') {
        this.pos += 2;
        return literal(this.group(depth));
      }
      this.pos += 2;
      return literal(this.escape(next));
    }
    const codePoint = String.fromCodePoint(this.pattern.codePointAt(this.pos)!);
    this.pos += codePoint.length;
    return literal(escapeLiteral(codePoint));
  }

  private group(depth: number): string {
    this.groups += 1;
    const inner = this.alternation(depth + 1);
    if (!this.atGroupClose()) throw new PatternError('Unmatched ( or \\(');
    this.pos += this.extended ? 1 : 2;
    this.closedGroups += 1;
    return `(${inner})`;
  }

  private escape(next: string): string {
    if (/[1-9]/.test(next)) {
      if (Number(next) > this.closedGroups) throw new PatternError('Invalid back reference');
      return `\\${Number(next) + this.groupOffset}`;
    }
    switch (next) {
      case 'w': return WORD_CHAR;
      case 'W': return NOT_WORD_CHAR;
      case 's': return '\\s';
      case 'S': return '\\S';
      case 'b': return `(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`;
      case 'B': return `(?:(?<=${WORD_CHAR})(?=${WORD_CHAR})|(?<!${WORD_CHAR})(?!${WORD_CHAR}))`;
      case '<': return `(?<!${WORD_CHAR})(?=${WORD_CHAR})`;
      case '>': return `(?<=${WORD_CHAR})(?!${WORD_CHAR})`;
      case '`': return '^';
      case "'": return '$';
      default: return escapeLiteral(next);
    }
  }

  /** A bracket expression, from `[` to its closing `]`. */
  private bracket(): string {
    const start = this.pos;
    let i = this.pos + 1;
    let negated = false;
    if (this.pattern[i] === '^') {
      negated = true;
      i += 1;
    }
    // A `[` or `[^` ending the pattern is reported differently from a longer unclosed one.
    if (i >= this.pattern.length) throw new PatternError('Invalid regular expression');
    const unmatched = () => new PatternError('Unmatched [, [^, [:, [., or [=');
    let body = '';
    let first = true;
    let previousChar: string | undefined; // the last single character, the start of a range
    while (true) {
      if (i >= this.pattern.length) throw unmatched();
      const ch = this.pattern[i]!;
      if (ch === ']' && !first) break;
      first = false;
      if (ch === '[' && (this.pattern[i + 1] === ':' || this.pattern[i + 1] === '=' || this.pattern[i + 1] === '.')) {
        const kind = this.pattern[i + 1]!;
        const close = this.pattern.indexOf(`${kind}]`, i + 2);
        if (close < 0) throw unmatched();
        const name = this.pattern.slice(i + 2, close);
        i = close + 2;
        if (kind === ':') {
          const cls = Object.hasOwn(CHARACTER_CLASSES, name) ? CHARACTER_CLASSES[name] : undefined;
          if (cls === undefined) throw new PatternError('Invalid character class name');
          body += cls;
          previousChar = undefined;
        } else {
          body += [...name].map(escapeInClass).join(''); // [=x=] and [.x.]: the character itself
          previousChar = name;
        }
        continue;
      }
      const codePoint = String.fromCodePoint(this.pattern.codePointAt(i)!);
      i += codePoint.length;
      if (codePoint === '-' && previousChar !== undefined && this.pattern[i] !== ']' && i < this.pattern.length) {
        const endPoint = String.fromCodePoint(this.pattern.codePointAt(i)!);
        if (endPoint === '[') throw unmatched();
        i += endPoint.length;
        if (endPoint.codePointAt(0)! < previousChar.codePointAt(0)!) throw new PatternError('Invalid range end');
        body += `-${escapeInClass(endPoint)}`;
        previousChar = undefined;
        continue;
      }
      body += escapeInClass(codePoint);
      previousChar = codePoint;
    }
    const text = this.pattern.slice(start, i + 1);
    if (/^\[:.*:\]$/.test(text) && text.length > 4) {
      throw new PatternError('character class syntax is [[:space:]], not [:space:]');
    }
    this.pos = i + 1;
    if (body === '') return negated ? '[^]' : '[]';
    return negated ? `[^${body}\\n]` : `[${body}]`;
  }
}

function onlyAnchors(pieces: readonly Piece[]): boolean {
  return pieces.length > 0 && pieces.every((piece) => piece.source === '^');
}

/** Compiles one grep pattern (one line of PATTERNS). groupOffset shifts its back-references. */
export function compilePosixPattern(pattern: string, syntax: RegexSyntax, groupOffset = 0): CompiledPattern {
  const parser = new PatternParser(pattern, syntax, groupOffset);
  try {
    const source = parser.parse();
    return { ok: true, source, groups: parser.groupCount, warnings: parser.warnings };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, error: error.message };
    throw error;
  }
}

/** A fixed string (grep -F) as RegExp source. */
export function literalPattern(text: string): string {
  return [...text].map(escapeLiteral).join('');
}
