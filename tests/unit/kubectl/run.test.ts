import { beforeAll, describe, expect, it } from 'vitest';
import type { KubectlResult } from '../../../src/kubectl/run.ts';
import { checkErr, genericServerResponse, statusInGoOrder, StatusError } from '../../../src/kubectl/rest/errors.ts';
import { klogHeader } from '../../../src/kubectl/klog.ts';
import { fidelityOutput, inProcessKubectl } from './fixtures.ts';

let kubectl: (args: string[]) => Promise<KubectlResult>;

beforeAll(async () => {
  kubectl = await inProcessKubectl();
});

describe('the klog header', () => {
  it('is severity, MMDD, time with microseconds, the pid padded to 7, and the source', () => {
    const at = new Date(2026, 10, 26, 16, 19, 34, 705);
    expect(klogHeader('I', at, 15048, 'round_trippers.go:560')).toBe('I1126 16:19:34.705000   15048 round_trippers.go:560] ');
  });
});

describe('errors as kubectl prints them', () => {
  it('lists every cause of an Invalid status under a header ending in a space', () => {
    const lines = fidelityOutput('create-invalid-multi.stderr.txt').trimEnd().split('\n').slice(1);
    const causes = lines.map((l) => {
      const [field, ...rest] = l.slice(2).split(': ');
      return { reason: 'FieldValueInvalid', field, message: rest.join(': ') };
    });
    const err = new StatusError({ kind: 'Status', status: 'Failure', reason: 'Invalid', code: 422, details: { kind: 'APIService', name: 'wardle', causes } });
    expect(checkErr(err)).toEqual({ message: fidelityOutput('create-invalid-multi.stderr.txt'), code: 1 });
  });

  it('builds the Status client-go makes of a plain-text 503', () => {
    const status = genericServerResponse(503, 'GET', undefined, '', 'service unavailable');
    const v8 = fidelityOutput('me-v8-raw-metrics-nodes-1.32.stderr.txt');
    const logged = v8.slice(v8.indexOf('server response object: %s[') + 'server response object: %s['.length, v8.lastIndexOf(']'));
    expect(JSON.stringify(statusInGoOrder(status), null, 2)).toBe(logged);
    expect(checkErr(new StatusError(status)).message).toBe('Error from server (ServiceUnavailable): the server is currently unable to handle the request\n');
  });
});

describe('runKubectl against the in-process cluster', () => {
  it('prints api-resources for a group as the real kubectl did', async () => {
    expect(await kubectl(['api-resources', '--api-group=metrics.k8s.io'])).toEqual({
      stdout: fidelityOutput('api-resources-metrics.stdout.txt'),
      stderr: '',
      code: 0,
    });
  });

  it('logs each round trip at -v=6 in kubectl 1.32 format', async () => {
    const r = await kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-v=6']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^I\d{4} \d{2}:\d{2}:\d{2}\.\d{6} {4}4242 loader\.go:402\] Config loaded from file: {2}\/home\/learner\/\.kube\/config$/);
    expect(lines.filter((l) => l.includes('envvar.go:172] "Feature gate default state"'))).toHaveLength(4);
    expect(lines.slice(-3).map((l) => l.replace(/^.*round_trippers\.go:560\] /, '').replace(/in \d+ milliseconds/, 'in N milliseconds'))).toEqual([
      'GET http://127.0.0.1:8080/api?timeout=32s 200 OK in N milliseconds',
      'GET http://127.0.0.1:8080/apis?timeout=32s 200 OK in N milliseconds',
      'GET http://127.0.0.1:8080/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io 200 OK in N milliseconds',
    ]);
  });

  it('reports unknown commands with cobra suggestions, and flags before a plugin name', async () => {
    expect(await kubectl(['gett', 'pods'])).toEqual({
      stdout: '',
      stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n',
      code: 1,
    });
    expect((await kubectl(['xyzzy'])).stderr).toBe('error: unknown command "xyzzy" for "kubectl"\n');
    expect((await kubectl(['-n', 'default', 'foo'])).stderr).toBe('Error: flags cannot be placed before plugin name: -n\n');
    expect(await kubectl(['get', 'pods', '--foo'])).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      code: 1,
    });
  });

  it('says so on stderr when nothing matched', async () => {
    expect(await kubectl(['get', 'pods', '-n', 'nonexist'])).toEqual({ stdout: '', stderr: 'No resources found in nonexist namespace.\n', code: 0 });
    expect(await kubectl(['get', 'apiservice', '-l', 'foo=bar'])).toEqual({ stdout: '', stderr: 'No resources found\n', code: 0 });
  });

  it('never throws, whatever the arguments', async () => {
    for (const argv of [[''], ['get', ''], ['get', ',,,'], ['get', 'pods/'], ['describe', '/x'], ['get', '--raw', 'nope'], ['get', 'pods', '-o', 'jsonpath={.items[']]) {
      const r = await kubectl(argv);
      expect(typeof r.code).toBe('number');
    }
  });
});
