import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineEditor } from '../../../src/kubectl/shell/line_editor.ts';
import { CommandHistory, MemoryHistoryStorage } from '../../../src/kubectl/shell/history.ts';
import { TerminalScreen } from './terminal_screen.ts';

const KEYS = {
  enter: '\r', backspace: '\x7f', left: '\x1b[D', right: '\x1b[C', up: '\x1b[A', down: '\x1b[B', home: '\x1b[H', end: '\x1b[F',
  delete: '\x1b[3~', ctrlA: '\x01', ctrlE: '\x05', ctrlK: '\x0b', ctrlU: '\x15', ctrlW: '\x17', ctrlY: '\x19', ctrlC: '\x03', ctrlL: '\x0c', tab: '\t',
};

async function typeKeys(editor: LineEditor, screen: TerminalScreen, keys: readonly string[]) {
  const effects = [];
  for (const key of keys) {
    const { write, effect } = editor.feed(key);
    await screen.write(write);
    if (effect) effects.push(effect);
  }
  return effects;
}

describe('LineEditor', () => {
  it('edits in the middle of a line and keeps the screen in step', async () => {
    const editor = new LineEditor({ prompt: '$ ', columns: 80 });
    const screen = new TerminalScreen(80);
    await screen.write(editor.start());
    await typeKeys(editor, screen, ['kubectl get apiservice', KEYS.home, KEYS.right, KEYS.right, 'x', KEYS.end, 's', KEYS.left, KEYS.backspace, KEYS.delete]);
    expect(editor.line).toBe('kuxbectl get apiservic');
    expect(screen.text()).toBe('$ kuxbectl get apiservic');
    await typeKeys(editor, screen, [KEYS.ctrlA, KEYS.delete, KEYS.delete, KEYS.delete, KEYS.ctrlE, KEYS.ctrlW]);
    expect(editor.line).toBe('bectl get ');
    await typeKeys(editor, screen, [KEYS.left, KEYS.left, KEYS.ctrlK, KEYS.ctrlA, KEYS.ctrlY]);
    expect(editor.line).toBe('t bectl ge');
    await typeKeys(editor, screen, [KEYS.end, KEYS.ctrlU]);
    expect(editor.line).toBe('');
    expect(screen.text()).toBe('$');
  });

  it('submits on Enter and stops reading until started again', () => {
    const editor = new LineEditor();
    editor.start();
    const result = editor.feed('echo a\recho b\r');
    expect(result.effect).toEqual({ kind: 'submit', line: 'echo a' });
    expect(result.rest).toBe('echo b\r');
    expect(editor.isReading).toBe(false);
    editor.start();
    expect(editor.feed(result.rest).effect).toEqual({ kind: 'submit', line: 'echo b' });
  });

  it('cancels the line on Ctrl-C with ^C and a new prompt', async () => {
    const editor = new LineEditor({ prompt: '$ ' });
    const screen = new TerminalScreen(40);
    await screen.write(editor.start());
    const effects = await typeKeys(editor, screen, ['kubectl get apis', KEYS.left, KEYS.ctrlC]);
    expect(effects).toEqual([{ kind: 'interrupt' }]);
    expect(editor.line).toBe('');
    expect(editor.isReading).toBe(true);
    expect(screen.text()).toBe('$ kubectl get apis^C\n$');
  });

  it('clears the screen on Ctrl-L and redraws the line at the top', async () => {
    const editor = new LineEditor({ prompt: '$ ' });
    const screen = new TerminalScreen(40);
    await screen.write('old output\r\nmore\r\n' + editor.start());
    await typeKeys(editor, screen, ['kubectl', KEYS.left, KEYS.ctrlL]);
    expect(screen.text()).toBe('$ kubectl');
    expect(screen.terminal.buffer.active.cursorY).toBe(0);
    expect(screen.underCursor()).toBe('l');
  });

  it('walks history with Up and Down, keeping the line being typed', async () => {
    const history = new CommandHistory(new MemoryHistoryStorage(['kubectl get apiservices', 'kubectl top nodes']));
    const editor = new LineEditor({ history });
    const screen = new TerminalScreen(80);
    await screen.write(editor.start());
    await typeKeys(editor, screen, ['draft', KEYS.up]);
    expect(editor.line).toBe('kubectl top nodes');
    await typeKeys(editor, screen, [KEYS.up, KEYS.up]);
    expect(editor.line).toBe('kubectl get apiservices');
    await typeKeys(editor, screen, [KEYS.down, KEYS.down]);
    expect(editor.line).toBe('draft');
    expect(screen.text()).toBe('$ draft');
  });

  it('asks for completion on Tab and applies a single candidate with a space', async () => {
    const editor = new LineEditor();
    const screen = new TerminalScreen(80);
    await screen.write(editor.start());
    const [effect] = await typeKeys(editor, screen, ['kubectl get apise', KEYS.tab]);
    expect(effect).toEqual({ kind: 'complete', line: 'kubectl get apise', cursor: 17 });
    await screen.write(editor.applyCompletion({ from: 12, to: 17, candidates: ['apiservices'] }));
    expect(editor.line).toBe('kubectl get apiservices ');
    expect(screen.text()).toBe('$ kubectl get apiservices');
  });

  it('completes a common prefix, then lists candidates on the next Tab, as readline does', async () => {
    const editor = new LineEditor();
    const screen = new TerminalScreen(80);
    await screen.write(editor.start());
    await typeKeys(editor, screen, ['kubectl api', KEYS.tab]);
    const candidates = { from: 8, to: 11, candidates: ['api-resources', 'api-versions'] };
    await screen.write(editor.applyCompletion(candidates));
    expect(editor.line).toBe('kubectl api-');
    await typeKeys(editor, screen, [KEYS.tab]);
    await screen.write(editor.applyCompletion({ ...candidates, to: 12 }));
    expect(screen.text()).toBe('$ kubectl api-\napi-resources  api-versions\n$ kubectl api-');
    // A first Tab that can add nothing only rings the bell.
    await typeKeys(editor, screen, ['x', KEYS.backspace, KEYS.tab]);
    expect(editor.applyCompletion({ ...candidates, to: 12 })).toBe('\x07');
  });

  it('deletes a whole emoji or accented letter with one Backspace', async () => {
    const editor = new LineEditor();
    const screen = new TerminalScreen(20);
    await screen.write(editor.start());
    await typeKeys(editor, screen, ['a👨‍👩‍👧e\u0301日', KEYS.backspace, KEYS.backspace, KEYS.left, KEYS.backspace]);
    expect(editor.line).toBe('👨‍👩‍👧');
    expect(screen.text()).toBe('$ 👨‍👩‍👧');
  });

  it('never corrupts the screen: wide characters, emoji, wrapping and random edits', async () => {
    const grapheme = fc.constantFrom('a', 'Z', ' ', '-', '日', '本', '😀', '👍🏽', 'é', 'ü', '\u00e9', 'k8s', '|');
    const key = fc.oneof(
      { weight: 5, arbitrary: fc.array(grapheme, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
      { weight: 4, arbitrary: fc.constantFrom(KEYS.backspace, KEYS.left, KEYS.right, KEYS.home, KEYS.end, KEYS.delete, KEYS.ctrlW, KEYS.ctrlK, KEYS.ctrlY, KEYS.ctrlA, KEYS.ctrlE) },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 7, max: 23 }), fc.array(key, { maxLength: 40 }), async (columns, keys) => {
        const editor = new LineEditor({ prompt: '$ ', columns });
        const screen = new TerminalScreen(columns);
        await screen.write(editor.start());
        await typeKeys(editor, screen, keys);
        // Everything typed is on screen in order, and the cursor stands on the character it edits.
        expect(screen.text().replace(/\s/g, '')).toBe(`$ ${editor.line}`.replace(/\s/g, ''));
        const atCursor = [...new Intl.Segmenter().segment(editor.line.slice(editor.cursorOffset))][0]?.segment ?? '';
        expect(screen.underCursor().trim()).toBe(atCursor.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('handles a 10,000 character paste on a narrow terminal', async () => {
    const editor = new LineEditor({ columns: 30 });
    const screen = new TerminalScreen(30, 600);
    await screen.write(editor.start());
    const long = 'kubectl get apiservice 日本 😀 '.repeat(400).slice(0, 10_000);
    await typeKeys(editor, screen, [long, KEYS.home, 'X']);
    expect(editor.line).toBe(`X${long}`);
    expect(screen.underCursor()).toBe('k');
  });
});
