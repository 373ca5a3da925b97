/// <reference types="astro/client" />
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { exercisesSchema } from './playground/exercise/schema.ts';

// Lessons are authored in the top-level content/docs/ folder, next to content/scenarios/.
// Files whose name starts with "_" (such as _template.mdx) are not pages.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    // A lesson may declare checked exercises (see src/playground/exercise/schema.ts).
    schema: docsSchema({ extend: z.object({ exercises: exercisesSchema.optional() }) }),
  }),
  // UI-string overrides per language (src/content/i18n/<lang>.json). English needs the code-frame
  // labels spelled out, or they fall back to the default (Korean) locale.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
