import { describe, expect, it } from 'vitest';
import { computeHash, safeAlphabet } from '../../../src/sim/core/naming.ts';
import { applyScale, toScale } from '../../../src/sim/core/scale.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { deployment, kindCluster, service, type TestCluster } from './harness.ts';

const suffix5 = `[${safeAlphabet}]{5}`;
const spec = (o: KubeObject) => o.spec as Record<string, any>;
const status = (o: KubeObject) => o.status as Record<string, any>;

async function webCluster(replicas = 3): Promise<TestCluster> {
  const c = await kindCluster();
  await c.create('deployments', deployment('web', replicas));
  await c.create('services', service('web', { app: 'web' }));
  return c;
}

async function scale(c: TestCluster, name: string, replicas: number): Promise<void> {
  const d = c.get('deployments', 'default', name)!;
  await c.update('deployments', applyScale(d, { ...toScale(d), spec: { replicas } }));
}

describe('deployment controller', () => {
  it('creates <deployment>-<pod-template-hash> with the real labels, selector, owner and annotations', async () => {
    const c = await webCluster();
    const d = c.get('deployments', 'default', 'web')!;
    const [rs, ...others] = c.list('replicasets', 'default');
    expect(others).toHaveLength(0);
    const hash = computeHash(spec(d).template);
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(spec(rs).selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(spec(rs).template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4', // 3 + 25% rounded up
      'deployment.kubernetes.io/revision': '1',
    });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('reports status and the Available / Progressing conditions as the real controller words them', async () => {
    const c = await webCluster();
    const d = c.get('deployments', 'default', 'web')!;
    const rsName = c.list('replicasets', 'default')[0].metadata.name;
    const s = status(d);
    expect(Object.keys(s)).toEqual(['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'conditions']);
    expect(s).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(s.conditions.map((x: any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`],
    ]);
    expect(Object.keys(s.conditions[0])).toEqual(['type', 'status', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message']);
  });

  it('rolls a template change out to a new ReplicaSet with the next revision', async () => {
    const c = await webCluster(2);
    const first = c.list('replicasets', 'default')[0];
    await c.update('deployments', { ...c.get('deployments', 'default', 'web')!, spec: { ...spec(deployment('web', 2, 'nginx:1.28')) } });
    const rss = c.list('replicasets', 'default');
    expect(rss).toHaveLength(2);
    const second = rss.find((r) => r.metadata.name !== first.metadata.name)!;
    expect(second.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(spec(c.get('replicasets', 'default', first.metadata.name!)!).replicas).toBe(0);
    expect(spec(second).replicas).toBe(2);
    expect(c.get('deployments', 'default', 'web')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const images = c.list('pods', 'default').map((p) => spec(p).containers[0].image);
    expect(images).toEqual(['nginx:1.28', 'nginx:1.28']);
  });

  it('records ScalingReplicaSet events', async () => {
    const c = await webCluster(3);
    const rsName = c.list('replicasets', 'default')[0].metadata.name;
    const messages = c.list('events', 'default').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(messages).toEqual([`Scaled up replica set ${rsName} from 0 to 3`]);
  });
});

describe('replicaset controller, scheduler and kubelet', () => {
  it('records the events describe shows for a new pod: Scheduled, Pulled, Created, Started', async () => {
    const c = await webCluster(1);
    const [pod] = c.list('pods', 'default');
    const events = c
      .list('events', 'default')
      .filter((e) => (e.involvedObject as any).uid === pod.metadata.uid)
      .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    expect(events.map((e) => [e.reason, e.message, (e.involvedObject as any).fieldPath ?? ''])).toEqual([
      ['Scheduled', `Successfully assigned default/${pod.metadata.name} to ${spec(pod).nodeName}`, ''],
      ['Pulled', 'Container image "nginx:1.27" already present on machine', 'spec.containers{nginx}'],
      ['Created', 'Created container: nginx', 'spec.containers{nginx}'],
      ['Started', 'Started container nginx', 'spec.containers{nginx}'],
    ]);
    expect(events[0]).toMatchObject({ reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-kind-control-plane', action: 'Binding' });
    expect(events[1]).toMatchObject({ source: { component: 'kubelet', host: spec(pod).nodeName }, count: 1 });
    expect(c.cells('events', events[0]).slice(0, 6)).toEqual(['0s', 'Normal', 'Scheduled', `pod/${pod.metadata.name}`, '', 'default-scheduler, default-scheduler-kind-control-plane']);
  });

  it('creates <replicaset>-<5 chars> pods, spread round-robin over the schedulable nodes, Running and Ready', async () => {
    const c = await webCluster(3);
    const rs = c.list('replicasets', 'default')[0];
    const pods = c.list('pods', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs.metadata.name}-${suffix5}$`));
      expect(p.metadata.labels).toEqual(rs.metadata.labels);
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true });
      expect(status(p).phase).toBe('Running');
      expect(status(p).conditions.map((x: any) => `${x.type}=${x.status}`)).toEqual([
        'PodReadyToStartContainers=True',
        'Initialized=True',
        'Ready=True',
        'ContainersReady=True',
        'PodScheduled=True',
      ]);
      expect(status(p).containerStatuses[0]).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27' });
    }
    const nodes = pods.map((p) => spec(p).nodeName).sort();
    expect(nodes).toEqual(['kind-worker', 'kind-worker', 'kind-worker2']); // never the tainted control plane
    // IPs come from each node's podCIDR (assigned by node IPAM in creation order), from .2 up.
    const byNode = (n: string) => pods.filter((p) => spec(p).nodeName === n).map((p) => status(p).podIP).sort();
    expect(byNode('kind-worker')).toEqual(['10.244.1.2', '10.244.1.3']);
    expect(byNode('kind-worker2')).toEqual(['10.244.2.2']);
    expect(status(rs)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('scales to 0 and back up with new pod names', async () => {
    const c = await webCluster(3);
    const before = c.list('pods', 'default').map((p) => p.metadata.name);
    await scale(c, 'web', 0);
    expect(c.list('pods', 'default')).toHaveLength(0);
    const rs = c.list('replicasets', 'default')[0];
    expect(status(rs)).toEqual({ replicas: 0, observedGeneration: 2 });
    const d = c.get('deployments', 'default', 'web')!;
    expect(d.metadata.generation).toBe(2);
    expect(status(d).observedGeneration).toBe(2);
    expect(status(d).replicas).toBeUndefined();
    expect(status(d).conditions.find((x: any) => x.type === 'Available').status).toBe('True');
    expect(c.get('endpoints', 'default', 'web')!.subsets).toBeUndefined();
    const [slice] = c.list('endpointslices', 'default');
    expect(slice.endpoints).toBeNull();

    await scale(c, 'web', 2);
    const after = c.list('pods', 'default').map((p) => p.metadata.name);
    expect(after).toHaveLength(2);
    for (const name of after) expect(before).not.toContain(name);
    expect(status(c.get('deployments', 'default', 'web')!)).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    expect((c.get('endpoints', 'default', 'web')!.subsets as any[])[0].addresses).toHaveLength(2);
  });

  it('scales down from the node crowded with siblings first', async () => {
    const c = await webCluster(3);
    await scale(c, 'web', 2);
    const nodes = c.list('pods', 'default').map((p) => spec(p).nodeName).sort();
    expect(nodes).toEqual(['kind-worker', 'kind-worker2']);
  });

  it('leaves pods Pending with the scheduler\'s message when no node fits', async () => {
    const c = await kindCluster();
    for (const n of ['kind-worker', 'kind-worker2']) await c.delete('nodes', undefined, n);
    await c.create('deployments', deployment('web', 1));
    const [pod] = c.list('pods', 'default');
    expect(status(pod).phase).toBe('Pending');
    expect(status(pod).conditions[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message:
        '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    });
    expect(c.cells('pods', pod).slice(1, 3)).toEqual(['0/1', 'Pending']);
  });

  it('is deterministic: the same steps give the same names and addresses', async () => {
    const snapshot = (c: TestCluster) =>
      [...c.list('replicasets'), ...c.list('pods'), ...c.list('endpointslices'), ...c.list('services')].map((o) => [
        o.metadata.name,
        (o.status as any)?.podIP,
        (o.spec as any)?.clusterIP,
      ]);
    const a = await webCluster(3);
    const b = await webCluster(3);
    expect(snapshot(a)).toEqual(snapshot(b));
  });
});

describe('endpoints and endpointslice controllers', () => {
  it('publishes ready pods with the service port name and the resolved named targetPort', async () => {
    const c = await webCluster(2);
    const pods = c.list('pods', 'default');
    const ep = c.get('endpoints', 'default', 'web')!;
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const [subset] = ep.subsets as any[];
    expect(subset.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(subset.notReadyAddresses).toBeUndefined();
    const ips = pods.map((p) => status(p).podIP).sort();
    expect(subset.addresses.map((a: any) => a.ip).sort()).toEqual(ips);
    const first = subset.addresses[0];
    const pod = pods.find((p) => status(p).podIP === first.ip)!;
    expect(first).toEqual({
      ip: first.ip,
      nodeName: spec(pod).nodeName,
      targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid },
    });

    const [slice, ...rest] = c.list('endpointslices', 'default');
    expect(rest).toHaveLength(0);
    expect(slice.metadata.name).toMatch(new RegExp(`^web-${suffix5}$`));
    expect(slice.metadata.labels).toEqual({
      app: 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    });
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'Service', name: 'web', controller: true });
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 80 }]);
    expect((slice.endpoints as any[]).map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: true, serving: true, terminating: false },
    ]);
  });

  it('lists pods that are not ready under notReadyAddresses', async () => {
    const c = await webCluster(1);
    const pod = c.list('pods', 'default')[0];
    const next = JSON.parse(JSON.stringify(pod));
    next.status.conditions.find((x: any) => x.type === 'Ready').status = 'False';
    c.store.update({ group: '', resource: 'pods' }, next);
    await c.ctx.controllers.settle();
    const [subset] = c.get('endpoints', 'default', 'web')!.subsets as any[];
    expect(subset.addresses).toBeUndefined();
    expect(subset.notReadyAddresses.map((a: any) => a.ip)).toEqual([status(pod).podIP]);
    expect((c.list('endpointslices', 'default')[0].endpoints as any[])[0].conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it('leaves Services without a selector alone', async () => {
    const c = await kindCluster();
    await c.create('services', service('external', undefined, 8080));
    expect(c.get('endpoints', 'default', 'external')).toBeUndefined();
    expect(c.list('endpointslices', 'default')).toHaveLength(0);
  });

  it('removes Endpoints and EndpointSlices with their Service, and ReplicaSets and Pods with their Deployment', async () => {
    const c = await webCluster(2);
    await c.delete('services', 'default', 'web');
    expect(c.get('endpoints', 'default', 'web')).toBeUndefined();
    expect(c.list('endpointslices', 'default')).toHaveLength(0);
    await c.delete('deployments', 'default', 'web');
    expect(c.list('replicasets', 'default')).toHaveLength(0);
    expect(c.list('pods', 'default')).toHaveLength(0);
  });
});

describe('service ClusterIPs', () => {
  it('gives kubernetes 10.96.0.1, others distinct addresses inside 10.96.0.0/12 above the static band', async () => {
    const c = await kindCluster();
    const k = await c.create('services', { ...service('kubernetes', undefined, 6443), metadata: { name: 'kubernetes', namespace: 'default' } });
    expect(spec(k).clusterIP).toBe('10.96.0.1');
    expect(spec(k).clusterIPs).toEqual(['10.96.0.1']);
    const ips = new Set<string>();
    for (const name of ['a', 'b', 'c', 'd']) {
      const s = await c.create('services', service(name, { app: name }));
      const ip = spec(s).clusterIP as string;
      const [o1, o2, o3] = ip.split('.').map(Number);
      expect(o1).toBe(10);
      expect(o2).toBeGreaterThanOrEqual(96);
      expect(o2).toBeLessThanOrEqual(111);
      expect(o2 > 96 || o3 > 0).toBe(true);
      ips.add(ip);
    }
    expect(ips.size).toBe(4);
  });

  it('keeps a ClusterIP the manifest asks for', async () => {
    const c = await kindCluster();
    const s = await c.create('services', { ...service('dns', { app: 'dns' }), spec: { ...spec(service('dns', { app: 'dns' })), clusterIP: '10.96.0.10' } });
    expect(spec(s).clusterIPs).toEqual(['10.96.0.10']);
  });
});
