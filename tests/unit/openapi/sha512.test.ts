import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha512Hex } from '../../../src/sim/openapi/sha512.ts';

describe('sha512Hex', () => {
  it('matches the platform SHA-512 across block boundaries, upper-case like computeETag', () => {
    for (const length of [0, 1, 111, 112, 127, 128, 129, 255, 1000]) {
      const text = 'é'.repeat(length).slice(0, length) + 'x'.repeat(length % 7);
      const expected = createHash('sha512').update(text, 'utf8').digest('hex').toUpperCase();
      expect(sha512Hex(text)).toBe(expected);
    }
  });
});
