// Reading built pages for the Content-Security-Policy, and the policy's shape. The browser test
// (tests/e2e/csp.spec.ts) checks that the site works under it and that it blocks.
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { executableInlineScripts, hashSource, scriptOutsideScriptElements, withPolicyMeta } from '../../../src/csp/html.ts';
import { headerPolicy, headersFile, metaPolicy } from '../../../src/csp/policy.ts';

const page = (head: string, body = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>${head}</head><body>${body}</body></html>`;

describe('executableInlineScripts', () => {
  it('returns classic and module inline scripts, not external scripts or data blocks', () => {
    const html = page(
      '<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="module" src="/y.js"></script>',
      '<script type="application/json" data-props>{"c":1}</script><script type="application/ld+json">{}</script><script type="text/javascript">d()</script><script srcset-like="1">e()</script>',
    );
    expect(executableInlineScripts(html)).toEqual(['a()', 'b()', 'd()', 'e()']);
  });

  it('keeps the exact text, whitespace included, since the hash covers every byte', () => {
    expect(executableInlineScripts(page('<script>\n\tx();\n</script>'))).toEqual(['\n\tx();\n']);
  });
});

describe('hashSource', () => {
  it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', async () => {
    const text = "document.documentElement.dataset.theme = '다크';";
    const digest = await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    expect(hashSource(text)).toBe(`'sha256-${Buffer.from(digest).toString('base64')}'`);
  });
});

describe('scriptOutsideScriptElements', () => {
  it('finds event-handler attributes and javascript: URLs', () => {
    const html = page('', '<button type="button" onclick="go()">x</button><a href=" JavaScript:go()">y</a><img src=x onerror=go()>');
    expect(scriptOutsideScriptElements(html)).toEqual(['onclick attribute on <button>', 'javascript: URL in href on <a>', 'onerror attribute on <img>']);
  });

  it('ignores text, attribute values, script bodies and comments that only look like them', () => {
    const html = page(
      '<meta name="description" content="turn on=1 > onload=x"/><script>el.innerHTML = "<b onclick=x>";</script>',
      '<p>kubectl label pods web onclick=true</p><!-- <a onclick="x"> --><code>&lt;img onerror=x&gt;</code><a href="/javascript:/">ok</a><div data-on="1" aria-label="online">z</div>',
    );
    expect(scriptOutsideScriptElements(html)).toEqual([]);
  });
});

describe('withPolicyMeta', () => {
  it('puts the policy right after <meta charset>, before every script, escaped for the attribute', () => {
    const html = withPolicyMeta(page('<title>t</title><script>a()</script>'), `script-src 'self' "x"&`);
    expect(html).toContain('<meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" content="script-src \'self\' &quot;x&quot;&amp;"/><title>');
  });

  it('refuses a page with a policy already, without <head>, or with a script before <meta charset>', () => {
    const once = withPolicyMeta(page(''), "default-src 'none'");
    expect(() => withPolicyMeta(once, "default-src 'none'")).toThrow(/already/);
    expect(() => withPolicyMeta('<p>no head</p>', "default-src 'none'")).toThrow(/no <head>/);
    expect(() => withPolicyMeta('<html><head><script>a()</script><meta charset="utf-8"></head></html>', 'x')).toThrow(/before <meta charset>/);
  });
});

describe('the policy', () => {
  const hashes = [hashSource('a()'), hashSource('b()')];
  const parse = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows inline scripts by hash only, never eval; styles inline with no hash beside them', () => {
    const meta = parse(metaPolicy(hashes));
    expect(meta.get('default-src')).toEqual(["'none'"]);
    expect(meta.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", ...hashes]);
    // A hash next to 'unsafe-inline' would make browsers ignore 'unsafe-inline'.
    expect(meta.get('style-src')?.some((s) => s.startsWith("'sha"))).toBe(false);
    expect(meta.get('base-uri')).toEqual(["'none'"]);
  });

  it('the header is the meta policy plus what a <meta> cannot carry, for every path in _headers', () => {
    expect(metaPolicy(hashes)).not.toContain('frame-ancestors');
    expect(headerPolicy(hashes)).toBe(`${metaPolicy(hashes)}; frame-ancestors 'none'`);
    expect(headersFile(hashes)).toBe(`/*\n  Content-Security-Policy: ${headerPolicy(hashes)}\n`);
  });
});
