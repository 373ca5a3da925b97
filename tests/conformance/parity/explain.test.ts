// Parity for kubectl explain: each line runs with the real kubectl and with ours against the
// same cluster and must print the same stdout and stderr, with the same exit code. Lines
// start after `kubectl`. Midway a CustomResourceDefinition is created, and its kind is
// explained from the OpenAPI document the server then publishes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlAvailable, startConformanceCluster, type ConformanceCluster } from '../harness.ts';
import { expectSameAsReal, kubectlPair, type Pair } from './ours.ts';

/** Every resource the default scenario serves, group-qualified as `api-resources -o name` prints it. */
const everyResource = [
  'bindings', 'componentstatuses', 'configmaps', 'endpoints', 'events', 'limitranges', 'namespaces', 'nodes',
  'persistentvolumeclaims', 'persistentvolumes', 'pods', 'podtemplates', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'serviceaccounts', 'services',
  'mutatingwebhookconfigurations.admissionregistration.k8s.io', 'validatingadmissionpolicies.admissionregistration.k8s.io',
  'validatingadmissionpolicybindings.admissionregistration.k8s.io', 'validatingwebhookconfigurations.admissionregistration.k8s.io',
  'customresourcedefinitions.apiextensions.k8s.io', 'apiservices.apiregistration.k8s.io',
  'controllerrevisions.apps', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps',
  'selfsubjectreviews.authentication.k8s.io', 'tokenreviews.authentication.k8s.io',
  'localsubjectaccessreviews.authorization.k8s.io', 'selfsubjectaccessreviews.authorization.k8s.io',
  'selfsubjectrulesreviews.authorization.k8s.io', 'subjectaccessreviews.authorization.k8s.io',
  'horizontalpodautoscalers.autoscaling', 'cronjobs.batch', 'jobs.batch', 'certificatesigningrequests.certificates.k8s.io',
  'leases.coordination.k8s.io', 'inventories.custom.example.com', 'endpointslices.discovery.k8s.io', 'events.events.k8s.io',
  'flowschemas.flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations.flowcontrol.apiserver.k8s.io',
  'nodes.metrics.k8s.io', 'pods.metrics.k8s.io', 'ingressclasses.networking.k8s.io', 'ingresses.networking.k8s.io',
  'networkpolicies.networking.k8s.io', 'runtimeclasses.node.k8s.io', 'poddisruptionbudgets.policy',
  'clusterrolebindings.rbac.authorization.k8s.io', 'clusterroles.rbac.authorization.k8s.io',
  'rolebindings.rbac.authorization.k8s.io', 'roles.rbac.authorization.k8s.io', 'priorityclasses.scheduling.k8s.io',
  'csidrivers.storage.k8s.io', 'csinodes.storage.k8s.io', 'csistoragecapacities.storage.k8s.io',
  'storageclasses.storage.k8s.io', 'volumeattachments.storage.k8s.io',
];

