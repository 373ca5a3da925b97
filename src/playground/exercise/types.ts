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

/** The kinds of check, each named by the key that marks it (`count` also stands for `minCount`). */
export const CHECK_KINDS = ['exists', 'field', 'condition', 'count', 'request'] as const;

export type CheckKind = (typeof CHECK_KINDS)[number];

/** A check with its kind, to switch on. */
export type KindedCheck =
  | { kind: 'exists'; check: ExistsCheck }
  | { kind: 'field'; check: FieldCheck }
  | { kind: 'condition'; check: ConditionCheck }
  | { kind: 'count'; check: CountCheck }
  | { kind: 'request'; check: RequestCheck };

/** The check's kind, from the key only that kind has (the schema lets a check have one). */
export function kindOf(check: Check): KindedCheck {
  if ('request' in check) return { kind: 'request', check };
  if ('exists' in check) return { kind: 'exists', check };
  if ('field' in check) return { kind: 'field', check };
  if ('condition' in check) return { kind: 'condition', check };
  return { kind: 'count', check };
}
