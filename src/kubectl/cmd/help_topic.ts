// kubectl help [COMMAND...]: the recorded help of that command, the root help without one, and
// cobra's "Unknown help topic" with the root usage (on stderr, exit 0) for what it cannot find.

import { rootHelp } from './help.ts';
import { helpTexts as loadHelpTexts } from '../help/index.ts';
import type { Command } from './command.ts';

/** Subcommand aliases cobra resolves under `help`. */
const aliases: Record<string, string> = { 'top nodes': 'top node', 'top no': 'top node', 'top pods': 'top pod', 'top po': 'top pod' };

export const helpCommand: Command = {
  name: 'help',
  flags: [],
  async run(ctx) {
    if (ctx.args.length === 0) {
      ctx.out(rootHelp);
      return;
    }
    const helpTexts = await loadHelpTexts();
    // cobra's Find: descend while the next word names a subcommand; extra words are ignored.
    let path = '';
    for (const word of ctx.args) {
      const next = path ? `${path} ${word}` : word;
      const resolved = aliases[next] ?? next;
      if (!Object.hasOwn(helpTexts, resolved) || resolved === 'usage') break;
      path = resolved;
    }
    if (path === '') {
      ctx.err(`Unknown help topic [${ctx.args.map((a) => `\`${a}\``).join(' ')}]\n${helpTexts['usage'] ?? ''}`);
      return;
    }
    ctx.out(helpTexts[path]!);
  },
};
