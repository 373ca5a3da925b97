// SetDefaults_* and the strategies, checked against what a v1.32 apiserver stores.

import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../../../src/sim/fielderrors.ts';
import { coreBehaviours } from '../../../src/sim/core/index.ts';
import { applyScale, toScale } from '../../../src/sim/core/scale.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { deployment, kindCluster, service } from './harness.ts';

const b = (key: string) => coreBehaviours[key];
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const validate = (key: string, obj: KubeObject, old?: KubeObject) => (b(key).validate?.(obj, old) ?? []).map(formatFieldError);

describe('defaults', () => {
  it('probes and downward-API env vars: timeouts, thresholds, HTTP scheme and fieldRef apiVersion, in Go field order', () => {
    const d = deployment('web', 1);
    const c = (d.spec as any).template.spec.containers[0];
    c.livenessProbe = { httpGet: { port: 80 } };
    c.readinessProbe = { initialDelaySeconds: 5, tcpSocket: { port: 80 } };
    c.env = [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }];
    b('apps/v1/deployments').defaults!(d);
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(Object.keys(c.readinessProbe)).toEqual(['tcpSocket', 'initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']);
    expect(Object.keys(c.env[0].valueFrom.fieldRef)).toEqual(['apiVersion', 'fieldPath']);
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
  });

  it('Deployment: strategy, history, deadline, template metadata and container defaults, in Go field order', () => {
    const d = deployment('web', 3);
    delete (d.spec as any).replicas;
    (d.spec as any).template.spec.containers.push({ name: 'sidecar', image: 'busybox' });
    b('apps/v1/deployments').defaults!(d);
    const spec = d.spec as any;
    expect(Object.keys(spec)).toEqual(['replicas', 'selector', 'template', 'strategy', 'revisionHistoryLimit', 'progressDeadlineSeconds']);
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    expect(spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web' } });
    expect(spec.template.spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
        {
          name: 'sidecar',
          image: 'busybox',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'Always', // no tag means :latest
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    });
  });

  it('Deployment create resets status and sets generation 1; update keeps the controller\'s status', () => {
    const d = { ...deployment('web', 1), status: { replicas: 9 } };
    b('apps/v1/deployments').prepareForCreate!(d);
    expect(d.status).toEqual({});
    expect(d.metadata.generation).toBe(1);
    const next = { ...deployment('web', 2), status: { replicas: 0 } };
    b('apps/v1/deployments').prepareForUpdate!(next, { ...deployment('web', 1), status: { replicas: 1 } });
    expect(next.status).toEqual({ replicas: 1 });
  });

  it('Service: type, session affinity, protocol, targetPort = port, traffic policy, and a ClusterIP on create', async () => {
    const c = await kindCluster();
    const manifest = service('web', { app: 'web' });
    (manifest.spec as any).ports = [{ name: 'http', port: 80 }];
    const svc = await c.create('services', manifest);
    const spec = svc.spec as any;
    expect(Object.keys(spec)).toEqual([
      'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'sessionAffinity', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy',
    ]);
    expect(spec.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80 }]);
    expect(spec.type).toBe('ClusterIP');
    expect(spec.sessionAffinity).toBe('None');
    expect(spec.ipFamilies).toEqual(['IPv4']);
    expect(spec.ipFamilyPolicy).toBe('SingleStack');
    expect(spec.internalTrafficPolicy).toBe('Cluster');
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('Service update keeps the allocated ClusterIP when the manifest leaves it out', async () => {
    const c = await kindCluster();
    const created = await c.create('services', service('web', { app: 'web' }));
    const updated = await c.update('services', { ...service('web', { app: 'web' }), metadata: { ...created.metadata } });
    expect((updated.spec as any).clusterIP).toBe((created.spec as any).clusterIP);
  });

  it('Pod: SetDefaults_Pod plus the ServiceAccount, Priority and DefaultTolerationSeconds admission', async () => {
    const c = await kindCluster();
    const pod = await c.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { priorityClassName: 'system-cluster-critical', containers: [{ name: 'c', image: 'busybox:1.36', resources: { limits: { cpu: '1', memory: '1Gi' } } }] },
    });
    const spec = pod.spec as any;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    expect(spec.priority).toBe(2000000000);
    expect(spec.enableServiceLinks).toBe(true);
    expect(spec.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(spec.tolerations.map((t: any) => [t.key, t.effect, t.tolerationSeconds])).toEqual([
      ['node.kubernetes.io/not-ready', 'NoExecute', 300],
      ['node.kubernetes.io/unreachable', 'NoExecute', 300],
    ]);
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } });
    expect(spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: spec.volumes[0].name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    // Scheduled and started by the controllers: Guaranteed, since requests equal limits.
    expect((pod.status as any).qosClass).toBe('Guaranteed');
    expect((c.get('pods', 'default', 'p')!.status as any).phase).toBe('Running');
  });

  it('Namespace: the metadata.name label, the kubernetes finalizer, phase Active', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } };
    b('/v1/namespaces').defaults!(ns);
    b('/v1/namespaces').prepareForCreate!(ns);
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
  });

  it('Node: allocatable defaults to capacity; nodes without a podCIDR get the next /24', async () => {
    const c = await kindCluster();
    const n = c.get('nodes', undefined, 'kind-worker2')!;
    expect((n.status as any).allocatable).toEqual((n.status as any).capacity);
    expect((n.spec as any).podCIDR).toBe('10.244.2.0/24');
    expect((n.spec as any).podCIDRs).toEqual(['10.244.2.0/24']);
  });
});

