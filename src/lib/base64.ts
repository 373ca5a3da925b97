// Go's encoding/base64 StdEncoding decoder, as encoding/json uses it for []byte fields such as
// spec.caBundle: the decoded length (validation reports "<N> bytes") and the exact
// CorruptInputError offset ("illegal base64 data at input byte N") a bad value produces.

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const padChar = '=';

const isNewline = (ch: string) => ch === '\n' || ch === '\r';

export type Base64Result = { ok: true; length: number } | { ok: false; offset: number };

/** Decode like base64.StdEncoding.Decode: the byte count, or the offset Go reports as corrupt. */
export function decodeStdBase64(src: string): Base64Result {
  let si = 0;
  let length = 0;
  while (si < src.length) {
    // One quantum of up to four symbols (decodeQuantum).
    let j = 0;
    let dlen = 4;
    let end = false;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, length };
        // StdEncoding is padded: a short final quantum is corrupt.
        return { ok: false, offset: si - j };
      }
      const ch = src[si];
      si++;
      if (alphabet.includes(ch)) continue;
      if (isNewline(ch)) {
        j--;
        continue;
      }
      if (ch !== padChar) return { ok: false, offset: si - 1 };
      // Padding: only after two or three symbols.
      if (j === 0 || j === 1) return { ok: false, offset: si - 1 };
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { ok: false, offset: src.length };
        if (src[si] !== padChar) return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return { ok: false, offset: si };
      dlen = j;
      end = true;
      break;
    }
    length += dlen - 1;
    if (end) break;
  }
  return { ok: true, length };
}

/** The decoded byte count of a valid value (0 when it would not decode). */
export function decodedLength(src: string): number {
  const r = decodeStdBase64(src);
  return r.ok ? r.length : 0;
}

export const corruptInputError = (offset: number) => `illegal base64 data at input byte ${offset}`;
