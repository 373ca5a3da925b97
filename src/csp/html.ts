// Reading built pages for the policy: the inline scripts a browser would run (whose hashes the
// policy must carry), markup a hash cannot allow, and where the <meta> policy goes.
import { createHash } from 'node:crypto';

/** An attribute and its value, double-quoted, single-quoted or bare. */
const ATTRIBUTE = /\s+([^\s"'=<>\/]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** A start tag, with quoted values that may hold `>`. */
const TAG = /<([a-z][a-z0-9-]*)(?:\s+[^\s"'=<>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/gi;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** `type` values a browser executes; anything else (JSON props, ld+json) is data. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript']);

/** The attributes in a start tag's text after its name: each name as written, and its value ('' when it has none). */
function attributesOf(text: string): [name: string, value: string][] {
  return [...text.matchAll(ATTRIBUTE)].map(([, name = '', , double, single, bare]) => [name, double ?? single ?? bare ?? '']);
}

/** The value of the attribute `name` (any case), or undefined when the tag does not have it. */
function attribute(text: string, name: string): string | undefined {
  return attributesOf(text).find(([n]) => n.toLowerCase() === name)?.[1];
}

/** The text of every inline script the browser would execute, in document order. */
export function executableInlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (attribute(attributes, 'src') !== undefined) continue;
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (EXECUTABLE_TYPES.has(type)) scripts.push(text);
  }
  return scripts;
}

/** The CSP source allowing exactly this inline script: `'sha256-<base64>'`. */
export function hashSource(scriptText: string): string {
  return `'sha256-${createHash('sha256').update(scriptText, 'utf8').digest('base64')}'`;
}

/**
 * Markup a hash cannot allow (event-handler attributes would need 'unsafe-hashes', javascript: URLs
 * 'unsafe-inline'): under the policy it would silently do nothing, so the build refuses it.
 */
export function scriptOutsideScriptElements(html: string): string[] {
  const found: string[] = [];
  // Script bodies and comments are not markup.
  const markup = html.replace(SCRIPT, '<script>').replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag = '', name = ''] of markup.matchAll(TAG)) {
    for (const [attr, raw] of attributesOf(tag.slice(name.length + 1))) {
      const value = raw.trim().toLowerCase();
      if (/^on/i.test(attr)) found.push(`${attr} attribute on <${name}>`);
      else if (URL_ATTRIBUTES.has(attr.toLowerCase()) && value.startsWith('javascript:')) found.push(`javascript: URL in ${attr} on <${name}>`);
    }
  }
  return found;
}

/**
 * The page with the policy as the first element after <meta charset> (a <meta> policy governs only
 * what the parser meets after it, so it must come before every script and stylesheet).
 */
export function withPolicyMeta(html: string, policy: string): string {
  if (/<meta\s+http-equiv\s*=\s*["']?content-security-policy/i.test(html)) throw new Error('the page already has a Content-Security-Policy <meta>');
  const escaped = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escaped}"/>`;
  const anchor = /<meta\s+charset\s*=[^>]*>/i.exec(html) ?? /<head\b[^>]*>/i.exec(html);
  if (!anchor) throw new Error('the page has no <head>');
  const at = anchor.index + anchor[0].length;
  const before = html.slice(0, at);
  if (/<(?:script|style|link)\b/i.test(before)) throw new Error('a script or stylesheet comes before <meta charset>');
  return before + meta + html.slice(at);
}
