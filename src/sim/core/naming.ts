// Names the controllers give what they create: the pod-template-hash (controller.ComputeHash)
// and generateName suffixes (apimachinery rand.String), derived instead of random so the same
// scenario always yields the same names.

/** apimachinery util/rand's alphabet: no vowels, no 0/1/3, so no words and no look-alikes. */
export const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** hash/fnv New32a over the UTF-8 bytes of a string. */
export function fnv32a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte mapped onto the alphabet by its value modulo 27. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += safeAlphabet[s.charCodeAt(i) % safeAlphabet.length];
  return out;
}

/** Canonical JSON (sorted keys) — stands in for the spew dump Go hashes. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * controller.ComputeHash: FNV-32a of the pod template (plus the collision count, little-endian,
 * when set), its decimal value safe-encoded — hence only the characters 4-9, b, c, d, f.
 * Kubernetes hashes a spew dump of the Go struct; we hash canonical JSON, so the values differ
 * from a real cluster's but have the same shape and the same stability.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(canonicalJson(template));
  if (collisionCount !== undefined) {
    for (let i = 0; i < 4; i++) {
      h ^= (collisionCount >>> (8 * i)) & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return safeEncodeString(String(h >>> 0));
}

/** MurmurHash3's finalizer: spreads FNV's low-entropy bits over the whole word. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stream of well-mixed words derived from a seed. */
function derivedWords(seed: string, count: number): number[] {
  const words: number[] = [];
  let h = fnv32a(seed);
  for (let i = 0; i < count; i++) {
    h = mix32(h + 0x9e3779b9 * (i + 1));
    words.push(h);
  }
  return words;
}

/** Five characters as rand.String(5) gives them, derived from a seed. */
export function derivedSuffix(seed: string, length = 5): string {
  return derivedWords(seed, length)
    .map((w) => safeAlphabet[w % safeAlphabet.length])
    .join('');
}

/** Hex digits derived from a seed (container IDs, image digests). */
export function derivedHex(seed: string, length: number): string {
  return derivedWords(seed, Math.ceil(length / 8))
    .map((w) => w.toString(16).padStart(8, '0'))
    .join('')
    .slice(0, length);
}
