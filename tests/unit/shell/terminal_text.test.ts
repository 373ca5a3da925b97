// A command's output on a real terminal emulator: escape sequences a learner put in an object
// (an annotation printed by jsonpath or describe) are shown, never run, so the terminal neither
// clears, nor moves the cursor, nor answers as if the learner had typed; `clear` still clears.
import { describe, expect, it } from 'vitest';
import { toTerminalText } from '../../../src/kubectl/shell/session.ts';
import { CLEAR_SCREEN } from '../../../src/kubectl/shell/shell.ts';
import { TerminalScreen } from './terminal_screen.ts';

describe('command output on the terminal', () => {
  it('shows control characters as cat -v does', () => {
    expect(toTerminalText('a\x1b[31mb\r\nc\x9b\x00\x7f\n')).toBe('a^[[31mb\r\ncM-^[^@^?\r\n');
    expect(toTerminalText('plain')).toBe('plain\r\n');
    expect(toTerminalText(CLEAR_SCREEN)).toBe(CLEAR_SCREEN);
  });

  it('never makes the terminal answer, clear or move', async () => {
    const screen = new TerminalScreen(80, 10);
    const answers: string[] = [];
    screen.terminal.onData((data) => answers.push(data));
    await screen.write('$ kubectl get ns x -o jsonpath={.metadata.annotations.a}\r\n');
    await screen.write(toTerminalText('\x1b[6n\x1b[c\x1b[2J\x1b[H\x1b]0;title\x07\x1b[?1049hafter'));
    expect(answers).toEqual([]);
    expect(screen.text()).toBe('$ kubectl get ns x -o jsonpath={.metadata.annotations.a}\n^[[6n^[[c^[[2J^[[H^[]0;title^G^[[?1049hafter');
  });
});
