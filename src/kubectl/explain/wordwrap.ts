// github.com/mitchellh/go-wordwrap v1.0.1 WrapString, which kubectl's explain templates use:
// wraps at white space only, keeps existing line breaks, lets a word longer than the limit
// overflow, and counts width in characters (runes).

const nbsp = 0xa0;

/** Go's unicode.IsSpace. */
function isSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const char of s) {
    const code = char.codePointAt(0)!;
    if (char === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          buf += space;
        }
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        word = '';
        wordLen = 0;
      }
      space = '';
      spaceLen = 0;
      buf += char;
      current = 0;
    } else if (isSpace(code) && code !== nbsp) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += char;
      spaceLen++;
    } else {
      word += char;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

/** The explain templates' `indent`: every line, the first included, gets `amount` spaces. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replaceAll('\n', '\n' + pad);
}
