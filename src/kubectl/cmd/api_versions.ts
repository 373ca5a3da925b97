// kubectl api-versions: every served group/version, sorted.

import { groupVersionString } from '../discovery.ts';
import { UsageError, type Command } from './command.ts';

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  flags: [],
  async run(ctx) {
    if (ctx.args.length > 0) throw new UsageError('api-versions', `error: unexpected arguments: [${ctx.args.join(' ')}]`);
    // kubectl invalidates its discovery cache first: this command always shows the server's current discovery.
    const discovery = ctx.discovery();
    discovery.invalidate();
    const groups = await discovery.serverGroups();
    const versions = groups.flatMap((g) => g.versions.map((v) => groupVersionString(g.name, v.version)));
    versions.sort();
    ctx.out(versions.map((v) => v + '\n').join(''));
  },
};
