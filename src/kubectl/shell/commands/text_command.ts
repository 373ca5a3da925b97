import type { CommandResult, FileSource } from '../types.ts';

/** A text tool of the shell: argv (with its own name first), what the pipe gives it, the files. */
export type TextCommand = (argv: string[], stdin: string, files: FileSource) => CommandResult;

export const result = (stdout: string, stderr: string, code: number): CommandResult => ({ stdout, stderr, code });

/** The input of a tool: its named files in order, `-` and no name meaning the pipe. */
export type InputSource = { name: string; text: string | undefined };

export function readInputs(operands: readonly string[], stdin: string, files: FileSource): InputSource[] {
  if (operands.length === 0) return [{ name: '(standard input)', text: stdin }];
  return operands.map((name) => (name === '-' ? { name: '(standard input)', text: stdin } : { name, text: files.readFile(name) }));
}
