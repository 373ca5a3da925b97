import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { editorViteConfig } from './src/playground/editor/vite-config.mjs';

export default defineConfig({
  // The playground's editor: Monaco's workers, its CSS kept off prose pages, prettier stubbed.
  vite: editorViteConfig(),
  integrations: [mdx()],
});
