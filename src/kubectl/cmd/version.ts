// kubectl version: the client's build, kustomize's, and the server's /version.

import { bool, boolFlag, str, stringFlag } from '../flags.ts';
import { marshalIndent } from '../printers/json.ts';
import { toYAML } from '../printers/yaml.ts';
import { KubectlError } from '../rest/errors.ts';
import type { Command } from './command.ts';
import { caller } from '../rest/body_log.ts';

export const clientVersion = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export const kustomizeVersion = 'v5.5.0';

/** Go struct order of version.Info, for JSON output. */
const infoKeys = ['major', 'minor', 'emulationMajor', 'emulationMinor', 'minCompatibilityMajor', 'minCompatibilityMinor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'];

function inStructOrder(info: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of infoKeys) if (k in info) out[k] = info[k];
  return out;
}

/** json.MarshalIndent with two spaces, keeping the given key order (Go structs are not sorted). */
function structJSON(value: unknown, prefix = ''): string {
  if (value === null || typeof value !== 'object') return marshalIndent(value);
  const inner = prefix + '  ';
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${structJSON(v, inner)}`).join(',\n')}\n${prefix}}`;
}

export const versionCommand: Command = {
  name: 'version',
  flags: [boolFlag('client'), stringFlag('output', 'o')],
  async run(ctx) {
    const output = str(ctx.flags, 'output');
    if (output !== '' && output !== 'json' && output !== 'yaml') throw new KubectlError(`--output must be 'yaml' or 'json'`);
    const result: Record<string, unknown> = { clientVersion, kustomizeVersion };
    let serverError: Error | undefined;
    if (!bool(ctx.flags, 'client')) {
      try {
        const server = await ctx.client().getJSON<Record<string, unknown>>({ caller: caller.serverVersion, httpCache: true, path: '/version?timeout=32s', accept: 'application/json, */*' });
        result.serverVersion = inStructOrder(server);
      } catch (e) {
        serverError = e as Error;
      }
    }
    if (output === 'json') ctx.out(structJSON(result) + '\n');
    else if (output === 'yaml') ctx.out(toYAML(result) + '\n');
    else {
      ctx.out(`Client Version: ${clientVersion.gitVersion}\nKustomize Version: ${kustomizeVersion}\n`);
      const server = result.serverVersion as { gitVersion?: string; minor?: string } | undefined;
      if (server) {
        ctx.out(`Server Version: ${server.gitVersion ?? ''}\n`);
        const skew = Math.abs(Number.parseInt(server.minor ?? '', 10) - Number(clientVersion.minor));
        if (skew > 1) {
          ctx.err(`WARNING: version difference between client (1.${clientVersion.minor}) and server (1.${Number.parseInt(server.minor ?? '', 10)}) exceeds the supported minor version skew of +/-1\n`);
        }
      }
    }
    if (serverError) throw serverError;
  },
};
