// Parity for kubectl's discovery cache: one cache directory kept from line to line, as a
// learner's ~/.kube/cache is. The first line fetches /api and /apis; later lines read the cache,
// except top (its own discovery, every run), api-resources and api-versions (always refreshed),
// and a type the cache does not know (invalidated at -v=5 and up, fetched again, looked up again):
// a kind a new CustomResourceDefinition added, or one that does not exist.

import { describeParity } from './ours.ts';

const files: Record<string, string> = {
  'crd.yaml':
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: backups.ops.example.com\nspec:\n  group: ops.example.com\n  names: { kind: Backup, plural: backups, singular: backup }\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true }\n',
  'backup.yaml': 'apiVersion: ops.example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\n',
};

export const discoveryCacheCorpus: string[] = [
  'get apiservice -v=6',
  'get pods -A -v=6',
  'get apiservice v1beta1.metrics.k8s.io -o yaml -v=6',
  'describe ns default -v=6',
  'top nodes -v=6',
  'get pods -v=6',
  'api-resources --api-group=metrics.k8s.io -v=6',
  'api-versions -v=6',
  'get pods -v=6',
  'get foo -v=6',
  'get foo -v=4',
  'get pods,foo -v=6',
  'describe foo -v=6',
  'explain foo -v=6',
  'apply -f crd.yaml -v=6',
  'get backups -v=6',
  'apply -f backup.yaml -v=6',
  'get backups -v=6',
  'explain backups.spec -v=6',
];

describeParity('a discovery cache kept across lines, as the real kubectl keeps it', discoveryCacheCorpus, { files, clusterEach: true, sharedCache: true });
