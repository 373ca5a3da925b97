import { describe, expect, it } from 'vitest';
import { ShellCompleter } from '../../../src/kubectl/shell/completion.ts';
import { Shell } from '../../../src/kubectl/shell/shell.ts';

const shell = new Shell({ commands: { kubectl: async () => ({ stdout: '', stderr: '', code: 0 }) } });
const objects: Record<string, string[]> = {
  apiservices: ['v1.', 'v1.apps', 'v1beta1.metrics.k8s.io'],
  namespaces: ['default', 'kube-system'],
  'pods@kube-system': ['metrics-server-6d94bc8694-x2x6k', 'coredns-7db6d8ff4d-4cm2s'],
  'pods@default': ['web-1'],
  nodes: ['kind-control-plane', 'kind-worker'],
};
const requests: string[] = [];
const completer = new ShellCompleter({
  commandNames: () => shell.commandNames(),
  fileNames: () => ['apiservice.yaml', 'deployment.yaml'],
  kubectl: {
    resourceTypes: async () => ['apiservices', 'apiservice', 'pods', 'po', 'nodes', 'no', 'namespaces', 'ns'],
    objectNames: async (type, namespace) => {
      requests.push(`${type}@${namespace ?? ''}`);
      const plural = type.endsWith('s') ? type : `${type}s`;
      return objects[`${plural}@${namespace ?? 'default'}`] ?? objects[plural] ?? [];
    },
  },
});
const complete = (line: string, cursor = line.length) => completer.complete(line, cursor);

describe('ShellCompleter', () => {
  it('completes command names at the start and after a pipe', async () => {
    expect(await complete('kub')).toEqual({ from: 0, to: 3, candidates: ['kubectl'] });
    expect(await complete('kubectl get apiservice | gr')).toEqual({ from: 25, to: 27, candidates: ['grep'] });
    expect((await complete('h')).candidates).toEqual(['head', 'help', 'history']);
  });

  it('completes kubectl subcommands and their flags', async () => {
    expect((await complete('kubectl api-')).candidates).toEqual(['api-resources', 'api-versions']);
    expect((await complete('kubectl get --sh')).candidates).toEqual(['--show-kind', '--show-labels']);
    expect((await complete('kubectl top node --so')).candidates).toEqual(['--sort-by=']);
    expect((await complete('kubectl -n kube-system g')).candidates).toEqual(['get']);
    expect((await complete('kubectl pa')).candidates).toEqual(['patch']);
    expect((await complete('kubectl patch apiservice v1.apps --ty')).candidates).toEqual(['--type=']);
  });

  it('completes flag values', async () => {
    expect((await complete('kubectl get apiservices -o ya')).candidates).toEqual(['yaml']);
    expect(await complete('kubectl get apiservices --output=j')).toEqual({ from: 24, to: 34, candidates: ['--output=json', '--output=jsonpath-file=', '--output=jsonpath='] });
    expect((await complete('kubectl get pods -n kube')).candidates).toEqual(['kube-system']);
    expect((await complete('kubectl apply -f ')).candidates).toEqual(['apiservice.yaml', 'deployment.yaml']);
    expect((await complete('kubectl patch apiservice v1.apps --type m')).candidates).toEqual(['merge']);
  });

  it('completes resource types from discovery and names from the cluster', async () => {
    expect((await complete('kubectl get api')).candidates).toEqual(['apiservice', 'apiservices']);
    expect((await complete('kubectl get apiservices v1b')).candidates).toEqual(['v1beta1.metrics.k8s.io']);
    expect((await complete('kubectl describe apiservice/v1.a')).candidates).toEqual(['apiservice/v1.apps']);
    requests.length = 0;
    expect((await complete('kubectl get pods -n kube-system metrics')).candidates).toEqual(['metrics-server-6d94bc8694-x2x6k']);
    expect(requests).toEqual(['pods@kube-system']);
    expect((await complete('kubectl top node kind-w')).candidates).toEqual(['kind-worker']);
  });

  it('offers nothing when the cluster cannot answer', async () => {
    const failing = new ShellCompleter({
      commandNames: () => ['kubectl'],
      kubectl: { resourceTypes: () => Promise.reject(new Error('down')), objectNames: () => Promise.reject(new Error('down')) },
    });
    expect((await failing.complete('kubectl get ap', 14)).candidates).toEqual([]);
  });
});
