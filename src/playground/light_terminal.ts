// The terminal a playground shows from the first paint, before the full one (xterm and the shell's
// line editor, see terminal.ts) is loaded: Playground.astro renders it as a prompt (`$ `) with a
// real text field, and this script makes it take keys at once. Characters echo and the field edits
// as any text field does; Enter queues the line (shown after a `$ `, as the shell will show it);
// Tab is kept for completion once the shell is there; Escape then Tab leaves, as in the full
// terminal. When the full terminal takes over, take() hands it exactly what was typed: the queued
// lines, which then run in order, the partial line, and whether the field had the focus.

/** What the learner typed before the full terminal came. */
export interface TypedAhead {
  /** Lines entered with Enter, oldest first. */
  lines: string[];
  /** The line being typed. */
  partial: string;
  /** Tab was the last key: the shell completes the partial line once it is there. */
  complete: boolean;
  /** The field had the keyboard focus (the full terminal takes it). */
  focused: boolean;
}

export interface LightTerminal {
  /** Stops taking keys and returns what was typed; the full terminal replaces the field. */
  take(): TypedAhead;
}

/** Brings the rendered light terminal inside `root` to life; undefined when there is none. */
export function lightTerminal(root: HTMLElement, onKey: () => void): LightTerminal | undefined {
  const input = root.querySelector<HTMLInputElement>('input[data-playground-light-input]');
  const out = root.querySelector<HTMLElement>('[data-playground-light-out]');
  if (!input || !out) return undefined;
  const lines: string[] = [];
  let complete = false;
  let leaving = false;

  const onKeydown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    onKey();
    if (event.key === 'Escape') {
      leaving = true;
      return;
    }
    if (event.key === 'Tab') {
      if (leaving || event.shiftKey) return; // the browser moves the focus
      event.preventDefault();
      complete = true;
      return;
    }
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) leaving = false;
    if (event.key === 'Enter') {
      event.preventDefault();
      lines.push(input.value);
      out.append(`$ ${input.value}\n`);
      input.value = '';
      complete = false;
    }
  };
  const onInput = () => {
    complete = false;
    onKey();
  };
  input.addEventListener('keydown', onKeydown);
  input.addEventListener('input', onInput);

  return {
    take() {
      input.removeEventListener('keydown', onKeydown);
      input.removeEventListener('input', onInput);
      return { lines: [...lines], partial: input.value, complete, focused: input.ownerDocument.activeElement === input };
    },
  };
}
