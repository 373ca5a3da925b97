// Once the pages are generated: hash every inline script of every built page, put the policy in
// each page's <head>, and write `_headers` with the same policy for hosts that send headers from
// it. This runs before any integration's `astro:build:done`, so whatever reads the built pages then
// (Pagefind, a manifest of file hashes) sees them final, whatever the order of the integrations.
//
// Astro's own `security.csp` is not used: it does not see Starlight's `is:inline` scripts (the
// theme script among them), and it puts its <meta> after that script, which then runs unchecked.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { executableInlineScripts, hashSource, scriptOutsideScriptElements, withPolicyMeta } from './html.ts';
import { headersFile, metaPolicy } from './policy.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name)).sort();
}

export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'apiservice-lab:content-security-policy',
    hooks: {
      'astro:build:generated': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = await Promise.all((await htmlFiles(root)).map(async (file) => ({ file, html: await readFile(file, 'utf8') })));

        const refused = pages.flatMap(({ file, html }) => scriptOutsideScriptElements(html).map((what) => `${file.slice(root.length)}: ${what}`));
        if (refused.length > 0) throw new Error(`Script outside <script> elements cannot run under the Content-Security-Policy:\n${refused.join('\n')}`);

        // One policy for the whole site, so the `_headers` rule and every page agree.
        const hashes = [...new Set(pages.flatMap(({ html }) => executableInlineScripts(html).map(hashSource)))].sort();
        const policy = metaPolicy(hashes);
        await Promise.all(pages.map(({ file, html }) => writeFile(file, withPolicyMeta(html, policy))));
        await writeFile(join(root, '_headers'), headersFile(hashes));
        logger.info(`Content-Security-Policy in ${pages.length} pages and _headers, ${hashes.length} inline script hashes`);
      },
    },
  };
}
