// What Solve adds and types: the exercise's files under names that never overwrite a learner's
// buffer, and its commands rewritten to use those names.
import type { Exercise, ExerciseFile } from './types.ts';

export interface SolutionPlan {
  /** Files to add to the playground (none of them exists with other content). */
  files: ExerciseFile[];
  /** The commands to run, in order. */
  commands: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `existing(name)` is the playground's current text of a file, or undefined. */
export function planSolution(exercise: Pick<Exercise, 'solution' | 'files'>, existing: (name: string) => string | undefined): SolutionPlan {
  const files: ExerciseFile[] = [];
  let commands = [...exercise.solution];
  for (const file of exercise.files ?? []) {
    let name = file.name;
    // A buffer of that name with other content is the learner's: pick a free name beside it.
    for (let n = 1; existing(name) !== undefined && existing(name) !== file.content; n++) {
      name = n === 1 ? `solution-${file.name}` : `solution-${n}-${file.name}`;
    }
    if (existing(name) === undefined) files.push({ name, content: file.content });
    if (name !== file.name) {
      const word = new RegExp(`(^|[\\s=])${escape(file.name)}(?=$|\\s)`, 'g');
      commands = commands.map((c) => c.replace(word, `$1${name}`));
    }
  }
  return { files, commands };
}
