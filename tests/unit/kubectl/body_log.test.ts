// The -v=8/-v=9 body log: client-go's truncation rule (bytes, 1024 at 8, 10240 at 9, whole from
// 10), klog's quoting of one-line and multi-line values, and the Authorization mask; then the rule
// at work on a real round trip through our kubectl and the in-process cluster.

import { describe, expect, it } from 'vitest';
import { goQuote, klogValue } from '../../../src/kubectl/klog.ts';
import { truncateBody } from '../../../src/kubectl/rest/body_log.ts';
import { maskValue } from '../../../src/kubectl/rest/transport.ts';
import { inProcessKubectl } from './fixtures.ts';

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('truncateBody', () => {
  it('keeps a body of exactly the limit and cuts one byte more', () => {
    expect(text(truncateBody(utf8.encode('x'.repeat(1024)), 8))).toBe('x'.repeat(1024));
    expect(text(truncateBody(utf8.encode('x'.repeat(1025)), 8))).toBe(`${'x'.repeat(1024)} [truncated 1 chars]`);
  });

  it('allows ten times as much at -v=9 and everything from -v=10', () => {
    const body = utf8.encode('y'.repeat(20000));
    expect(text(truncateBody(body, 9))).toBe(`${'y'.repeat(10240)} [truncated 9760 chars]`);
    expect(truncateBody(body, 10)).toBe(body);
    expect(truncateBody(body, 12)).toBe(body);
  });

  it('counts bytes, not characters, and may cut a character in two as Go does', () => {
    // 한 is three bytes in UTF-8: 400 of them are 1200 bytes.
    const cut = truncateBody(utf8.encode('한'.repeat(400)), 8);
    expect(cut.length).toBe(1024 + ' [truncated 176 chars]'.length);
    expect(goQuote(cut)).toBe(`"${'한'.repeat(341)}\\xed [truncated 176 chars]"`);
  });
});

describe('klog values', () => {
  it('quotes a one-line value as strconv.Quote does', () => {
    expect(klogValue('')).toBe('""');
    expect(klogValue('{"a":"b\\\\c"}')).toBe('"{\\"a\\":\\"b\\\\\\\\c\\"}"');
    expect(klogValue('tab\there é 한 \u0007 \u007f \u200b')).toBe('"tab\\there é 한 \\a \\x7f \\u200b"');
  });

  it('writes a value with a line break as an indented block', () => {
    expect(klogValue('{"kind":"Status"}\n')).toBe('<\n\t{"kind":"Status"}\n >');
    expect(klogValue('one\ntwo')).toBe('<\n\tone\n\ttwo\n >');
  });
});

describe('maskValue', () => {
  it('hides credentials but keeps the scheme', () => {
    expect(maskValue('Authorization', 'Bearer abc.def')).toBe('Bearer <masked>');
    expect(maskValue('authorization', 'Basic dXNlcjpwYXNz')).toBe('Basic <masked>');
    expect(maskValue('Authorization', 'Bearer')).toBe('Bearer');
    expect(maskValue('Authorization', 'secret-token')).toBe('<masked>');
    expect(maskValue('Accept', 'application/json')).toBe('application/json');
  });
});

describe('the body log on a real round trip', () => {
  const responseBody = (stderr: string, source: string) =>
    stderr.split('\n').find((l) => l.includes(`${source}] "Response Body" body=`))!.split(' body=')[1]!;

  it('cuts the aggregated /apis discovery at 1024 bytes at -v=8 and at 10240 at -v=9', async () => {
    const kubectl = await inProcessKubectl();
    // From -v=10 the body is logged whole: a JSON line and the encoder's line break.
    const whole = (await kubectl(['get', 'apiservice', '-v=10'])).stderr;
    expect(whole).not.toContain('[truncated');
    const lines = whole.split('\n');
    const at = lines.findIndex((l) => l.endsWith('discovery_client.go:319] "Response Body" body=<'));
    const size = utf8.encode(lines[at + 1]!.slice(1)).length + 1;
    expect(size).toBeGreaterThan(10240);
    const at8 = responseBody((await kubectl(['get', 'apiservice', '-v=8'])).stderr, 'discovery_client.go:319');
    const at9 = responseBody((await kubectl(['get', 'apiservice', '-v=9'])).stderr, 'discovery_client.go:319');
    expect(at8.endsWith(` [truncated ${size - 1024} chars]"`)).toBe(true);
    expect(at9.endsWith(` [truncated ${size - 10240} chars]"`)).toBe(true);
  });

  it('logs no response body below -v=8 and the request body from -v=8', async () => {
    const kubectl = await inProcessKubectl();
    expect((await kubectl(['get', 'apiservice', 'v1.apps', '-v=7'])).stderr).not.toContain('Body');
    const at8 = (await kubectl(['get', 'apiservice', 'v1.apps', '-v=8'])).stderr;
    expect(at8).toContain('helper.go:105] "Request Body" body=""');
    expect(at8).toContain('helper.go:105] "Response Body" body=');
  });
});
