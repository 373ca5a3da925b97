// 10,000 random command lines never throw out of the shell: each ends with output or an error
// message and an exit code, and the shell takes the next line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Shell } from '../../../src/kubectl/shell/shell.ts';
import type { CommandRunner } from '../../../src/kubectl/shell/types.ts';

/** Stands in for kubectl: prints the argv it was given, so every word reaches a command. */
const echoArgv: CommandRunner = async (argv, stdin) => ({ stdout: `${JSON.stringify(argv)}\n${stdin}`, stderr: '', code: argv.length % 2 });

const word = fc.oneof(
  fc.constantFrom('kubectl', 'get', 'apiservice', 'grep', '-v', '-E', '-i', '-c', '-w', '-n', 'head', 'tail', '-3', 'wc', '-l', 'sort', '-k2', '-r',
    'echo', 'history', 'clear', 'help', '|', '||', '&&', ';', '&', '>', '<', '2>&1', '>/dev/null', '#', '$?', '$HOME', '${X}', '$(', '`', '\\',
    "'", '"', '(', ')', '[', ']', '*', '{', '}', '-o=yaml', '--raw=/apis', 'Local', 'a|b', '[[:alpha:]]', '\\(', '日本語', '😀', '👍🏽', 'e\u0301', '\t', '\u0000', '\x1b[A'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ maxLength: 6 }).map((s) => `'${s}'`),
  fc.string({ maxLength: 6 }).map((s) => `"${s}"`),
  fc.string({ maxLength: 4 }).map((s) => `-${s}`),
);
const commandLine = fc.oneof(
  { weight: 20, arbitrary: fc.array(word, { maxLength: 14 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.array(word, { minLength: 200, maxLength: 600 }).map((words) => words.join(' ')) },
);

describe('Shell robustness', () => {
  it('never throws on 10,000 random command lines', async () => {
    const shell = new Shell({ commands: { kubectl: echoArgv, get: echoArgv } });
    await fc.assert(
      fc.asyncProperty(commandLine, async (line) => {
        const result = await shell.run(line);
        expect(typeof result.output).toBe('string');
        expect(Number.isInteger(result.code)).toBe(true);
        expect(result.code).toBeGreaterThanOrEqual(0);
        expect(result.code).toBe(shell.lastExitCode);
      }),
      { numRuns: 10_000 },
    );
    expect(await shell.run('echo still here')).toEqual({ output: 'still here\n', code: 0 });
    expect(await shell.run('kubectl "a b" | grep -c a')).toEqual({ output: '1\n', code: 0 });
  }, 120_000);
});
