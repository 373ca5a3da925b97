// Pods as a v1.32 cluster shows them: the DefaultTolerationSeconds admission plugin's two
// tolerations unless the pod already tolerates those taints, init container statuses and the
// five conditions with their times from the kubelet, and static pods as mirror pods.

import { describe, expect, it } from 'vitest';
import { defaultCluster, startedAt, type Obj } from './helpers.ts';

const pods = '/api/v1/namespaces/default/pods';

const pod = (name: string, spec: Obj) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName: 'kind-worker', ...spec } });
const nginx = [{ name: 'nginx', image: 'nginx:1.27' }];

const notReady = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const unreachable = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };

describe('default toleration seconds', () => {
  it.each([
    ['none', undefined, [notReady, unreachable]],
    ['every taint', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    ['every NoExecute taint', [{ operator: 'Exists', effect: 'NoExecute' }], [{ operator: 'Exists', effect: 'NoExecute' }]],
    ['not-ready forever', [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }], [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, unreachable]],
    ['a NoSchedule taint only', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }], [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, notReady, unreachable]],
  ])('a pod tolerating %s gets what it lacks', async (_, tolerations, expected) => {
    const c = await defaultCluster();
    const created = await c.send('POST', pods, pod('p', { containers: nginx, ...(tolerations ? { tolerations } : {}) }));
    expect(created.status).toBe(201);
    expect(created.body.spec.tolerations).toEqual(expected);
  });
});

describe('the kubelet starting a pod', () => {
  it('runs the init containers to completion, keeps sidecars running, and reports the conditions with times', async () => {
    const c = await defaultCluster();
    const spec = {
      initContainers: [
        { name: 'setup', image: 'busybox:1.36', command: ['true'] },
        { name: 'proxy', image: 'envoyproxy/envoy:v1.32.1', restartPolicy: 'Always' },
      ],
      containers: nginx,
    };
    expect((await c.send('POST', pods, pod('with-init', spec))).status).toBe(201);
    const read: Obj = await c.get(`${pods}/with-init`);
    const time = startedAt;
    expect(read.status.phase).toBe('Running');
    expect(read.status.conditions).toEqual(
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: time,
      })),
    );
    expect(Object.keys(read.status)).toEqual([
      'phase', 'conditions', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass',
    ]);
    const [setup, proxy] = read.status.initContainerStatuses as Obj[];
    expect(setup).toMatchObject({
      name: 'setup',
      ready: true,
      started: false,
      restartCount: 0,
      image: 'docker.io/library/busybox:1.36',
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: time, finishedAt: time, containerID: setup.containerID } },
    });
    expect(setup.imageID).toMatch(/^docker\.io\/library\/busybox@sha256:[0-9a-f]{64}$/);
    expect(proxy).toMatchObject({ name: 'proxy', ready: true, started: true, state: { running: { startedAt: time } } });
    expect(read.status.containerStatuses[0]).toMatchObject({ name: 'nginx', ready: true, started: true });

    const events: Obj = await c.get(`/api/v1/namespaces/default/events?fieldSelector=involvedObject.name=with-init`);
    const started = events.items.filter((e: Obj) => e.reason === 'Started').map((e: Obj) => e.involvedObject.fieldPath);
    expect(started).toEqual(['spec.initContainers{setup}', 'spec.initContainers{proxy}', 'spec.containers{nginx}']);
  });

  it('leaves initContainerStatuses out of a pod without init containers', async () => {
    const c = await defaultCluster();
    await c.send('POST', pods, pod('plain', { containers: nginx }));
    const read: Obj = await c.get(`${pods}/plain`);
    expect(read.status.initContainerStatuses).toBeUndefined();
    expect(read.status.containerStatuses).toHaveLength(1);
  });
});

describe('static pods', () => {
  it('are mirror pods: the manifest hash, the Node as controller, the NoExecute toleration and a started status', async () => {
    const c = await defaultCluster();
    const etcd: Obj = await c.get('/api/v1/namespaces/kube-system/pods/etcd-kind-control-plane');
    const node: Obj = await c.get('/api/v1/nodes/kind-control-plane');
    const annotations = etcd.metadata.annotations;
    expect(annotations['kubernetes.io/config.source']).toBe('file');
    expect(annotations['kubernetes.io/config.hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(annotations['kubernetes.io/config.mirror']).toBe(annotations['kubernetes.io/config.hash']);
    expect(Date.parse(annotations['kubernetes.io/config.seen'])).toBeLessThan(Date.parse(etcd.metadata.creationTimestamp));
    expect(etcd.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'kind-control-plane', uid: node.metadata.uid, controller: true }]);
    expect(etcd.spec.tolerations).toEqual([{ effect: 'NoExecute', operator: 'Exists' }]);
    expect(etcd.spec.serviceAccountName).toBeUndefined();
    expect(etcd.status.podIP).toBe('172.18.0.2');
    expect(etcd.status.startTime).toBe(etcd.metadata.creationTimestamp);
    expect(etcd.status.conditions.every((x: Obj) => x.lastTransitionTime === etcd.metadata.creationTimestamp)).toBe(true);
    expect(etcd.status.containerStatuses[0].state.running.startedAt).toBe(etcd.metadata.creationTimestamp);
    expect(etcd.status.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
  });
});
