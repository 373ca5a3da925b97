import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Shell, CLEAR_SCREEN } from '../../../src/kubectl/shell/shell.ts';
import { MemoryHistoryStorage } from '../../../src/kubectl/shell/history.ts';
import { ShellSession } from '../../../src/kubectl/shell/session.ts';
import type { CommandRunner } from '../../../src/kubectl/shell/types.ts';

const APISERVICES = readFileSync('/work/shared/fidelity/kubectl-outputs/get-apiservice.stdout.txt', 'utf8');

/** A kubectl that knows one table and one error, as the real one prints them. */
const kubectl: CommandRunner = async (argv) => {
  if (argv[1] === 'get' && argv[2] === 'apiservice') return { stdout: APISERVICES, stderr: '', code: 0 };
  return { stdout: '', stderr: `error: unknown command "${argv[1]}" for "kubectl"\nRun 'kubectl --help' for usage.\n`, code: 1 };
};

const newShell = (storage = new MemoryHistoryStorage()) => new Shell({ commands: { kubectl }, historyStorage: storage });

/** What bash prints for the same line, with the table standing in for kubectl's output. */
function bash(line: string): { output: string; code: number } {
  const script = `kubectl() { if [ "$1 $2" = "get apiservice" ]; then cat '/work/shared/fidelity/kubectl-outputs/get-apiservice.stdout.txt'; else printf 'error: unknown command "%s" for "kubectl"\\nRun '"'"'kubectl --help'"'"' for usage.\\n' "$1" >&2; return 1; fi; }\n${line}`;
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' } });
  return { output: run.stderr + run.stdout, code: run.status ?? -1 };
}

describe('Shell pipelines behave as bash', () => {
  const lines = [
    'kubectl get apiservice | grep -v Local',
    'kubectl get apiservice | grep -c Local',
    'kubectl get apiservice | grep -iE "METRICS|v2" | sort -r',
    'kubectl get apiservice | head -3 | tail -n 1',
    'kubectl get apiservice | wc -l',
    'kubectl get apiservice | sort -k4 -r | head -2',
    'kubectl get apiservice | grep nothing',
    'kubectl get apiservice | grep nothing; echo "exit $?"',
    'kubectl get apiservice | grep -q metrics && echo found',
    'kubectl foo | wc -l',
    'kubectl foo 2>&1 | wc -l',
    'kubectl foo 2>/dev/null || echo failed',
    'kubectl foo &>/dev/null; echo $?',
    'kubectl get apiservice >/dev/null && echo quiet',
    'echo "a  b" \'c  d\' e\\ f # a comment',
    'echo a#b $UNSET "x${UNSET}y"',
    "echo 'it'\\''s'",
    'echo -n no newline | wc -c',
    'echo -e "a\\tb"',
    'grep -E "(" </dev/null; echo $?',
    'false || true && echo yes',
    'echo one; echo two',
  ];
  for (const line of lines) {
    it(line, async () => {
      const ours = await newShell().run(line);
      expect(ours).toEqual(bash(line));
    });
  }
});

