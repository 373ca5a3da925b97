// Records the help texts of the real kubectl 1.32 into src/kubectl/help/texts.ts:
// `node scripts/record-kubectl-help.ts [path to kubectl 1.32]`. `--help` needs no cluster.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realKubectlBinary } from '../tests/conformance/parity/ours.ts';
import { kubectlCommandNames } from '../src/kubectl/cmd/index.ts';

const binary = process.argv[2] ?? realKubectlBinary();
/** Subcommands whose help is recorded too, besides every top-level command. */
const subcommands: Record<string, string[]> = {
  top: ['node', 'pod'],
  'cluster-info': ['dump'],
  config: [
    'current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users',
    'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view',
  ],
};

const home = mkdtempSync(join(tmpdir(), 'kubectl-help-'));
const run = (args: string[]) =>
  execFileSync(binary, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home } });

const texts: Record<string, string> = {};
for (const name of kubectlCommandNames) {
  if (name === 'help' || name === 'options') continue;
  texts[name] = run([name, '--help']);
  for (const sub of subcommands[name] ?? []) texts[`${name} ${sub}`] = run([name, sub, '--help']);
}
// `kubectl options` names the discovery cache under $HOME; kept with a placeholder.
texts.options = run(['options']).replaceAll(home, '$HOME');
// `kubectl help NOPE` prints the root usage after its first line.
try {
  run(['help', 'NOPE']);
} catch (e) {
  const stderr = String((e as { stderr?: string }).stderr ?? '');
  texts['usage'] = stderr.slice(stderr.indexOf('\n') + 1);
}
if (!texts['usage']) {
  const out = execFileSync('bash', ['-c', `"${binary}" help NOPE 2>&1`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home } });
  texts['usage'] = out.slice(out.indexOf('\n') + 1);
}

const body = Object.entries(texts)
  .map(([k, v]) => `  ${JSON.stringify(k)}:\n    ${JSON.stringify(v)},`)
  .join('\n');
writeFileSync(
  new URL('../src/kubectl/help/texts.ts', import.meta.url),
  `// kubectl 1.32's help texts by command path, recorded from the real binary by\n// scripts/record-kubectl-help.ts (do not edit by hand). \`usage\` is the root usage that\n// \`kubectl help UNKNOWN\` prints; \`options\` has $HOME where kubectl prints the home directory.\n\nexport const helpTexts: Record<string, string> = {\n${body}\n};\n`,
);
console.log(`${Object.keys(texts).length} help texts recorded`);
