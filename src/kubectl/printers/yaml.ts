// YAML as kubectl's -o yaml writes it: sigs.k8s.io/yaml turns the JSON into go-yaml v2 values
// and go-yaml's emitter (a port of libyaml) writes them: sorted keys, sequences not indented
// under their key, strings that would read back as another type double-quoted, strings plain
// YAML cannot hold single-quoted, multi-line strings as literal blocks, and long scalars
// folded at spaces past column 80.

const bestWidth = 80;

/** go-yaml v2's resolve(): does this plain scalar read back as something other than a string? */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return true;
  if (
    /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|\.nan|\.NaN|\.NAN|[-+]?\.(inf|Inf|INF)|<<)$/.test(
      s,
    )
  )
    return true;
  const first = s[0]!;
  if (first === '.') return isGoFloat(s);
  if (!/[-+0-9]/.test(first)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replaceAll('_', '');
  if (isGoInt(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  if (/^-?0b[01]+$/.test(plain)) return true;
  return false;
}

/** strconv.ParseInt/ParseUint with base 0, within 64 bits. */
function isGoInt(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const digits = m[2]!;
  let value: bigint;
  if (/^0[oO]/.test(digits)) value = BigInt('0o' + digits.slice(2));
  else if (/^0[0-7]+$/.test(digits)) value = BigInt('0o' + digits.slice(1));
  else value = BigInt(digits);
  return m[1] === '-' ? value <= 2n ** 63n : value < 2n ** 64n;
}

/** strconv.ParseFloat on a string starting with '.' (".5", ".5e3"). */
const isGoFloat = (s: string) => /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);

/** go-yaml v2 parseTimestamp: four digits and '-', then one of its accepted layouts. */
function isTimestamp(s: string): boolean {
  return /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2}))|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?))?$/.test(
    s,
  );
}

const isBase60Float = (s: string) => /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);