describe('scale subresource', () => {
  it('reads an autoscaling/v1 Scale and writes spec.replicas back', async () => {
    const c = await kindCluster();
    await c.create('deployments', deployment('web', 2));
    const d = c.get('deployments', 'default', 'web')!;
    const scale = toScale(d);
    expect(scale).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default', uid: d.metadata.uid, resourceVersion: d.metadata.resourceVersion, creationTimestamp: d.metadata.creationTimestamp },
      spec: { replicas: 2 },
      status: { replicas: 2, selector: 'app=web' },
    });
    const scaled = applyScale(d, { ...scale, spec: { replicas: 5 } });
    expect((scaled.spec as any).replicas).toBe(5);
    expect((d.spec as any).replicas).toBe(2);
  });
});

describe('validation', () => {
  it('names: required, RFC 1123 subdomain for pods, DNS-1035 label for services', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    expect(validate('/v1/pods', pod)).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(validate('/v1/pods', { ...pod, metadata: { name: 'My_Pod', namespace: 'default' } })).toEqual([
      `metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    const svc = service('1web', { app: 'web' });
    expect(validate('/v1/services', svc)).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('pods and services: containers, images and ports', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } };
    expect(validate('/v1/pods', pod)).toEqual(['spec.containers: Required value']);
    expect(validate('/v1/pods', { ...pod, spec: { containers: [{ name: 'c' }] } })).toEqual(['spec.containers[0].image: Required value']);
    const svc = service('web', { app: 'web' });
    (svc.spec as any).ports = [{ port: 0 }, { name: 'b', port: 70000 }];
    expect(validate('/v1/services', svc)).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(validate('/v1/services', { ...svc, spec: { selector: { app: 'web' } } })).toEqual(['spec.ports: Required value']);
  });

  it('deployments: selector required, template labels must match, restartPolicy Always, replicas ≥ 0, selector immutable', () => {
    const d = deployment('web', 1);
    b('apps/v1/deployments').defaults!(d);
    expect(validate('apps/v1/deployments', d)).toEqual([]);
    const noSelector = clone(d);
    delete (noSelector.spec as any).selector;
    expect(validate('apps/v1/deployments', noSelector)).toEqual(['spec.selector: Required value']);
    const negative = clone(d);
    (negative.spec as any).replicas = -1;
    expect(validate('apps/v1/deployments', negative)).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
    const never = clone(d);
    (never.spec as any).template.spec.restartPolicy = 'Never';
    expect(validate('apps/v1/deployments', never)).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
    const mismatch = clone(d);
    (mismatch.spec as any).template.metadata.labels = { app: 'other' };
    const [err] = b('apps/v1/deployments').validate!(mismatch);
    expect([err.field, err.detail]).toEqual(['spec.template.metadata.labels', '`selector` does not match template `labels`']);
    const moved = clone(d);
    (moved.spec as any).selector = { matchLabels: { app: 'web2' } };
    (moved.spec as any).template.metadata.labels = { app: 'web2' };
    const errs = b('apps/v1/deployments').validate!(moved, d);
    expect(errs.map((e) => [e.field, e.detail])).toEqual([['spec.selector', 'field is immutable']]);
  });
});
