// The shell's text tools against the real GNU grep and coreutils on this machine: same
// arguments, same input, same stdout, stderr and exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grep } from '../../../src/kubectl/shell/commands/grep.ts';
import { head, tail } from '../../../src/kubectl/shell/commands/head_tail.ts';
import { wc } from '../../../src/kubectl/shell/commands/wc.ts';
import { sort } from '../../../src/kubectl/shell/commands/sort.ts';
import type { TextCommand } from '../../../src/kubectl/shell/commands/text_command.ts';

const APISERVICES = readFileSync('/work/shared/fidelity/kubectl-outputs/get-apiservice.stdout.txt', 'utf8');
const TOP_PODS = readFileSync('/work/shared/fidelity/kubectl-outputs/top-pods-all-namespaces.stdout.txt', 'utf8');
const MIXED = 'a(b\n-\nab\na+\n*a\n{1}\nfoo_bar baz\nFoo\n日本語 テキスト\nemoji 😀 here\n\n  indented 10\n2 two\n10 ten\n-3 minus\n1.5 half\nfoo-bar\nword.word\n';
const NO_FILES = { readFile: () => undefined };

function real(tool: string, args: string[], input: string) {
  const run = spawnSync(tool, args, { input, encoding: 'utf8', env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' } });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status };
}

function compare(tool: string, command: TextCommand, cases: Array<[string[], string]>) {
  for (const [args, input] of cases) {
    it(`${tool} ${args.map((a) => JSON.stringify(a)).join(' ')}`, () => {
      const ours = command([tool, ...args], input, NO_FILES);
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual(real(tool, args, input));
    });
  }
}

describe('grep matches GNU grep', () => {
  compare('grep', grep, [
    [['-v', 'Local'], APISERVICES],
    [['Local'], APISERVICES],
    [['-c', 'Local'], APISERVICES],
    [['-vc', 'Local'], APISERVICES],
    [['-i', 'METRICS'], APISERVICES],
    [['-E', 'metrics|autoscaling'], APISERVICES],
    [['metrics\\|autoscaling'], APISERVICES],
    [['-E', '^v1\\.[a-z]+\\.k8s\\.io +Local'], APISERVICES],
    [['-n', 'v2'], APISERVICES],
    [['-w', 'v1'], APISERVICES],
    [['-w', 'apps'], APISERVICES],
    [['-x', 'Foo'], MIXED],
    [['-o', '-E', '[0-9]+'], MIXED],
    [['-F', 'a+'], MIXED],
    [['a+'], MIXED],
    [['-E', 'a+'], MIXED],
    [['a\\+'], MIXED],
    [['*a'], MIXED],
    [['-E', '*a'], MIXED],
    [['-E', 'a{1,2}'], MIXED],
    [['-E', 'a{1'], MIXED],
    [['\\{1\\}'], MIXED],
    [['{1}'], MIXED],
    [['-E', '(a)\\1'], MIXED],
    [['\\(o\\)\\1'], MIXED],
    [['[[:digit:]]'], MIXED],
    [['[^[:alpha:] ]'], MIXED],
    [['[]a]'], MIXED],
    [['\\<bar'], MIXED],
    [['bar\\>'], MIXED],
    [['\\bbaz'], MIXED],
    [['\\w\\W\\w'], MIXED],
    [['日本'], MIXED],
    [['-i', 'foo'], MIXED],
    [['-e', 'foo', '-e', 'half'], MIXED],
    [['-m', '2', 'a'], MIXED],
    [['-q', 'a'], MIXED],
    [['-ci', 'FOO'], MIXED],
    [['.'], MIXED],
    [['^$'], MIXED],
    [[''], MIXED],
    [['nothing-matches'], MIXED],
    [['x'], ''],
    // errors, as GNU grep words them
    [['-E', '('], MIXED],
    [['\\('], MIXED],
    [['\\)'], MIXED],
    [['-E', ')'], MIXED],
    [['['], MIXED],
    [['-E', '[a'], MIXED],
    [['a\\{1'], MIXED],
    [['-E', 'a{2,1}'], MIXED],
    [['-E', '[[:foo:]]'], MIXED],
    [['[:alpha:]'], MIXED],
    [['-E', '\\1'], MIXED],
    [['-E', 'a{99999}'], MIXED],
    [['-E', '[z-a]'], MIXED],
    [['a\\'], MIXED],
    [['[^'], MIXED],
    [['[a'], MIXED],
    [['-E', 'a[^'], MIXED],
    [['[[:alpha:]'], MIXED],
    [['-Q', 'x'], MIXED],
    [['--foo', 'x'], MIXED],
    [['-e'], MIXED],
    [[], MIXED],
    [['-m', 'x', 'a'], MIXED],
    [['a', 'no-such-file'], MIXED],
  ]);
});

describe('head and tail match coreutils', () => {
  compare('head', head, [[[], TOP_PODS], [['-n', '3'], APISERVICES], [['-3'], APISERVICES], [['-n', '-20'], APISERVICES], [['--lines=2'], MIXED], [['-n', 'x'], MIXED], [['-Y'], MIXED], [['-n'], MIXED], [['nofile'], MIXED], [['-1', '-n', '3'], MIXED], [['-n', '0'], MIXED]]);
  compare('tail', tail, [[[], TOP_PODS], [['-n', '2'], APISERVICES], [['-1'], APISERVICES], [['-n', '+20'], APISERVICES], [['-n', 'x'], MIXED], [['-Z'], MIXED], [['-n', '0'], MIXED]]);
});

describe('wc matches coreutils', () => {
  compare('wc', wc, [[['-l'], APISERVICES], [[], APISERVICES], [['-w'], MIXED], [['-l', '-w'], MIXED], [['-c'], MIXED], [['-m'], MIXED], [['-l'], 'a\nb'], [['-l'], ''], [['-Z'], MIXED], [['nofile'], MIXED]]);
});

describe('sort matches coreutils (C.UTF-8)', () => {
  compare('sort', sort, [
    [[], APISERVICES], [['-r'], APISERVICES], [['-k4'], APISERVICES], [['-k2,2', '-k1r'], APISERVICES],
    [['-k3', '-n'], TOP_PODS], [['-k3nr'], TOP_PODS], [['-k4', '-h'], TOP_PODS], [['-k4h', '-r'], TOP_PODS],
    [[], MIXED], [['-n'], MIXED], [['-rn'], MIXED], [['-f'], MIXED], [['-u'], 'b\na\nb\na\n'], [['-b'], MIXED],
    [['-t', '.', '-k2'], APISERVICES], [['-k', 'x'], MIXED], [['-k', '0'], MIXED], [['-t'], MIXED], [['-t', 'ab'], MIXED], [['-Z'], MIXED],
  ]);
});
