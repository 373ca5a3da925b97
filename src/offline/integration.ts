// The offline site as an Astro integration: every built page registers the site's service worker
// (register.ts), and once the build is done (after Pagefind has written its index, so list this
// integration after Starlight) the list of built files goes into that worker (manifest.ts).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeManifest } from './manifest.ts';

const registerScript = fileURLToPath(new URL('./register.ts', import.meta.url));

export function offline(): AstroIntegration {
  return {
    name: 'apiservice-lab:offline',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        // The dev server's files change all the time: no offline copy of them.
        if (command === 'build') injectScript('page', `import ${JSON.stringify(registerScript)};`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const manifest = writeManifest(fileURLToPath(dir));
        logger.info(`offline: ${manifest.files.length} files in build ${manifest.version}`);
      },
    },
  };
}
