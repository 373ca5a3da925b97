// At build time: the exercises a playground's `check` prop names, read from the lesson's front
// matter through Starlight's route data, and the lesson's slug without locale (the progress key).
// A `check` naming no declared exercise fails the build.
import type { Exercise } from './types.ts';
import { lessonSlug } from '../../progress/progress.ts';

interface RouteLocals {
  starlightRoute?: { entry: { id: string; data: unknown }; locale?: string | undefined };
}

export interface LessonExercises {
  exercises: Exercise[];
  lesson: string;
}

export function lessonExercises(locals: unknown, check: string | undefined): LessonExercises {
  const ids = (check ?? '').split(/\s+/).filter((id) => id !== '');
  let route: RouteLocals['starlightRoute'];
  try {
    route = (locals as RouteLocals).starlightRoute; // throws outside Starlight's pages
  } catch {
    route = undefined;
  }
  if (!route) {
    if (ids.length > 0) throw new Error(`<Playground check="${check}"> works only in a lesson (a Starlight page with exercises in its front matter)`);
    return { exercises: [], lesson: '' };
  }
  const { entry, locale } = route;
  const lesson = lessonSlug(entry.id, locale);
  const declared = ((entry.data as { exercises?: Exercise[] }).exercises ?? []);
  const exercises = ids.map((id) => {
    const found = declared.find((e) => e.id === id);
    if (!found) {
      const known = declared.map((e) => e.id).join(', ') || 'none';
      throw new Error(`${entry.id}: <Playground check="${check}"> names exercise "${id}", which the front matter does not declare (declared: ${known})`);
    }
    return found;
  });
  return { exercises, lesson };
}
