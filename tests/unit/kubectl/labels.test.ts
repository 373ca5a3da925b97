import { describe, expect, it } from 'vitest';
import { labelsOf, matchesSelector, parseSelector } from '../../../src/lib/label_selector.ts';

const matches = (selector: string, labels: Record<string, string>) => matchesSelector(parseSelector(selector), labels);

describe('label selectors read on the client', () => {
  const web = { app: 'web', tier: 'front', replicas: '3' };

  it('match equality, inequality, sets, existence and numeric bounds as labels.Selector does', () => {
    expect(matches('app=web', web)).toBe(true);
    expect(matches('app==web,tier=front', web)).toBe(true);
    expect(matches('app=web,tier=back', web)).toBe(false);
    expect(matches('app!=db', web)).toBe(true);
    expect(matches('missing!=x', web)).toBe(true);
    expect(matches('app in (db, web)', web)).toBe(true);
    expect(matches('app notin (db,web)', web)).toBe(false);
    expect(matches('missing notin (x)', web)).toBe(true);
    expect(matches('tier', web)).toBe(true);
    expect(matches('!tier', web)).toBe(false);
    expect(matches('!missing', web)).toBe(true);
    expect(matches('replicas>2', web)).toBe(true);
    expect(matches('replicas<2', web)).toBe(false);
    expect(matches('app>2', web)).toBe(false);
    expect(matches('', web)).toBe(true);
    expect(matches('app=', { app: '' })).toBe(true);
  });

  it('refuses what labels.Parse refuses, in its words', () => {
    expect(() => parseSelector('a b')).toThrow("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(() => parseSelector('a=b,')).toThrow("found '', expected: identifier after ','");
    expect(() => parseSelector(',a')).toThrow("found ',', expected: !, identifier, or 'end of string'");
    expect(() => parseSelector('a in b')).toThrow("unable to parse requirement: found 'b', expected: '('");
    expect(() => parseSelector('a=b c')).toThrow("found 'c', expected: ',' or 'end of string'");
  });

  it('reads only string label values', () => {
    expect(labelsOf({ metadata: { labels: { a: 'x', b: 1 } } })).toEqual({ a: 'x' });
    expect(labelsOf({ kind: 'Table' })).toEqual({});
    expect(labelsOf(null)).toEqual({});
  });
});
