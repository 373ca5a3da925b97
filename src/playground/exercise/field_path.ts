// Field paths into an object as checks write them: `spec.service.name`, `status.conditions[0].type`,
// `items[2].metadata.name`. Keys are separated by dots; `[N]` indexes a list.

export type FieldPath = (string | number)[];

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

/** The path's steps, or undefined when it is malformed (empty key, unclosed or non-numeric index). */
export function parseFieldPath(path: string): FieldPath | undefined {
  if (path === '') return undefined;
  const steps: FieldPath = [];
  for (const part of path.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match) return undefined;
    steps.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

/** The value at `steps` in `value`, or undefined when a step does not exist. */
export function valueAt(value: unknown, steps: FieldPath): unknown {
  let current = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      if (!Object.hasOwn(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}
