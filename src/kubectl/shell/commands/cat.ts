// cat: the pipe or the named files (the playground's editor buffers), one after the other.
import { result, readInputs } from './text_command.ts';
import type { TextCommand } from './text_command.ts';

export const cat: TextCommand = (argv, stdin, files) => {
  const operands = argv.slice(1).filter((arg) => arg !== '--');
  const badOption = operands.find((arg) => arg.startsWith('-') && arg !== '-');
  if (badOption !== undefined) {
    const message = badOption.startsWith('--') ? `cat: unrecognized option '${badOption}'` : `cat: invalid option -- '${badOption[1]}'`;
    return result('', `${message}\nTry 'cat --help' for more information.\n`, 1);
  }
  let stdout = '';
  let stderr = '';
  for (const input of readInputs(operands, stdin, files)) {
    if (input.text === undefined) stderr += `cat: ${input.name}: No such file or directory\n`;
    else stdout += input.text;
  }
  return result(stdout, stderr, stderr === '' ? 0 : 1);
};