describe('Shell errors', () => {
  it('reports unknown commands with exit 127', async () => {
    expect(await newShell().run('kubeclt get pods')).toEqual({ output: 'bash: kubeclt: command not found\n', code: 127 });
  });

  it('reports unbalanced quotes and stray operators as bash does, without running anything', async () => {
    const shell = newShell();
    expect(await shell.run("kubectl get apiservice -o jsonpath='{.items")).toEqual({ output: "bash: unexpected EOF while looking for matching `''\n", code: 2 });
    expect(await shell.run('| grep x')).toEqual({ output: "bash: syntax error near unexpected token `|'\n", code: 2 });
    expect(await shell.run('kubectl get apiservice |')).toEqual({ output: 'bash: syntax error: unexpected end of file\n', code: 2 });
  });

  it('refuses to write files and says why', async () => {
    expect(await newShell().run('kubectl get apiservice > out.txt')).toEqual({ output: 'bash: out.txt: Read-only file system\n', code: 1 });
  });

  it('turns a runner that throws into a message', async () => {
    const shell = new Shell({ commands: { kubectl: async () => { throw new Error('boom'); } } });
    expect(await shell.run('kubectl get pods')).toEqual({ output: 'kubectl: boom\n', code: 1 });
  });

  it('shows a runner\'s interleaved output in its order', async () => {
    const shell = new Shell({
      commands: {
        kubectl: async () => ({
          stdout: 'table\n', stderr: 'log\nerror\n', code: 1,
          interleaved: [{ stream: 'stderr', text: 'log\n' }, { stream: 'stdout', text: 'table\n' }, { stream: 'stderr', text: 'error\n' }],
        }),
      },
    });
    expect(await shell.run('kubectl get x')).toEqual({ output: 'log\ntable\nerror\n', code: 1 });
    expect(await shell.run('kubectl get x | grep -c t')).toEqual({ output: 'log\nerror\n1\n', code: 0 });
  });

  it('reads files and feeds them to kubectl on stdin', async () => {
    const seen: string[] = [];
    const shell = new Shell({
      commands: { kubectl: async (_argv, stdin) => { seen.push(stdin); return { stdout: 'ok\n', stderr: '', code: 0 }; } },
      files: { readFile: (name) => (name === 'apiservice.yaml' ? 'kind: APIService\n' : undefined) },
    });
    await shell.run('cat apiservice.yaml | kubectl apply -f -');
    await shell.run('kubectl apply -f - < apiservice.yaml');
    expect(seen).toEqual(['kind: APIService\n', 'kind: APIService\n']);
    expect(await shell.run('cat missing.yaml')).toEqual({ output: 'cat: missing.yaml: No such file or directory\n', code: 1 });
  });
});

describe('history', () => {
  it('lists entered lines as bash does and keeps them in storage', async () => {
    const storage = new MemoryHistoryStorage();
    const shell = newShell(storage);
    await shell.run('kubectl get apiservice');
    await shell.run('kubectl get apiservice');
    await shell.run(' echo secret');
    await shell.run('');
    await shell.run('echo hi');
    expect((await shell.run('history')).output).toBe('    1  kubectl get apiservice\n    2  echo hi\n    3  history\n');
    expect((await shell.run('history 2')).output).toBe('    3  history\n    4  history 2\n');
    expect(storage.load()).toEqual(['kubectl get apiservice', 'echo hi', 'history', 'history 2']);
    const reloaded = newShell(storage);
    expect(reloaded.history.lines).toEqual(storage.load());
    expect(await shell.run('history x')).toEqual({ output: 'bash: history: x: numeric argument required\n', code: 1 });
    await shell.run('history -c');
    expect((await shell.run('history')).output).toBe('    1  history\n');
  });

  it('survives storage that fails', async () => {
    const shell = newShell({ load: () => { throw new Error('denied'); }, save: () => { throw new Error('full'); } } as unknown as MemoryHistoryStorage);
    expect((await shell.run('echo ok')).output).toBe('ok\n');
  });
});

describe('ShellSession', () => {
  it('runs typed lines, recalls them with Up, and writes CR LF output', async () => {
    let screen = '';
    const session = new ShellSession({ shell: newShell(), write: (data) => (screen += data), columns: 80 });
    session.begin();
    await session.input('kubectl get apiservice | grep -v Local\r');
    expect(screen).toContain('\r\nNAME                              SERVICE                      AVAILABLE   AGE\r\nv1beta1.metrics.k8s.io ');
    screen = '';
    await session.input('\x1b[A');
    expect(screen).toContain('kubectl get apiservice | grep -v Local');
    screen = '';
    await session.input('\x03clear\r');
    expect(screen).toContain(`^C\r\n`);
    expect(screen).toContain(CLEAR_SCREEN);
  });
});

describe('command names that are also object properties', () => {
  it('are unknown commands, with a well-formed exit code', async () => {
    const shell = new Shell({ commands: { kubectl: async () => ({ stdout: '', stderr: '', code: 0 }) } });
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await shell.run(name)).toEqual({ output: `bash: ${name}: command not found\n`, code: 127 });
    }
    expect(await shell.run("echo x | grep '[[:toString:]]'")).toEqual({ output: 'grep: Invalid character class name\n', code: 2 });
  });
});
