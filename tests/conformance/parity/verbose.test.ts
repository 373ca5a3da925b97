// Parity for kubectl's -v=7, -v=8 and -v=9 request logs: request and response headers, request
// and response bodies (cut at 1024 bytes at -v=8 and 10240 at -v=9), the curl line and the
// connection statistics. Response headers carry each cluster's Audit-Id, a count of the requests
// it answered, so the real kubectl and ours each get their own cluster, started from the same
// scenario at the same pinned time, and run the same lines in the same order.

import { metricsAPIService as metrics } from './manifests.ts';
import { describeParity } from './ours.ts';


const files: Record<string, string> = {
  'metrics-apiservice.yaml': metrics(100),
  'metrics-apiservice-vp50.yaml': metrics(50),
  'wardle.yaml':
    'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1alpha1.wardle.example.com\nspec:\n  group: wardle.example.com\n  version: v1alpha1\n  groupPriorityMinimum: 1000\n  versionPriority: 15\n  insecureSkipTLSVerify: true\n  service:\n    name: api\n    namespace: wardle\n',
  'note.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: note\ndata:\n  text: "한국어 설명 \\u00e9\\t\\"quoted\\" back\\\\slash"\n',
};

/** Lines start after `kubectl`, in the order a learner meets them; state carries over. */
export const verboseCorpus: string[] = [
  // Reads: one object, lists, discovery, the server's version.
  'get apiservice v1beta1.metrics.k8s.io -v=7',
  'get apiservice v1beta1.metrics.k8s.io -v=8',
  'get apiservice -v=8',
  'get apiservice -v=9',
  'get apiservice v1.apps -o yaml -v=9',
  'get pods -v=9 -o json',
  'get pods -A -v=8',
  'get deploy,svc -n kube-system -v=8',
  'api-versions -v=8',
  'version -v=9',
  'describe apiservice v1beta1.metrics.k8s.io -v=8',
  // Through the aggregation layer: metrics-server answers.
  'top nodes -v=9',
  'top pods -n kube-system -v=8',
  'get --raw /apis/metrics.k8s.io/v1beta1 -v=8',
  'get --raw /apis/metrics.k8s.io/v1beta1/nodes -v=9',
  // Errors: the Status body is logged before kubectl prints it.
  'get apiservice nope -v=8',
  'get apiservice nope -v=9',
  'get pods,svc nope -v=8',
  'get --raw /apis/foo.example.com/v1/bars -v=8',
  // Writes: request bodies (the patch, the new object) and the answers.
  'apply -f metrics-apiservice.yaml -v=8',
  'apply -f metrics-apiservice-vp50.yaml -v=9',
  'apply -f metrics-apiservice.yaml -v=8',
  'create -f wardle.yaml -v=8',
  'create -f wardle.yaml -v=9',
  'apply -f note.yaml -v=8',
  'get configmap note -o json -v=9',
  'delete -f note.yaml -v=9',
  'delete apiservice v1alpha1.wardle.example.com -v=8',
  'scale deploy web --replicas=3 -v=9',
  // metrics-server down: the aggregator's 503 and its text body.
  'scale deploy metrics-server -n kube-system --replicas=0 -v=8',
  'top nodes -v=8',
  'get --raw /apis/metrics.k8s.io/v1beta1/nodes -v=9',
  'scale deploy metrics-server -n kube-system --replicas=1',
  'top nodes -v=9',
];

describeParity('-v=7, -v=8 and -v=9 print what the real kubectl prints', verboseCorpus, { files, clusterEach: true });
