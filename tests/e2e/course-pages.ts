// The course's pages, read from content/docs/ so that a new lesson is tested without editing
// the tests: Korean lessons live in content/docs/lessons/, English ones in content/docs/en/lessons/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Locale = 'ko' | 'en';

export interface CoursePage {
  locale: Locale;
  /** URL path on the built site, e.g. `/en/lessons/01-why-extend/`. */
  path: string;
  /** The path of the same page in the other language. */
  otherPath: string;
  /** The page title from its front matter. */
  title: string;
  /** The lesson's file name without extension, e.g. `01-why-extend`; `index` for the home page. */
  slug: string;
}

const docs = join(import.meta.dirname, '..', '..', 'content', 'docs');

/** Read `title:` from an MDX file's front matter (quoted or bare). */
function frontMatterTitle(file: string): string {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n[\s\S]*?^title:\s*(.+)$/m.exec(text);
  if (!match?.[1]) throw new Error(`no title in ${file}`);
  const raw = match[1].trim();
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.replace(/^'(.*)'$/, '$1');
}

function lessonSlugs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
    .map((name) => name.replace(/\.mdx$/, ''))
    .sort();
}

export const koLessonSlugs = lessonSlugs(join(docs, 'lessons'));
export const enLessonSlugs = lessonSlugs(join(docs, 'en', 'lessons'));

function prefix(locale: Locale): string {
  return locale === 'ko' ? '' : '/en';
}

function other(locale: Locale): Locale {
  return locale === 'ko' ? 'en' : 'ko';
}

/** Every lesson page in both languages. */
export const lessonPages: CoursePage[] = (['ko', 'en'] as const).flatMap((locale) =>
  (locale === 'ko' ? koLessonSlugs : enLessonSlugs).map((slug) => ({
    locale,
    slug,
    path: `${prefix(locale)}/lessons/${slug}/`,
    otherPath: `${prefix(other(locale))}/lessons/${slug}/`,
    title: frontMatterTitle(join(docs, ...(locale === 'en' ? ['en'] : []), 'lessons', `${slug}.mdx`)),
  })),
);

/** The two home pages. */
export const homePages: CoursePage[] = (['ko', 'en'] as const).map((locale) => ({
  locale,
  slug: 'index',
  path: `${prefix(locale)}/`,
  otherPath: `${prefix(other(locale))}/`,
  title: frontMatterTitle(join(docs, ...(locale === 'en' ? ['en'] : []), 'index.mdx')),
}));
