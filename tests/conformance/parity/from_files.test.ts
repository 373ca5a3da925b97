// Parity for `kubectl get -f` and `kubectl describe -f`: the objects a learner just applied,
// read back from the server. Nothing here changes the cluster, so both kubectls share one.
// Files are written to the real kubectl's working directory, and ours reads them from there.

import { describeParity } from './ours.ts';

const object = (apiVersion: string, kind: string, name: string, namespace?: string, extra = '') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}${extra}`;

const apiService = (name: string, extra = '') => object('apiregistration.k8s.io/v1', 'APIService', name, undefined, extra);
const metricsAPIService = apiService(
  'v1beta1.metrics.k8s.io',
  'spec:\n  group: metrics.k8s.io\n  version: v1beta1\n  groupPriorityMinimum: 100\n  versionPriority: 100\n',
);
const labeledMetrics = apiService('v1beta1.metrics.k8s.io', '  labels:\n    k8s-app: metrics-server\n');
const wardle = apiService('v1alpha1.wardle.example.com');
const unknownKind = object('v1', 'Foo', 'a');
const metricsService = object('v1', 'Service', 'metrics-server', 'kube-system');
const metricsDeployment = object('apps/v1', 'Deployment', 'metrics-server', 'kube-system');

/** The files the lines below name. */
const files: Record<string, string> = {
  'apiservice.yaml': metricsAPIService,
  'apiservice.json': JSON.stringify({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.apps' } }, null, 2),
  'labeled.yaml': labeledMetrics,
  'metrics-server.yaml': [metricsAPIService, metricsService, metricsDeployment, apiService('v1.apps')].join('---\n'),
  'apiservices.yaml': [metricsAPIService, apiService('v1.apps'), apiService('v1beta1.custom.example.com')].join('---\n'),
  'list.yaml':
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n',
  'wardle.yaml': wardle,
  'some-missing.yaml': [wardle, apiService('v1.apps'), object('v1', 'ConfigMap', 'nope')].join('---\n'),
  'unknown-kind.yaml': unknownKind,
  'unknown-then-known.yaml': [unknownKind, apiService('v1.apps')].join('---\n'),
  'errors-in-order.yaml': [wardle, unknownKind, object('v1', 'Service', 'nope', 'kube-system'), `${apiService('v1.apps')} spec:\n  group: x\n`].join('---\n'),
  'mismatch-and-errors.yaml': [unknownKind, wardle, metricsService].join('---\n'),
  'mismatch-and-missing.yaml': [wardle, metricsService, unknownKind, unknownKind].join('---\n'),
  'kube-system-service.yaml': metricsService,
  'no-namespace-service.yaml': object('v1', 'Service', 'kubernetes'),
  'two-read-errors.yaml': [apiService('x').replace('name: x', 'name:\n    - x'), wardle, ' a: b\n c: d\n'].join('---\n'),
  'bad-indent.yaml': `${apiService('v1.apps')} spec:\n  group: x\n`,
};

/** Standard input for the lines that read `-f -`. */
const stdinFor: Record<string, string> = {
  'get -f -': metricsAPIService,
  'get -f - -o name': metricsAPIService,
  'get -f - -o jsonpath={.kind}': metricsAPIService,
  'get -f - -o yaml': files['some-missing.yaml']!,
  'get -f - -f apiservice.yaml': files['errors-in-order.yaml']!,
  'describe -f -': files['apiservices.yaml']!,
};

/** Lines start after `kubectl`, in the order a learner meets them. */
export const fromFilesCorpus: string[] = [
  // Reading back what was applied.
  'get -f apiservice.yaml',
  'get -f apiservice.yaml -v=6',
  'get -f apiservice.yaml -o wide',
  'get -f apiservice.yaml -o yaml',
  'get -f apiservice.yaml -o json',
  'get -f apiservice.yaml -o name',
  'get -f apiservice.yaml -o jsonpath={.spec.service.name}',
  'get -f apiservice.json',
  'get -f apiservice.yaml -R',
  'get --filename=apiservice.yaml --show-labels',
  'get -f apiservice.yaml -A',
  'get -f apiservice.yaml --raw /apis/apiregistration.k8s.io',
  // One file with several kinds, several files, standard input.
  'get -f metrics-server.yaml',
  'get -f metrics-server.yaml -v=6',
  'get -f metrics-server.yaml -o wide',
  'get -f metrics-server.yaml -o name',
  'get -f metrics-server.yaml -o yaml',
  'get -f metrics-server.yaml -o jsonpath={.items[*].metadata.name}',
  'get -f metrics-server.yaml --no-headers',
  'get -f metrics-server.yaml --show-labels',
  'get -f metrics-server.yaml -A',
  'get -f metrics-server.yaml -n kube-system',
  'get -f apiservices.yaml',
  'get -f apiservices.yaml --show-kind',
  'get -f apiservices.yaml -o json',
  'get -f list.yaml',
  'get -f list.yaml -o name',
  'get -f apiservice.yaml -f apiservice.json',
  'get -f apiservice.yaml -f apiservice.json -o yaml',
  'get -f apiservice.yaml,apiservice.json -o name',
  'get -f apiservice.yaml -f apiservice.yaml -o jsonpath={.kind}',
  'get -f -',
  'get -f - -o name',
  'get -f - -o jsonpath={.kind}',
  // Objects the server does not have.
  'get -f wardle.yaml',
  'get -f wardle.yaml -v=6',
  'get -f wardle.yaml -o yaml',
  'get -f wardle.yaml --ignore-not-found',
  'get -f wardle.yaml -o json --ignore-not-found',
  'get -f some-missing.yaml',
  'get -f some-missing.yaml -o name',
  'get -f some-missing.yaml -o json',
  'get -f some-missing.yaml --ignore-not-found',
  'get -f apiservice.yaml -f wardle.yaml',
  'get -f apiservice.yaml -f wardle.yaml -o name',
  'get -f no-namespace-service.yaml -f wardle.yaml -o json --ignore-not-found',
  'get -f - -o yaml',
  // Kinds the server does not know, files that do not parse, errors in the order met.
  'get -f unknown-kind.yaml',
  'get -f unknown-kind.yaml -o name',
  'get -f unknown-then-known.yaml',
  'get -f unknown-kind.yaml -f apiservice.yaml -o name',
  'get -f unknown-kind.yaml -f no-namespace-service.yaml',
  'get -f bad-indent.yaml',
  'get -f bad-indent.yaml -o name',
  'get -f two-read-errors.yaml',
  'get -f errors-in-order.yaml',
  'get -f errors-in-order.yaml -o name',
  'get -f - -f apiservice.yaml',
  'get -f nope.yaml',
  'get -f apiservice.yaml -f nope.yaml',
  // -f together with resource arguments or a label selector.
  'get -f apiservice.yaml apiservice',
  'get -f apiservice.yaml apiservice v1.apps',
  'get -f apiservice.yaml foos',
  'get -f apiservice.yaml apiservice/v1.apps',
  'get -f apiservice.yaml apiservice/v1.apps v1.apps',
  'get -f labeled.yaml -l k8s-app=metrics-server',
  'get -f labeled.yaml -l k8s-app=metrics-server -o name',
  'get -f labeled.yaml -l k8s-app!=metrics-server -o name',
  'get -f labeled.yaml -l foo=bar',
  'get -f labeled.yaml -l foo=bar -o json',
  'get -f labeled.yaml -l foo=bar -o yaml',
  "get -f labeled.yaml -l 'k8s-app in (metrics-server,x)' -o name",
  "get -f labeled.yaml -l 'a b'",
  'get -f labeled.yaml -l a=b=c',
  // -n against the namespace the file names.
  'get -f no-namespace-service.yaml',
  'get -f no-namespace-service.yaml -n kube-system',
  'get -f no-namespace-service.yaml -A',
  'get -f no-namespace-service.yaml -A -o name',
  'get -f kube-system-service.yaml -n default',
  'get -f kube-system-service.yaml -n default -o name',
  'get -f kube-system-service.yaml -n kube-system',
  'get -f metrics-server.yaml -n default',
  'get -f mismatch-and-errors.yaml -n default',
  'get -f mismatch-and-errors.yaml -n default -o name',
  'get -f mismatch-and-errors.yaml -n default --ignore-not-found',
  'get -f mismatch-and-errors.yaml -f apiservice.yaml -n default -o name',
  'get -f mismatch-and-missing.yaml -n default',
  // describe -f.
  'describe -f apiservice.yaml',
  'describe -f metrics-server.yaml',
  'describe -f wardle.yaml',
  'describe -f some-missing.yaml',
  'describe -f unknown-kind.yaml',
  'describe -f bad-indent.yaml',
  'describe -f two-read-errors.yaml',
  'describe -f apiservice.yaml apiservice',
  'describe -f labeled.yaml -l k8s-app=metrics-server',
  'describe -f apiservice.yaml -l k8s-app=metrics-server',
  'describe -f kube-system-service.yaml -n default',
  'describe -f mismatch-and-errors.yaml -n default',
  'describe -f -',
  'describe -f nope.yaml',
];

describeParity('get -f and describe -f print what the real kubectl prints', fromFilesCorpus, { files, stdinFor });
