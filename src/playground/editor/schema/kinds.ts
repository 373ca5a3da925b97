// The kinds the course's editor files hold, and the OpenAPI documents that define them.

import type { KindRef } from './convert.ts';

/** OpenAPI v3 documents (src/sim/openapi/generated) whose component schemas are merged. */
export const sourceDocuments = [
  'apis__apiregistration.k8s.io__v1.json',
  'api__v1.json',
  'apis__apps__v1.json',
  'apis__apiextensions.k8s.io__v1.json',
];

export const editorKinds: KindRef[] = [
  { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', definition: 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService' },
  { apiVersion: 'v1', kind: 'Service', definition: 'io.k8s.api.core.v1.Service' },
  { apiVersion: 'apps/v1', kind: 'Deployment', definition: 'io.k8s.api.apps.v1.Deployment' },
  {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    definition: 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition',
  },
  { apiVersion: 'v1', kind: 'Namespace', definition: 'io.k8s.api.core.v1.Namespace' },
  { apiVersion: 'v1', kind: 'Pod', definition: 'io.k8s.api.core.v1.Pod' },
  { apiVersion: 'v1', kind: 'ConfigMap', definition: 'io.k8s.api.core.v1.ConfigMap' },
];
