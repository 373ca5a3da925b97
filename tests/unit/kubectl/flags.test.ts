import { describe, expect, it } from 'vitest';
import { FlagError, FlagSet, boolFlag, globalFlags, stringFlag, sliceFlag } from '../../../src/kubectl/flags.ts';

const set = new FlagSet([...globalFlags, stringFlag('output', 'o'), boolFlag('show-labels'), boolFlag('all-namespaces', 'A'), sliceFlag('verbs')]);

const errorOf = (argv: string[]) => {
  try {
    set.parse(argv);
  } catch (e) {
    if (e instanceof FlagError) return e.message;
    throw e;
  }
  return undefined;
};

describe('pflag parsing', () => {
  it('accepts every way of giving a value, anywhere among the arguments', () => {
    for (const argv of [
      ['pods', '-n', 'kube-system'],
      ['pods', '-nkube-system'],
      ['pods', '-n=kube-system'],
      ['--namespace', 'kube-system', 'pods'],
      ['--namespace=kube-system', 'pods'],
    ]) {
      const f = set.parse(argv);
      expect(f.values.get('namespace')).toBe('kube-system');
      expect(f.args).toEqual(['pods']);
      expect(f.changed.has('namespace')).toBe(true);
    }
  });

  it('groups bool shorthands and ends flags at --', () => {
    const f = set.parse(['-Ao', 'wide', '--', '-n', 'x']);
    expect(f.values.get('all-namespaces')).toBe(true);
    expect(f.values.get('output')).toBe('wide');
    expect(f.args).toEqual(['-n', 'x']);
  });

  it('reads bools and ints as Go does', () => {
    expect(set.parse(['--show-labels=false']).values.get('show-labels')).toBe(false);
    expect(set.parse(['--show-labels']).values.get('show-labels')).toBe(true);
    expect(set.parse(['-v=6']).values.get('v')).toBe(6);
    expect(set.parse(['--v', '8']).values.get('v')).toBe(8);
    expect(set.parse(['--verbs=get,list', '--verbs', 'watch']).values.get('verbs')).toEqual(['get', 'list', 'watch']);
  });

  it("words its errors as the real kubectl 1.32 does", () => {
    expect(errorOf(['get', '--foo'])).toBe('unknown flag: --foo');
    expect(errorOf(['--foo=bar'])).toBe('unknown flag: --foo');
    expect(errorOf(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(errorOf(['-Ax'])).toBe("unknown shorthand flag: 'x' in -Ax");
    expect(errorOf(['-n'])).toBe("flag needs an argument: 'n' in -n");
    expect(errorOf(['--namespace'])).toBe('flag needs an argument: --namespace');
    expect(errorOf(['--v=abc'])).toBe('invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(errorOf(['--show-labels=maybe'])).toBe('invalid argument "maybe" for "--show-labels" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(errorOf(['---x'])).toBe('bad flag syntax: ---x');
  });

  it('knows which flags swallow the next argument when finding the command', () => {
    expect(set.takesValue('-n')).toBe(true);
    expect(set.takesValue('--namespace')).toBe(true);
    expect(set.takesValue('--namespace=x')).toBe(false);
    expect(set.takesValue('-A')).toBe(false);
    expect(set.takesValue('--unknown')).toBe(true);
  });
});
