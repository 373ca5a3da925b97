// Checked exercises as lessons declare them in their front matter (`exercises:`), after the
// content schema (schema.ts) has validated them. Shared by the build (Playground.astro) and the page.

/** GET `path` answers 200 (`exists: true`) or 404 (`exists: false`). */
export interface ExistsCheck {
  path: string;
  exists: boolean;
  hint: string;
}

/** The value at `field` (a dot path, `[N]` for list indexes) in GET `path`'s body deep-equals `equals`. */
export interface FieldCheck {
  path: string;
  field: string;
  equals: unknown;
  hint: string;
}

/** GET `path`'s `status.conditions[type=condition]` has this status (default "True") and reason. */
export interface ConditionCheck {
  path: string;
  condition: string;
  status?: string | undefined;
  reason?: string | undefined;
  hint: string;
}

/** GET `path` is a list whose `items` has exactly `count` (or at least `minCount`) entries. */
export interface CountCheck {
  path: string;
  count?: number | undefined;
  minCount?: number | undefined;
  hint: string;
}

/** The learner's kubectl sent such a request (since the page loaded, or since Reset). */
export interface RequestCheck {
  request: { method?: string | undefined; path: string; status?: number | undefined };
  hint: string;
}

export type Check = ExistsCheck | FieldCheck | ConditionCheck | CountCheck | RequestCheck;

export interface ExerciseFile {
  name: string;
  content: string;
}

export interface Exercise {
  id: string;
  title: string;
  solution: string[];
  files?: ExerciseFile[] | undefined;
  checks: Check[];
}

/** One request the cluster answered for the learner's kubectl. */
export interface ObservedRequest {
  method: string;
  url: string;
  status: number;
}

export type CheckKind = 'exists' | 'field' | 'condition' | 'count' | 'request';

export function kindOf(check: Check): CheckKind {
  if ('request' in check) return 'request';
  if ('exists' in check) return 'exists';
  if ('field' in check) return 'field';
  if ('condition' in check) return 'condition';
  return 'count';
}
