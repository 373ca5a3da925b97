// Parity for the commands that change the cluster: apply, create, delete and scale. They change
// state, so the real kubectl and ours each get their own cluster, started from the same scenario
// at the same pinned time, and run the same lines in the same order; after every line both must
// have printed the same stdout and stderr and exited with the same code. Files for `-f` are
// written to the real kubectl's working directory, and ours reads them from there.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../../src/kubectl/run.ts';
import { kubectlAvailable, startConformanceCluster, type ConformanceCluster, type KubectlResult } from '../harness.ts';
import { comparable, kubectlPair, shellWords, type Pair } from './ours.ts';

const wardle = (spec: string, name = 'v1alpha1.wardle.example.com', extraMeta = '') =>
  `apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: ${name}\n${extraMeta}spec:\n${spec}`;

const wardleSpec = (gpm = '1000') =>
  `  group: wardle.example.com\n  version: v1alpha1\n  groupPriorityMinimum: ${gpm}\n  versionPriority: 15\n  insecureSkipTLSVerify: true\n  service:\n    name: api\n    namespace: wardle\n`;

const metrics = (versionPriority: number) =>
  [
    'apiVersion: apiregistration.k8s.io/v1',
    'kind: APIService',
    'metadata:',
    '  labels:',
    '    k8s-app: metrics-server',
    '  name: v1beta1.metrics.k8s.io',
    'spec:',
    '  group: metrics.k8s.io',
    '  groupPriorityMinimum: 100',
    '  insecureSkipTLSVerify: true',
    '  service:',
    '    name: metrics-server',
    '    namespace: kube-system',
    '  version: v1beta1',
    `  versionPriority: ${versionPriority}`,
    '',
  ].join('\n');