/** libyaml's is_printable (the emitter is set to unicode). */
function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBlankZ = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** yaml_emitter_analyze_scalar, for block context. */
function analyzeScalar(value: string): ScalarAnalysis {
  const chars = [...value];
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  chars.forEach((ch, i) => {
    const first = i === 0;
    const last = i === chars.length - 1;
    const followedByWhitespace = isBlankZ(chars[i + 1]);
    if (first) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    const code = ch.codePointAt(0)!;
    if (!isPrintable(code)) specialCharacters = true;
    const isBreak = ch === '\n' || ch === '\r' || code === 0x85 || code === 0x2028 || code === 0x2029;
    if (isBreak) lineBreaks = true;
    if (ch === ' ') {
      if (first) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak) {
      if (first) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(ch);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  void flowIndicators;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** The encoder's choice (stringv) followed by the emitter's (select_scalar_style). */
function scalarStyle(s: string, simpleKey: boolean): Style {
  let style: Style;
  if (s.includes('\n')) style = 'literal';
  else if (!resolvesToNonString(s) && !isBase60Float(s)) style = 'plain';
  else style = 'double';
  const a = analyzeScalar(s);
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (s === '' && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** The emitter's state: the text so far and the current column. */
class Emitter {
  out = '';
  column = 0;

  put(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? [...s.slice(nl + 1)].length : this.column + [...s].length;
  }

  /** libyaml's write_indent: a line break unless one was just written, then the indentation. */
  newline(indent: number): void {
    this.put((this.out.endsWith('\n') ? '' : '\n') + ' '.repeat(indent));
  }
}

const doubleEscapes: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

/** Writes a scalar at the emitter's position; `indent` is where folded lines continue. */
function writeScalar(e: Emitter, s: string, indent: number, simpleKey: boolean): void {
  const style = scalarStyle(s, simpleKey);
  const allowBreaks = !simpleKey;
  const chars = [...s];
  if (style === 'plain') {
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && e.column > bestWidth && chars[i + 1] !== ' ') e.newline(indent);
        else e.put(ch);
        spaces = true;
      } else {
        e.put(ch);
        spaces = false;
      }
    });
    return;
  }
  if (style === 'single') {
    e.put("'");
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && e.column > bestWidth && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') e.newline(indent);
        else e.put(ch);
        spaces = true;
      } else {
        e.put(ch === "'" ? "''" : ch);
        spaces = false;
      }
    });
    e.put("'");
    return;
  }
  if (style === 'double') {
    e.put('"');
    let spaces = false;
    chars.forEach((ch, i) => {
      const code = ch.codePointAt(0)!;
      if (!isPrintable(code) || code === 0xfeff || ch === '"' || ch === '\\' || ch === '\n' || ch === '\r' || code === 0x85 || code === 0x2028 || code === 0x2029) {
        const esc = doubleEscapes[ch];
        if (esc) e.put('\\' + esc);
        else if (code <= 0xff) e.put('\\x' + code.toString(16).toUpperCase().padStart(2, '0'));
        else if (code <= 0xffff) e.put('\\u' + code.toString(16).toUpperCase().padStart(4, '0'));
        else e.put('\\U' + code.toString(16).toUpperCase().padStart(8, '0'));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && e.column > bestWidth && i > 0 && i < chars.length - 1) {
          e.newline(indent);
          if (chars[i + 1] === ' ') e.put('\\');
        } else e.put(ch);
        spaces = true;
      } else {
        e.put(ch);
        spaces = false;
      }
    });
    e.put('"');
    return;
  }
  // Literal block: chomping and indentation indicators as yaml_emitter_write_block_scalar_hints.
  let hints = '';
  if (s[0] === ' ' || s[0] === '\n') hints += '2';
  if (!s.endsWith('\n')) hints += '-';
  else if (s === '\n' || s.endsWith('\n\n')) hints += '+';
  e.put('|' + hints + '\n');
  let lineStart = true;
  for (const ch of chars) {
    if (ch === '\n') {
      e.put('\n');
      lineStart = true;
    } else {
      if (lineStart) e.put(' '.repeat(indent));
      e.put(ch);
      lineStart = false;
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isCollection = (v: Json): v is Json[] | { [k: string]: Json } => v !== null && typeof v === 'object';
const isEmptyCollection = (v: Json) => (Array.isArray(v) ? v.length === 0 : isCollection(v) && Object.keys(v).length === 0);

function writeValue(e: Emitter, v: Json, indent: number, simpleKey = false): void {
  if (v === null) e.put('null');
  else if (typeof v === 'boolean') e.put(String(v));
  else if (typeof v === 'number') e.put(String(v));
  else if (typeof v === 'string') writeScalar(e, v, indent, simpleKey);
  else if (Array.isArray(v)) e.put('[]');
  else e.put('{}');
}

/** A block mapping whose first key goes at the current position and the rest at `indent`. */
function writeMapping(e: Emitter, map: { [k: string]: Json }, indent: number): void {
  Object.keys(map)
    .sort()
    .forEach((key, i) => {
      if (i > 0) e.newline(indent);
      writeValue(e, key, indent, true);
      e.put(':');
      const value = map[key]!;
      if (isCollection(value) && !isEmptyCollection(value)) {
        if (Array.isArray(value)) {
          e.newline(indent);
          writeSequence(e, value, indent);
        } else {
          e.newline(indent + 2);
          writeMapping(e, value, indent + 2);
        }
      } else {
        e.put(' ');
        writeValue(e, value, indent + 2);
      }
    });
}

/** A block sequence at `indent` (go-yaml does not indent a sequence under its mapping key). */
function writeSequence(e: Emitter, seq: Json[], indent: number): void {
  seq.forEach((item, i) => {
    if (i > 0) e.newline(indent);
    e.put('- ');
    if (isCollection(item) && !isEmptyCollection(item)) {
      if (Array.isArray(item)) writeSequence(e, item, indent + 2);
      else writeMapping(e, item, indent + 2);
    } else {
      writeValue(e, item, indent + 2);
    }
  });
}

/** sigs.k8s.io/yaml.Marshal of a JSON value. */
export function toYAML(value: unknown): string {
  const v = JSON.parse(JSON.stringify(value ?? null)) as Json;
  const e = new Emitter();
  if (isCollection(v) && !isEmptyCollection(v)) {
    if (Array.isArray(v)) writeSequence(e, v, 0);
    else writeMapping(e, v, 0);
  } else writeValue(e, v, 0);
  return e.out.endsWith('\n') ? e.out : e.out + '\n';
}
