// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { mergeConfig } from 'vite';
import { editorViteConfig } from './src/playground/editor/vite-config.mjs';
import { playgroundViteConfig } from './src/playground/vite-config.mjs';
import { offline } from './src/offline/integration.ts';
import { contentSecurityPolicy } from './src/csp/integration.ts';

// The course site. Starlight owns routing: every page is an MDX file under content/docs/
// (Korean at the root, English under en/), loaded by src/content.config.ts.
export default defineConfig({
  // The site may live in a sub-folder of its host, e.g. SITE_BASE=/course/.
  base: process.env.SITE_BASE,
  // The playground's editor: Monaco's workers, its CSS kept off prose pages, prettier stubbed;
  // its terminal: msw's cookie jar stubbed, dependencies pre-bundled for the dev server.
  vite: mergeConfig(editorViteConfig(), playgroundViteConfig()),
  integrations: [
    starlight({
      title: { ko: 'APIService 실습', en: 'APIService Lab' },
      description: 'Kubernetes APIService와 API 집계 계층을 배우는 실습 과정 (Kubernetes v1.32)',
      defaultLocale: 'root',
      locales: {
        root: { label: '한국어', lang: 'ko' },
        en: { label: 'English', lang: 'en' },
      },
      // Lessons live outside src/content/docs, so Starlight's Markdown features (asides, code
      // frames) must be told where to look.
      markdown: { processedDirs: ['./content/docs'], headingLinks: false },
      customCss: ['./src/styles/course.css', './src/styles/print.css'],
      // The sidebar also shows the learner's progress through the exercises.
      components: { Sidebar: './src/components/Sidebar.astro' },
      sidebar: [
        { label: '시작하기', translations: { en: 'Start here' }, items: [{ slug: 'index' }, 'playground'] },
        {
          label: '강의',
          translations: { en: 'Lessons' },
          items: [
            'lessons/01-why-extend',
            'lessons/02-apiservice-spec',
            'lessons/03-request-path',
            'lessons/04-metrics-server',
            'lessons/05-apiservice-vs-crd',
            'lessons/06-tracing-with-v6',
            'lessons/07-everyday-commands',
            'lessons/08-troubleshooting',
            'lessons/09-summary-challenge',
          ],
        },
        {
          label: '더 알아보기',
          translations: { en: 'Going further' },
          items: ['lessons/10-discovery-priority', 'lessons/11-proxy-headers'],
        },
      ],
    }),
    // Once the pages are built: the Content-Security-Policy in every page and in _headers (src/csp/).
    contentSecurityPolicy(),
    // After Starlight, whose build step writes the search index the offline copy must include.
    offline(),
  ],
});
