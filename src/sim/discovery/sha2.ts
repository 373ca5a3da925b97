// SHA-256 and SHA-512, synchronous, for the two hashes discovery publishes: storageVersionHash
// (apiserver discovery.StorageVersionHash: base64 of the first 8 bytes of sha256("group/version/Kind"))
// and the aggregated document's ETag (hex of sha512 over its JSON). WebCrypto is async and absent
// on insecure origins, so the sim carries its own. The round constants are derived from the primes
// (fractional parts of their square and cube roots), exactly as the standard defines them.

function firstPrimes(n: number): bigint[] {
  const primes: bigint[] = [];
  for (let c = 2; primes.length < n; c++) {
    if (primes.every((p) => BigInt(c) % p !== 0n)) primes.push(BigInt(c));
  }
  return primes;
}

function integerRoot(x: bigint, k: bigint): bigint {
  // Newton's method on integers; starts above the root so it decreases monotonically.
  let r = 1n << BigInt(Math.ceil(x.toString(2).length / Number(k)) + 1);
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) return r;
    r = next;
  }
}

/** The first `bits` bits of the fractional part of p^(1/k), for each prime. */
function fractionalRootBits(count: number, k: bigint, bits: bigint): bigint[] {
  const mask = (1n << bits) - 1n;
  return firstPrimes(count).map((p) => integerRoot(p << (bits * k), k) & mask);
}

const K256 = Uint32Array.from(fractionalRootBits(64, 3n, 32n), Number);
const H256 = Uint32Array.from(fractionalRootBits(8, 2n, 32n), Number);

function split64(values: bigint[]): Uint32Array {
  const out = new Uint32Array(values.length * 2);
  values.forEach((v, i) => {
    out[2 * i] = Number(v >> 32n);
    out[2 * i + 1] = Number(v & 0xffffffffn);
  });
  return out;
}

const K512 = split64(fractionalRootBits(80, 3n, 64n));
const H512 = split64(fractionalRootBits(8, 2n, 64n));

function pad(message: Uint8Array, blockBytes: number, lengthBytes: number): Uint8Array {
  const total = Math.ceil((message.length + 1 + lengthBytes) / blockBytes) * blockBytes;
  const out = new Uint8Array(total);
  out.set(message);
  out[message.length] = 0x80;
  const view = new DataView(out.buffer);
  const bitLength = message.length * 8;
  view.setUint32(total - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(total - 4, bitLength >>> 0);
  return out;
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

export function sha256(message: Uint8Array): Uint8Array {
  const data = pad(message, 64, 8);
  const view = new DataView(data.buffer);
  const h = Uint32Array.from(H256);
  const w = new Uint32Array(64);
  for (let off = 0; off < data.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + 4 * i);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(4 * i, v));
  return out;
}

// 64-bit words as (hi, lo) pairs of unsigned 32-bit numbers.
const rotrHi = (hi: number, lo: number, n: number) => (n < 32 ? (hi >>> n) | (lo << (32 - n)) : (lo >>> (n - 32)) | (hi << (64 - n))) >>> 0;
const rotrLo = (hi: number, lo: number, n: number) => (n < 32 ? (lo >>> n) | (hi << (32 - n)) : (hi >>> (n - 32)) | (lo << (64 - n))) >>> 0;
const shrHi = (hi: number, _lo: number, n: number) => hi >>> n;
const shrLo = (hi: number, lo: number, n: number) => ((lo >>> n) | (hi << (32 - n))) >>> 0;

export function sha512(message: Uint8Array): Uint8Array {
  const data = pad(message, 128, 16);
  const view = new DataView(data.buffer);
  const h = Uint32Array.from(H512);
  const w = new Uint32Array(160);
  const v = new Uint32Array(16);
  for (let off = 0; off < data.length; off += 128) {
    for (let i = 0; i < 32; i++) w[i] = view.getUint32(off + 4 * i);
    for (let i = 16; i < 80; i++) {
      const xh = w[2 * (i - 15)], xl = w[2 * (i - 15) + 1];
      const yh = w[2 * (i - 2)], yl = w[2 * (i - 2) + 1];
      const s0h = rotrHi(xh, xl, 1) ^ rotrHi(xh, xl, 8) ^ shrHi(xh, xl, 7);
      const s0l = rotrLo(xh, xl, 1) ^ rotrLo(xh, xl, 8) ^ shrLo(xh, xl, 7);
      const s1h = rotrHi(yh, yl, 19) ^ rotrHi(yh, yl, 61) ^ shrHi(yh, yl, 6);
      const s1l = rotrLo(yh, yl, 19) ^ rotrLo(yh, yl, 61) ^ shrLo(yh, yl, 6);
      const lo = (s0l >>> 0) + (s1l >>> 0) + w[2 * (i - 16) + 1] + w[2 * (i - 7) + 1];
      w[2 * i + 1] = lo;
      w[2 * i] = (s0h >>> 0) + (s1h >>> 0) + w[2 * (i - 16)] + w[2 * (i - 7)] + Math.floor(lo / 2 ** 32);
    }
    v.set(h);
    for (let i = 0; i < 80; i++) {
      const [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl] = v;
      const S1h = rotrHi(eh, el, 14) ^ rotrHi(eh, el, 18) ^ rotrHi(eh, el, 41);
      const S1l = rotrLo(eh, el, 14) ^ rotrLo(eh, el, 18) ^ rotrLo(eh, el, 41);
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1l = hl + (S1l >>> 0) + (chl >>> 0) + K512[2 * i + 1] + w[2 * i + 1];
      const t1h = hh + (S1h >>> 0) + (chh >>> 0) + K512[2 * i] + w[2 * i] + Math.floor(t1l / 2 ** 32);
      const S0h = rotrHi(ah, al, 28) ^ rotrHi(ah, al, 34) ^ rotrHi(ah, al, 39);
      const S0l = rotrLo(ah, al, 28) ^ rotrLo(ah, al, 34) ^ rotrLo(ah, al, 39);
      const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const majl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (majl >>> 0);
      const t2h = (S0h >>> 0) + (majh >>> 0) + Math.floor(t2l / 2 ** 32);
      const t1lo = t1l >>> 0;
      const t2lo = t2l >>> 0;
      const newEl = dl + t1lo;
      const newAl = t1lo + t2lo;
      v[15] = gl; v[14] = gh; v[13] = fl; v[12] = fh; v[11] = el; v[10] = eh;
      v[9] = newEl; v[8] = dh + t1h + Math.floor(newEl / 2 ** 32);
      v[7] = cl; v[6] = ch; v[5] = bl; v[4] = bh; v[3] = al; v[2] = ah;
      v[1] = newAl; v[0] = t1h + t2h + Math.floor(newAl / 2 ** 32);
    }
    for (let i = 0; i < 8; i++) {
      const lo = h[2 * i + 1] + v[2 * i + 1];
      h[2 * i + 1] = lo;
      h[2 * i] = h[2 * i] + v[2 * i] + Math.floor(lo / 2 ** 32);
    }
  }
  const out = new Uint8Array(64);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => outView.setUint32(4 * i, word));
  return out;
}

const utf8 = new TextEncoder();

export const utf8Bytes = (s: string): Uint8Array<ArrayBuffer> => utf8.encode(s);

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function toUpperHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).toUpperCase().padStart(2, '0');
  return hex;
}
