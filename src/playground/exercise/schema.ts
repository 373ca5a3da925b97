// The content schema of a lesson's `exercises:` front matter (src/content.config.ts extends
// Starlight's docs schema with it). A bad declaration fails `astro build`, and the message names
// the exercise and the check; Astro adds the lesson's file.
import { z } from 'astro/zod';
import { parseFieldPath } from './field_path.ts';
import { CHECK_KINDS } from './types.ts';

const ONE_KIND = 'a check has exactly one of: exists, field + equals, condition (+ status, reason), count or minCount, request';

const text = z.string().trim().min(1);

const checkShape = z.strictObject({
  path: text.optional(),
  exists: z.boolean().optional(),
  field: text.optional(),
  equals: z.unknown().optional(),
  condition: text.optional(),
  status: text.optional(),
  reason: text.optional(),
  count: z.number().int().nonnegative().optional(),
  minCount: z.number().int().nonnegative().optional(),
  request: z
    .strictObject({
      method: z.string().regex(/^[A-Za-z]+$/, 'an HTTP method such as GET').optional(),
      path: z.string().startsWith('/', 'a path starting with "/"'),
      status: z.number().int().min(100).max(599).optional(),
    })
    .optional(),
  hint: text,
});

type RawCheck = z.infer<typeof checkShape>;

/** Whether the check gives `key` (`equals: null` counts: null is a value to compare with). */
const has = (check: RawCheck, key: keyof RawCheck) => check[key] !== undefined || (key === 'equals' && 'equals' in check);

function kindsOf(check: RawCheck): string[] {
  return CHECK_KINDS.filter((kind) => (kind === 'count' ? has(check, 'count') || has(check, 'minCount') : has(check, kind)));
}

/** What is wrong with one check, or undefined. */
function checkProblem(check: RawCheck): string | undefined {
  const kinds = kindsOf(check);
  if (kinds.length !== 1) return `${kinds.length === 0 ? 'it has none' : `it has ${kinds.join(' and ')}`}; ${ONE_KIND}`;
  const kind = kinds[0];
  if (kind === 'request') {
    if (check.path !== undefined) return '"path" goes inside "request" for a request check';
  } else {
    if (check.path === undefined) return `a "${kind}" check needs "path", the API path to GET`;
    if (!check.path.startsWith('/')) return `"path" must start with "/" (got ${JSON.stringify(check.path)})`;
  }
  if (kind === 'field') {
    if (!has(check, 'equals')) return '"field" needs "equals", the expected value';
    if (!parseFieldPath(check.field ?? '')) return `"field" ${JSON.stringify(check.field)} is not a path like spec.service.name or items[0].metadata.name`;
  } else if (has(check, 'equals')) return '"equals" only goes with "field"';
  if (kind !== 'condition' && (check.status !== undefined || check.reason !== undefined)) return '"status" and "reason" only go with "condition"';
  if (kind === 'count' && check.count !== undefined && check.minCount !== undefined) return 'give "count" or "minCount", not both';
  return undefined;
}

const fileSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a file name without folders, such as custom-apiservice.yaml'),
  content: z.string(),
});

const exerciseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an exercise id uses a-z, 0-9 and "-" (e.g. register-custom-api)'),
    title: text,
    solution: z.array(text).min(1, 'the solution lists at least one command'),
    files: z.array(fileSchema).optional(),
    checks: z.array(checkShape).min(1, 'an exercise has at least one check'),
  })
  .superRefine((exercise, ctx) => {
    exercise.checks.forEach((check, i) => {
      const problem = checkProblem(check);
      if (problem) ctx.addIssue({ code: 'custom', path: ['checks', i], message: `exercise "${exercise.id}", check ${i + 1}: ${problem}` });
    });
  });

export const exercisesSchema = z.array(exerciseSchema).superRefine((exercises, ctx) => {
  const seen = new Set<string>();
  exercises.forEach((exercise, i) => {
    if (seen.has(exercise.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `exercise id "${exercise.id}" is used twice in this lesson` });
    seen.add(exercise.id);
  });
});
