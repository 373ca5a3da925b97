// Parity for kubectl patch: the troubleshooting lesson's patches, every patch type, output
// flag and dry-run mode, and the errors kubectl and the server give. Patches change state, so the
// real kubectl and ours each get their own cluster from the same scenario and run the same lines
// in the same order; after each line both must have printed the same and exited with the same code.

import { describeParity } from './ours.ts';

/** The files the lines below name. */
const patchFiles: Record<string, string> = {
  'metrics-apiservice.yaml':
    'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1beta1.metrics.k8s.io\nspec:\n  group: metrics.k8s.io\n  version: v1beta1\n',
  'web-deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n      - name: sidecar\n        image: busybox\n',
  'priority-patch.json': '{"spec":{"versionPriority":40}}\n',
  'priority-patch.yaml': 'spec:\n  versionPriority: 45\n',
};

/** Lines start after `kubectl`, in the order a learner meets them; state carries over. */
export const patchCorpus: string[] = [
  // The troubleshooting lesson: break the Service reference, look, repair it.
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"service":{"name":"metrics-srv"}}}'`,
  'get apiservice v1beta1.metrics.k8s.io',
  "get apiservice v1beta1.metrics.k8s.io -o jsonpath='{.status.conditions[0].message}'",
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"service":{"name":"metrics-srv"}}}'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"service":{"name":"metrics-server"}}}'`,
  'get apiservice v1beta1.metrics.k8s.io',
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"service":{"namespace":"default","name":"custom-api-server"}}}'`,
  'get apiservice v1beta1.metrics.k8s.io',
  "get apiservice v1beta1.metrics.k8s.io -o jsonpath='{.status.conditions[0].message}'",
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"service":{"namespace":"kube-system","name":"metrics-server"}}}'`,
  'get apiservice v1beta1.metrics.k8s.io',
  // Each patch type, the request log, and the output flags.
  `patch apiservice v1beta1.metrics.k8s.io -p '{"spec":{"versionPriority":50}}' -v=6`,
  `patch apiservice v1beta1.metrics.k8s.io -p '{"spec":{"versionPriority":50}}'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=json -p '[{"op":"replace","path":"/spec/versionPriority","value":60}]' -v=8`,
  `patch apiservice/v1beta1.metrics.k8s.io --type merge -p 'spec: {versionPriority: 70}'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=JSON -p '[]'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":80}}' -o name`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":90}}' -o yaml`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":100}}' -o json`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":100}}' -o jsonpath={.spec.versionPriority}`,
  'patch apiservice v1beta1.metrics.k8s.io --patch-file=priority-patch.json',
  'patch apiservice v1beta1.metrics.k8s.io --type=merge --patch-file priority-patch.yaml',
  `patch -f metrics-apiservice.yaml --type=merge -p '{"spec":{"versionPriority":100}}' -v=6`,
  `patch apiservice v1beta1.metrics.k8s.io v1.apps --type=merge -p '{"metadata":{"labels":{"lesson":"8"}}}'`,
  `patch apiservices v1.apps --type=json -p '[{"op":"remove","path":"/metadata/labels"}]'`,
  // Dry runs.
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":5}}' --dry-run=server -v=6`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":5}}' --dry-run=client -v=6`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":100}}' --dry-run=client`,
  `patch apiservice v1beta1.metrics.k8s.io --type=json -p '[{"op":"replace","path":"/spec/versionPriority","value":5}]' --dry-run=client -o jsonpath={.spec.versionPriority}`,
  `patch apiservice v1beta1.metrics.k8s.io -p '{"spec":{"versionPriority":5}}' --dry-run=client`,
  `patch -f metrics-apiservice.yaml --local --type=merge -p '{"spec":{"versionPriority":5}}' -o yaml`,
  // A strategic patch merges a container into its list by name: the other fields and containers stay.
  `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}' --dry-run=client -o yaml`,
  `patch -f web-deployment.yaml --local -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}' -o yaml`,
  'get apiservice v1beta1.metrics.k8s.io -o jsonpath={.spec.versionPriority}',
  // Subresources.
  `patch deploy web --subresource=scale --type=merge -p '{"spec":{"replicas":3}}' -v=6`,
  `patch deploy web --subresource=scale --type=merge -p '{"spec":{"replicas":3}}'`,
  `patch deployment web --subresource scale --type=merge -p '{"spec":{"replicas":2}}' -o name`,
  `patch apiservice v1beta1.metrics.k8s.io --subresource=status --type=merge -p '{"status":{"conditions":[]}}'`,
  `patch apiservice v1beta1.metrics.k8s.io --subresource=foo -p '{}'`,
  // What the server refuses.
  'patch apiservice nope -p {}',
  'patch apiservice nope -p {} -v=6',
  `patch apiservice v1beta1.metrics.k8s.io nope --type=merge -p '{"metadata":{"labels":{"x":"y"}}}'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"groupPriorityMinimum":0}}'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=json -p '[{"op":"replace","path":"/spec/nope/x","value":1}]'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=json -p '{"op":"add"}'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=json -p '[{"op":"foo","path":"/spec"}]'`,
  `patch apiservice v1beta1.metrics.k8s.io -p '{"spec":'`,
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '"x"'`,
  // What kubectl refuses before asking the server.
  'patch apiservice v1beta1.metrics.k8s.io',
  'patch apiservice v1beta1.metrics.k8s.io --type=foo -p {}',
  'patch --type=foo',
  "patch apiservice v1beta1.metrics.k8s.io -p 'spec: [a'",
  'patch -p {}',
  'patch apiservice -p {}',
  'patch foos x -p {}',
  'patch apiservice x -p {} --dry-run=maybe',
  'patch apiservice x -p {} --local',
  'patch -f metrics-apiservice.yaml -p {} --local --dry-run=server',
  'patch -f nope.yaml -p {}',
  'patch apiservice v1beta1.metrics.k8s.io --patch-file=nope.json',
  'patch apiservice v1beta1.metrics.k8s.io --patch-file=priority-patch.json -p {}',
  'patch apiservice v1beta1.metrics.k8s.io --foo',
  `patch apiservice v1beta1.metrics.k8s.io --type=merge -p '{"spec":{"versionPriority":100}}' -o wide -v=6`,
  'get apiservice v1beta1.metrics.k8s.io -o jsonpath={.spec.versionPriority}',
];

describeParity('kubectl patch prints what the real kubectl prints', patchCorpus, { files: patchFiles, clusterEach: true });
