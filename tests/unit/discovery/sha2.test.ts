import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha512, toUpperHex, utf8Bytes } from '../../../src/sim/discovery/sha2.ts';

describe('sha2', () => {
  // Lengths around the padding boundaries of both block sizes, and non-ASCII input.
  const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'b'.repeat(111), 'b'.repeat(112), 'b'.repeat(128), 'héllo/v1/Pod ✓', 'z'.repeat(70000)];
  for (const s of inputs) {
    it(`matches node:crypto for a ${s.length}-character input`, () => {
      expect(toUpperHex(sha256(utf8Bytes(s)))).toBe(createHash('sha256').update(s).digest('hex').toUpperCase());
      expect(toUpperHex(sha512(utf8Bytes(s)))).toBe(createHash('sha512').update(s).digest('hex').toUpperCase());
    });
  }
});
