// A lesson's MDX source and the exercises its front matter declares, read from content/docs/ so
// that tests use the lesson's own files and solutions rather than copies of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface LessonExercise {
  id: string;
  solution: string[];
  files?: { name: string; content: string }[];
  checks: { hint: string }[];
}

const docs = join(import.meta.dirname, '..', 'content', 'docs');

/** The MDX text of lesson `slug` (e.g. `09-summary-challenge`) in `locale`. */
export function lessonSource(slug: string, locale: 'ko' | 'en' = 'ko'): string {
  return readFileSync(join(docs, ...(locale === 'en' ? ['en'] : []), 'lessons', `${slug}.mdx`), 'utf8');
}

export function exercisesOf(text: string): LessonExercise[] {
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  return (parseYaml(frontMatter) as { exercises?: LessonExercise[] }).exercises ?? [];
}

/** The content of file `name` that exercise `id` of lesson `slug` gives its solution. */
export function solutionFile(slug: string, id: string, name: string): string {
  const exercise = exercisesOf(lessonSource(slug)).find((e) => e.id === id);
  const file = exercise?.files?.find((f) => f.name === name);
  if (!file) throw new Error(`lesson ${slug} has no file ${name} in exercise ${id}`);
  return file.content;
}
