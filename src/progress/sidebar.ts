// The sidebar's progress: done/total on each lesson link that has exercises and for the course,
// and the reset button. Reads the exercise ids the build counted from [data-course-progress].
import { PROGRESS_EVENT, PROGRESS_KEY, clearProgress, exerciseKey, readProgress } from './progress.ts';

function render(root: HTMLElement, lessons: Record<string, string[]>): void {
  const done = readProgress().done;
  let courseDone = 0;
  let courseTotal = 0;
  for (const [lesson, ids] of Object.entries(lessons)) {
    const n = ids.filter((id) => done[exerciseKey(lesson, id)]).length;
    courseDone += n;
    courseTotal += ids.length;
    for (const badge of document.querySelectorAll<HTMLElement>(`a[data-progress-link="${lesson}"] .lesson-progress`)) {
      badge.dataset.progress = lesson;
      badge.textContent = `${n}/${ids.length}`;
      badge.classList.toggle('complete', n === ids.length);
    }
  }
  const course = root.querySelector<HTMLElement>('[data-progress="course"]');
  if (course) course.textContent = `${courseDone}/${courseTotal}`;
}

function start(): void {
  const root = document.querySelector<HTMLElement>('[data-course-progress]');
  if (!root) return;
  const lessons = JSON.parse(root.dataset.lessons ?? '{}') as Record<string, string[]>;
  const update = () => render(root, lessons);
  update();
  window.addEventListener(PROGRESS_EVENT, update);
  window.addEventListener('storage', (event) => event.key === PROGRESS_KEY && update());
  root.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
    clearProgress();
    const status = root.querySelector('[data-progress-status]');
    if (status) status.textContent = root.dataset.resetDone ?? '';
  });
}

start();