/** The files the lines below name, as a learner's editor would hold them. */
export const writeFiles: Record<string, string> = {
  'metrics-apiservice.yaml': metrics(100),
  'metrics-apiservice-vp50.yaml': metrics(50),
  'metrics-apiservice.json': JSON.stringify({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1beta1.metrics.k8s.io', labels: { 'k8s-app': 'metrics-server' } }, spec: { group: 'metrics.k8s.io', groupPriorityMinimum: 100, insecureSkipTLSVerify: true, service: { name: 'metrics-server', namespace: 'kube-system' }, version: 'v1beta1', versionPriority: 100 } }, null, 2),
  'wardle-ok.yaml': wardle(wardleSpec()),
  'ns-set.yaml': wardle(wardleSpec(), 'v1alpha1.wardle.example.com', '  namespace: wardle\n'),
  'invalid-gpm.yaml': wardle(wardleSpec('0').replace('  insecureSkipTLSVerify: true\n', '')),
  'typo-field.yaml': wardle(wardleSpec().replace('groupPriorityMinimum', 'groupPriorityMinimun').replace('  insecureSkipTLSVerify: true\n', '')),
  'invalid-multi.yaml': wardle(
    '  caBundle: aGVsbG8=\n  group: Wardle_Example\n  groupPriorityMinimum: 30000\n  insecureSkipTLSVerify: true\n  service:\n    name: api\n    namespace: wardle\n    port: 70000\n  version: V1Alpha1\n  versionPriority: 0\n',
    'wardle',
  ),
  'invalid-local-ca.yaml': wardle('  caBundle: aGVsbG8=\n  group: wardle.example.com\n  groupPriorityMinimum: 1000\n  insecureSkipTLSVerify: true\n  version: v1alpha1\n  versionPriority: 15\n'),
  'missing-svc-fields.yaml': wardle('  group: wardle.example.com\n  groupPriorityMinimum: 1000\n  service:\n    port: 0\n  version: v1alpha1\n  versionPriority: 15\n'),
  'name-mismatch.yaml': metrics(100).replace('name: v1beta1.metrics.k8s.io', 'name: metrics'),
  'empty-group.yaml': wardle('  groupPriorityMinimum: 100\n  version: v2\n  versionPriority: 100\n', 'v2.'),
  'no-name.yaml': 'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata: {}\nspec:\n  group: wardle.example.com\n  groupPriorityMinimum: 1000\n  version: v1alpha1\n  versionPriority: 15\n',
  'slash-name.yaml': wardle('  group: wardle.example.com\n  groupPriorityMinimum: 1000\n  version: v1alpha1\n  versionPriority: 15\n', 'v1alpha1/wardle'),
  'bad-indent.yaml': 'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1alpha1.wardle.example.com\n spec:\n  group: wardle.example.com\n',
  'tab.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n',
  'open-quote.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: "x\n',
  'no-apiversion.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n',
  'no-kind.yaml': 'apiVersion: v1\nmetadata:\n  name: a\n',
  'unknown-kind.yaml': 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: a\n',
  'unknown-group.yaml': 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f1\n',
  'empty.yaml': '',
  'continued-scalar.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: x\n   app: web\n',
  'two-colons.yaml': 'apiVersion: v1: x\n',
  'seq-then-key.yaml': 'apiVersion: v1\nkind: List\nitems:\n  - kind: ConfigMap\n  apiVersion: v1\n',
  'open-flow.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\ndata: {}\n',
  'open-list.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  finalizers: [x, y\n',
  'configs.yaml': [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\ndata:\n  a: "1"\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n  namespace: kube-system\ndata:\n  b: "2"\n',
  ].join('---\n'),
  'configs-broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m2\n data: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m3\n',
  'mixed.yaml': [
    'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f1\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: elsewhere\n  namespace: other\n',
    wardle('  group: bad.example.com\n  version: v1alpha1\n  groupPriorityMinimum: 0\n  versionPriority: 15\n', 'v1alpha1.bad.example.com'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: third\n',
  ].join('---\n'),
  'web.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  labels:',
    '    app: web',
    'spec:',
    '  replicas: 3',
    '  selector:',
    '    matchLabels:',
    '      app: web',
    '  strategy:',
    '    type: Recreate',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: web',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    '        image: nginx:1.28',
    '        ports:',
    '        - containerPort: 80',
    '          name: http',
    '      - name: sidecar',
    '        image: busybox',
    '        args: ["sleep", "1000"]',
    '',
  ].join('\n'),
  'list.yaml':
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: l1\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: l2\n',
  'labeled.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n  labels:\n    tier: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n  labels:\n    tier: x\n',
  'probed.yaml': "apiVersion: v1\nkind: Pod\nmetadata:\n  name: probed\n  labels: {app: probed}\n  annotations: {note: \"hello\"}\nspec:\n  initContainers:\n  - name: init\n    image: busybox\n    command: [\"sh\", \"-c\", \"echo hi\"]\n    resources:\n      requests: {cpu: \"0.5\", memory: 1Gi}\n  containers:\n  - name: app\n    image: nginx:1.27\n    command: [\"nginx\"]\n    args: [\"-g\", \"daemon off;\"]\n    ports:\n    - containerPort: 80\n    - containerPort: 443\n      hostPort: 8443\n    env:\n    - name: A\n      value: \"x\"\n    - name: POD\n      valueFrom: {fieldRef: {fieldPath: metadata.name}}\n    - name: CM\n      valueFrom: {configMapKeyRef: {name: c, key: k}}\n    - name: S\n      valueFrom: {secretKeyRef: {name: s, key: k, optional: true}}\n    - name: LIM\n      valueFrom: {resourceFieldRef: {resource: limits.memory}}\n    envFrom:\n    - configMapRef: {name: c}\n    - secretRef: {name: s}\n      prefix: S_\n    livenessProbe:\n      httpGet: {path: /healthz, port: 80}\n    readinessProbe:\n      tcpSocket: {port: 80}\n      initialDelaySeconds: 5\n    startupProbe:\n      exec: {command: [\"cat\", \"/tmp/x\"]}\n    resources:\n      limits: {cpu: \"1\", memory: 512Mi}\n      requests: {cpu: 250m, memory: 256Mi}\n    volumeMounts:\n    - {name: cfg, mountPath: /etc/cfg, readOnly: true}\n    - {name: data, mountPath: /data, subPath: sub}\n    - {name: host, mountPath: /host}\n    - {name: sec, mountPath: /sec}\n  volumes:\n  - name: cfg\n    configMap: {name: c}\n  - name: data\n    emptyDir: {sizeLimit: 1Gi}\n  - name: host\n    hostPath: {path: /var/log, type: Directory}\n  - name: sec\n    secret: {secretName: s}\n  nodeSelector: {kubernetes.io/os: linux}\n  tolerations:\n  - {key: a, operator: Equal, value: b, effect: NoSchedule}\n  - {operator: Exists}\n",
  'plain-pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n',
  // Service ports kubectl cannot diff (strategicpatch's list element types): its own error, not a crash.
  'svc-null-port.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: custom-api-server\nspec:\n  selector:\n    app: demo\n  ports: [null]\n',
  'svc-demo.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: demo\nspec:\n  selector:\n    app: demo\n  ports: [{port: 80}]\n',
  'svc-demo-null.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: demo\nspec:\n  selector:\n    app: demo\n  ports: [null]\n',
  'svc-demo-mixed.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: demo\nspec:\n  selector:\n    app: demo\n  ports: [{port: 80}, 7, 1000000.5]\n',
  'web-back.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n',
};

/** Standard input for the lines that read `-f -`. */
const stdinFor: Record<string, string> = {
  'apply -f -': writeFiles['wardle-ok.yaml']!,
  'apply -f - -v=6': writeFiles['wardle-ok.yaml']!,
  'create -f -': writeFiles['bad-indent.yaml']!,
};

/** Lines start after `kubectl`, in the order a learner meets them; state carries over. */
export const writesCorpus: string[] = [
  // Applying the metrics-server APIService the cluster already has (created without apply).
  'apply -f metrics-apiservice.yaml',
  'apply -f metrics-apiservice.yaml',
  'apply -f metrics-apiservice-vp50.yaml -v=6',
  'get apiservice v1beta1.metrics.k8s.io -o jsonpath={.spec.versionPriority}',
  'apply -f metrics-apiservice.yaml',
  'apply -f metrics-apiservice.json',
  'apply -f metrics-apiservice-vp50.yaml --dry-run=server',
  'apply -f metrics-apiservice-vp50.yaml --dry-run=client',
  // Registering a new APIService.
  'apply -f wardle-ok.yaml -v=6',
  'apply -f wardle-ok.yaml',
  'get apiservice v1alpha1.wardle.example.com',
  'create -f wardle-ok.yaml',
  'delete apiservice v1alpha1.wardle.example.com -v=6',
  'delete apiservice v1alpha1.wardle.example.com',
  'delete apiservice v1alpha1.wardle.example.com --ignore-not-found',
  'create -f wardle-ok.yaml --dry-run=server',
  'create -f wardle-ok.yaml --dry-run=client',
  'create -f wardle-ok.yaml -v=6',
  'delete -f wardle-ok.yaml',
  'create -f ns-set.yaml',
  'delete apiservices.apiregistration.k8s.io/v1alpha1.wardle.example.com',
  'apply -f - -v=6',
  'apply -f -',
  'apply -f wardle-ok.yaml --server-side',
  'delete apiservice/v1alpha1.wardle.example.com apiservice/nope',
  'apply -f wardle-ok.yaml --validate=false -v=6',
  'delete -f wardle-ok.yaml -n default',
  // What the server refuses.
  'apply -f invalid-gpm.yaml',
  'create -f invalid-gpm.yaml',
  'create -f invalid-multi.yaml',
  'create -f invalid-local-ca.yaml',
  'create -f missing-svc-fields.yaml',
  'create -f name-mismatch.yaml',
  'create -f empty-group.yaml',
  'create -f no-name.yaml',
  'create -f slash-name.yaml',
  'create -f typo-field.yaml',
  'apply -f typo-field.yaml',
  'apply -f typo-field.yaml --validate=false',
  'apply -f typo-field.yaml --validate=warn',
  'apply -f typo-field.yaml --server-side',
  'apply -f invalid-gpm.yaml --server-side',
  // What kubectl refuses before asking the server.
  'apply -f no-name.yaml',
  'apply -f slash-name.yaml',
  'apply -f bad-indent.yaml',
  'apply -f tab.yaml',
  'apply -f open-quote.yaml',
  'apply -f continued-scalar.yaml',
  'apply -f two-colons.yaml',
  'create -f seq-then-key.yaml',
  'apply -f open-flow.yaml',
  'delete -f open-list.yaml',
  'create -f -',
  'apply -f nope.yaml',
  'create -f nope.yaml',
  'delete -f nope.yaml',
  'apply',
  'create',
  'apply -f empty.yaml',
  'create -f empty.yaml',
  'apply -f no-apiversion.yaml',
  'apply -f no-kind.yaml',
  'apply -f unknown-kind.yaml',
  'apply -f unknown-group.yaml',
  'apply -f unknown-group.yaml --validate=false',
  'apply -f wardle-ok.yaml --validate=maybe',
  'apply -f wardle-ok.yaml --dry-run=maybe',
  'apply -f wardle-ok.yaml --foo',
  // Several objects per file; errors reported together after the rest went through.
  'apply -f configs.yaml',
  'describe cm first',
  'describe configmaps -A',
  'apply -f configs.yaml',
  'apply -f configs.yaml -n kube-system',
  'delete -f configs.yaml',
  'apply -f configs-broken.yaml',
  'apply -f configs-broken.yaml -f no-kind.yaml',
  'delete -f configs-broken.yaml',
  'apply -f list.yaml',
  'apply -f list.yaml --validate=false -o name',
  'apply -f list.yaml --validate=false',
  'delete -f list.yaml -o name',
  'create -f list.yaml --validate=false -o name',
  'scale -n kube-system deploy coredns --replicas=1 -o name',
  'delete -f list.yaml',
  'apply -f mixed.yaml --validate=false',
  'create -f mixed.yaml --validate=false',
  'delete -f mixed.yaml',
  // A pod with probes, downward-API env, volumes, an init container and limits.
  'apply -f probed.yaml',
  'describe pod probed',
  'get pod probed -o yaml',
  'describe nodes',
  'delete -f probed.yaml',
  // A learner's plain pod: the default tolerations, the kubelet's status.
  'apply -f plain-pod.yaml',
  'get pod plain -o yaml',
  'get pod plain -o json',
  'describe pod plain',
  'delete -f plain-pod.yaml',
  // A Deployment: a strategic merge patch with list merge keys and retainKeys.
  'apply -f web.yaml',
  'describe deploy web',
  'describe pods -l app=web',
  'get deploy web -o jsonpath={.spec.template.spec.containers[*].image}',
  'apply -f web-back.yaml',
  'apply -f web-back.yaml',
  'describe deploy web',
  'describe rs -l app=web',
  // Scaling.
  'scale deployment web --replicas=3',
  'describe deploy web',
  'describe rs -l app=web',
  'describe node kind-worker',
  'scale deploy/web --replicas=2 -v=6',
  'scale -n kube-system deploy coredns --replicas=2',
  'scale deploy web --replicas=1 --dry-run=server',
  'scale -f web-back.yaml --replicas=2',
  'get deploy web -o jsonpath={.spec.replicas}',
  'scale deploy nope --replicas=2',
  'scale deploy/nope deploy/web --replicas=2',
  'scale deploy --replicas=2',
  'scale deploy web',
  'scale --replicas=2',
  'scale deploy web --replicas=-1',
  'scale deploy web --replicas=abc',
  'scale apiservice v1.apps --replicas=1',
  // Breaking metrics-server and repairing it, as the troubleshooting lesson does.
  'scale deploy metrics-server -n kube-system --replicas=0',
  'describe deploy metrics-server -n kube-system',
  'describe svc metrics-server -n kube-system',
  'describe ep metrics-server -n kube-system',
  'describe endpointslices -n kube-system -l kubernetes.io/service-name=metrics-server',
  'get apiservice',
  'get apiservice v1beta1.metrics.k8s.io -o wide',
  'describe apiservice v1beta1.metrics.k8s.io',
  'top nodes',
  'top pods -A',
  'top nodes -v=6',
  'get --raw /apis/metrics.k8s.io/v1beta1/nodes',
  'get nodes.metrics.k8s.io',
  'api-resources --api-group=metrics.k8s.io',
  'api-versions',
  'scale deploy metrics-server -n kube-system --replicas=1',
  'get apiservice v1beta1.metrics.k8s.io',
  'top nodes',
  'delete svc metrics-server -n kube-system',
  'describe svc metrics-server -n kube-system',
  'get apiservice v1beta1.metrics.k8s.io',
  'top pods',
  'get --raw /apis/metrics.k8s.io/v1beta1/pods',
  // Deleting.
  'delete',
  'delete configmap',
  'delete configmap nope',
  'delete cm nope another --ignore-not-found',
  'delete cm/third cm/nope',
  'apply -f labeled.yaml',
  'delete cm -l tier=x -v=6',
  'delete cm -l tier=x',
  'delete cm -l tier=x --ignore-not-found',
  'delete cm first -l tier=x',
  'delete cm --all -l tier=x',
  'apply -f labeled.yaml',
  'delete cm first --force --grace-period=0 -v=6',
  'delete cm second --now',
  'delete cm second --now --grace-period=2',
  'delete cm nope --force',
  'delete cm --all -n kube-public',
  'delete pods -l app=web',
  'describe rs -l app=web',
  'describe pods -l app=web',
  'delete deployment web',
  'delete apiservice v1beta1.metrics.k8s.io',
  'get apiservice v1beta1.metrics.k8s.io',
  'apply -f metrics-apiservice.yaml',
  'apply -f svc-null-port.yaml',
  'apply -f svc-demo.yaml',
  'apply -f svc-demo-null.yaml',
  'apply -f svc-demo-mixed.yaml',
  'delete svc demo',
];

describe.runIf(kubectlAvailable())('apply, create, delete and scale print what the real kubectl prints', () => {
  let realCluster: ConformanceCluster;
  let ourCluster: ConformanceCluster;
  let real: Pair;
  let normaliseOurs: (text: string) => string;
  let ours: (args: string[], stdin?: string) => Promise<KubectlResult>;
  beforeAll(async () => {
    realCluster = await startConformanceCluster();
    ourCluster = await startConformanceCluster();
    real = kubectlPair(realCluster);
    const ourPair = kubectlPair(ourCluster);
    normaliseOurs = ourPair.normalise;
    let home = '';
    for (const [name, text] of Object.entries(writeFiles)) home = dirname(realCluster.writeFile(name, text));
    ours = (args, stdin) =>
      runKubectl(args, {
        fetch: (req) => fetch(req),
        server: ourCluster.server.url,
        files: { readFile: (name) => (existsSync(join(home, name)) ? readFileSync(join(home, name), 'utf8') : undefined) },
        stdin,
        now: () => new Date(),
        pid: process.pid,
        kubeconfigPath: join(home, 'parity-kubeconfig'),
      });
  });
  afterAll(async () => {
    await realCluster?.close();
    await ourCluster?.close();
  });

  for (const line of writesCorpus) {
    it(`kubectl ${line}`, async () => {
      const args = shellWords(line);
      const stdin = stdinFor[line];
      const theirs = await real.real(args, stdin);
      const mine = await ours(args, stdin);
      expect(comparable(mine, normaliseOurs)).toEqual(comparable(theirs, real.normalise));
    });
  }
});