export const explainCorpus: string[] = [
  // The APIService kind, field by field.
  'explain apiservice',
  'explain apiservices',
  'explain APIService',
  'explain apiservices.apiregistration.k8s.io',
  'explain apiservice.spec',
  'explain apiservice.spec.service',
  'explain apiservice.spec.service.port',
  'explain apiservice.spec.groupPriorityMinimum',
  'explain apiservice.spec.versionPriority',
  'explain apiservice.spec.caBundle',
  'explain apiservice.spec.insecureSkipTLSVerify',
  'explain apiservice.status',
  'explain apiservice.status.conditions',
  'explain apiservice.status.conditions.status',
  'explain apiservice.status.conditions.reason',
  'explain apiservice.metadata',
  'explain apiservice.metadata.labels',
  'explain apiservice.metadata.managedFields',
  'explain apiservices.apiregistration.k8s.io.spec.service',
  'explain apiservice.spec.',
  'explain apiservice --recursive',
  'explain apiservice.spec --recursive',
  'explain apiservice.status --recursive',
  'explain apiservice --api-version=apiregistration.k8s.io/v1',
  'explain apiservice.spec.service --api-version=apiregistration.k8s.io/v1',
  'explain apiservice --output=plaintext',
  'explain apiservice -o plaintext',
  'explain apiservice --recursive=true',
  'explain apiservice --recursive=false',
  'explain apiservice -v=6',
  // Every resource the cluster serves, by its group-qualified name.
  ...everyResource.map((r) => `explain ${r}`),
  // Names in the forms the RESTMapper takes: plural, singular, short name, kind.
  'explain pods',
  'explain pod',
  'explain po',
  'explain Pod',
  'explain deploy',
  'explain deployment',
  'explain Deployment',
  'explain deployments.apps',
  'explain svc',
  'explain no',
  'explain ns',
  'explain cm',
  'explain crd',
  'explain crds',
  'explain hpa',
  'explain cj',
  'explain ing',
  'explain netpol',
  'explain pdb',
  'explain sc',
  'explain ev',
  'explain events',
  'explain inventories',
  'explain inv',
  // Field paths through objects, lists, maps and enums.
  'explain pods.spec',
  'explain pods.spec.containers',
  'explain pods.spec.containers.resources',
  'explain pods.spec.containers.resources.limits',
  'explain pods.spec.containers.ports.protocol',
  'explain pods.spec.containers.imagePullPolicy',
  'explain pods.spec.restartPolicy',
  'explain pods.spec.volumes.configMap.items',
  'explain pods.status.phase',
  'explain pods.spec.containers.livenessProbe.httpGet.port',
  'explain deploy.spec',
  'explain deploy.spec.strategy',
  'explain deploy.spec.strategy.type',
  'explain deploy.spec.template.spec.containers.ports.protocol',
  'explain deployments.apps.spec.replicas',
  'explain deploy.spec.selector.matchExpressions',
  'explain svc.spec',
  'explain svc.spec.type',
  'explain svc.spec.ports',
  'explain svc.spec.ports.targetPort',
  'explain nodes.status.allocatable',
  'explain nodes.status.capacity',
  'explain configmaps.data',
  'explain secrets.data',
  'explain crd.spec',
  'explain crd.spec.versions',
  'explain crd.spec.versions.schema.openAPIV3Schema',
  'explain crd.spec.versions.schema.openAPIV3Schema.properties',
  'explain crd.spec.scope',
  'explain hpa.spec.metrics',
  'explain cronjobs.spec.concurrencyPolicy',
  'explain jobs.spec.podFailurePolicy.rules.action',
  'explain ingresses.spec.rules.http.paths.pathType',
  'explain leases.spec',
  'explain endpointslices.endpoints',
  'explain events.events.k8s.io.note',
  'explain pods..spec',
  // --recursive for a few kinds, and for fields.
  'explain deploy --recursive',
  'explain svc --recursive',
  'explain cm --recursive',
  'explain ns --recursive',
  'explain crd --recursive',
  'explain pods.spec.containers --recursive',
  'explain pods.metadata --recursive',
  'explain lease --recursive',
  // --api-version picks the version; the argument's first word is the resource.
  'explain hpa --api-version=autoscaling/v1',
  'explain hpa --api-version=autoscaling/v2',
  'explain hpa.spec --api-version=autoscaling/v1',
  'explain deploy --api-version=apps/v1',
  'explain svc --api-version=v1',
  'explain apiservice --api-version=v2',
  'explain apiservice --api-version=foo/v1',
  'explain apiservice --api-version=apps/v1',
  'explain apiservice --api-version=a/b/c',
  'explain apiservice --api-version=/',
  'explain apiservices.apiregistration.k8s.io --api-version=apiregistration.k8s.io/v1',
  'explain foos --api-version=apps/v1',
  'explain pods.spec[0] --api-version=v1',
  // Errors as kubectl words them.
  'explain',
  'explain a b',
  'explain foos',
  'explain Foos',
  'explain foos.example.com',
  'explain widgets',
  'explain apiservice.foo',
  'explain apiservice.foo.bar',
  'explain apiservice.spec.foo',
  'explain apiservice.spec.service.foo',
  'explain apiservices.v1.apiregistration.k8s.io',
  'explain pods.spec[0]',
  'explain pods[0]',
  'explain .pods',
  'explain pods/spec',
  "explain 'pods.spec.containers[*].name'",
  'explain pods.{x}',
  "explain 'pods.spec.containers[?(@.name==\"a\")]'",
  'explain pods...spec',
  'explain apiservice.foo -v=6',
  'explain foos -v=6',
  'explain apiservice --output=plaintext-openapiv2',
  'explain apiservice -o plaintext-openapiv2',
  'explain apiservice -o plaintext-openapiv2 -v=6',
  'explain apiservice --output=foo',
  'explain apiservice --output=',
  'explain apiservice --recursive=maybe',
  'explain apiservice --foo',
  'explain apiservice -o',
  'explain --help',
  'explain apiservice -h',
];

/** A namespaced custom resource with a short name, an enum, required and untyped fields. */
const widgetsCRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', shortNames: ['wg'] },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            description: 'A Widget is a thing a learner builds to practise with custom resources.',
            properties: {
              spec: {
                type: 'object',
                description: 'The desired widget.',
                required: ['size'],
                properties: {
                  size: { type: 'integer', description: 'How big the widget is.' },
                  color: { type: 'string', enum: ['red', 'green', 'blue', 'yellow', 'black'], description: 'Its colour.' },
                },
              },
              status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        },
      },
    ],
  },
};

export const explainCRDCorpus: string[] = [
  'explain widgets',
  'explain widget',
  'explain wg',
  'explain Widget',
  'explain widgets.example.com',
  'explain widgets.example.com.spec',
  'explain widget.spec',
  'explain widget.spec.color',
  'explain widget.spec.size',
  'explain widget.status',
  'explain widget.status.foo',
  'explain widget.spec.foo',
  'explain wg --recursive',
  'explain widget.spec --recursive',
  'explain widget --api-version=example.com/v1',
  'explain widget --api-version=example.com/v2',
  'explain widget.metadata.ownerReferences',
  'explain widgets -v=6',
];

describe.runIf(kubectlAvailable())('kubectl explain prints what the real kubectl prints', () => {
  let c: ConformanceCluster;
  let pair: Pair;
  beforeAll(async () => {
    c = await startConformanceCluster();
    pair = kubectlPair(c);
  });
  afterAll(async () => {
    await c?.close();
  });

  const same = (line: string) => () => expectSameAsReal(pair, line);

  for (const line of explainCorpus) it(`kubectl ${line}`, same(line));

  it('a CustomResourceDefinition for widgets is created', async () => {
    const response = await fetch(`${c.server.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(widgetsCRD),
    });
    expect(response.status).toBe(201);
  });

  for (const line of explainCRDCorpus) it(`kubectl ${line}`, same(line));
});
