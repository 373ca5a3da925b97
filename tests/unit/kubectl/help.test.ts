import { describe, expect, it } from 'vitest';
import { runKubectl, type KubectlEnv } from '../../../src/kubectl/run.ts';
import { rootHelp } from '../../../src/kubectl/cmd/help.ts';

const env: KubectlEnv = {
  fetch: () => Promise.reject(new Error('help needs no server')),
  server: 'http://127.0.0.1:1',
  files: { readFile: () => undefined },
  now: () => new Date('2026-11-26T12:00:00Z'),
  pid: 1,
  kubeconfigPath: '',
};
const run = (...argv: string[]) => runKubectl(argv, env);

describe('help and --help', () => {
  it('prints the root help for `kubectl help` and `kubectl -h`', async () => {
    expect(await run('help')).toEqual({ stdout: rootHelp, stderr: '', code: 0 });
    expect((await run('-h')).stdout).toBe(rootHelp);
  });

  it('prints a subcommand help through its alias, the same for `help` and `--help`', async () => {
    const viaHelp = await run('help', 'top', 'nodes');
    expect(viaHelp.stdout.startsWith('Display resource (CPU/memory) usage of nodes.\n')).toBe(true);
    expect(viaHelp.stdout).toContain('kubectl top node [NAME | -l label] [options]');
    expect(await run('top', 'no', '--help')).toEqual(viaHelp);
  });

  it('answers an unknown topic on stderr with the root usage, exit 0', async () => {
    const r = await run('help', 'nodes');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('Unknown help topic [`nodes`]\n\n\nBasic Commands (Beginner):\n')).toBe(true);
    expect(r.stderr.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
  });

  it('has the help of kubectl commands it does not run', async () => {
    const r = await run('logs', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]');
  });

  it('reports a flag error before printing help', async () => {
    expect(await run('top', 'pod', '--help', '--nope')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --nope\nSee 'kubectl top pod --help' for usage.\n",
      code: 1,
    });
  });

  it('prints the parent help on stderr with exit 1 for `kubectl top` alone', async () => {
    const r = await run('top');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Available Commands:\n  node          Display resource (CPU/memory) usage of nodes\n');
  });
});
