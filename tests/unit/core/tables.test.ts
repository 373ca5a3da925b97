// Columns as pkg/printers/internalversion/printers.go (v1.32) declares them, and cells as its
// print functions fill them (the server prints with Wide set, so every column has a cell).

import { describe, expect, it } from 'vitest';
import { coreBehaviours } from '../../../src/sim/core/index.ts';
import { formatEndpoints } from '../../../src/sim/core/endpoints.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { deployment, kindCluster, service } from './harness.ts';

const columns = (key: string) => coreBehaviours[key].table!.columns.map((c) => [c.name, c.type, c.priority]);

describe('column definitions', () => {
  it.each([
    ['/v1/namespaces', [['Name', 'string', 0], ['Status', 'string', 0], ['Age', 'string', 0]]],
    [
      '/v1/nodes',
      [
        ['Name', 'string', 0], ['Status', 'string', 0], ['Roles', 'string', 0], ['Age', 'string', 0], ['Version', 'string', 0],
        ['Internal-IP', 'string', 1], ['External-IP', 'string', 1], ['OS-Image', 'string', 1], ['Kernel-Version', 'string', 1],
        ['Container-Runtime', 'string', 1],
      ],
    ],
    [
      '/v1/pods',
      [
        ['Name', 'string', 0], ['Ready', 'string', 0], ['Status', 'string', 0], ['Restarts', 'string', 0], ['Age', 'string', 0],
        ['IP', 'string', 1], ['Node', 'string', 1], ['Nominated Node', 'string', 1], ['Readiness Gates', 'string', 1],
      ],
    ],
    [
      '/v1/services',
      [
        ['Name', 'string', 0], ['Type', 'string', 0], ['Cluster-IP', 'string', 0], ['External-IP', 'string', 0],
        ['Port(s)', 'string', 0], ['Age', 'string', 0], ['Selector', 'string', 1],
      ],
    ],
    ['/v1/endpoints', [['Name', 'string', 0], ['Endpoints', 'string', 0], ['Age', 'string', 0]]],
    [
      '/v1/events',
      [
        ['Last Seen', 'string', 0], ['Type', 'string', 0], ['Reason', 'string', 0], ['Object', 'string', 0],
        ['Subobject', 'string', 1], ['Source', 'string', 1], ['Message', 'string', 0], ['First Seen', 'string', 1],
        ['Count', 'string', 1], ['Name', 'string', 1],
      ],
    ],
    [
      'discovery.k8s.io/v1/endpointslices',
      [['Name', 'string', 0], ['AddressType', 'string', 0], ['Ports', 'string', 0], ['Endpoints', 'string', 0], ['Age', 'string', 0]],
    ],
    [
      'apps/v1/deployments',
      [
        ['Name', 'string', 0], ['Ready', 'string', 0], ['Up-to-date', 'string', 0], ['Available', 'string', 0], ['Age', 'string', 0],
        ['Containers', 'string', 1], ['Images', 'string', 1], ['Selector', 'string', 1],
      ],
    ],
    [
      'apps/v1/replicasets',
      [
        ['Name', 'string', 0], ['Desired', 'integer', 0], ['Current', 'integer', 0], ['Ready', 'integer', 0], ['Age', 'string', 0],
        ['Containers', 'string', 1], ['Images', 'string', 1], ['Selector', 'string', 1],
      ],
    ],
  ])('%s', (key, expected) => {
    expect(columns(key)).toEqual(expected);
    const def = coreBehaviours[key].table!;
    for (const c of def.columns) expect(c.description.length).toBeGreaterThan(10);
    expect(def.columns.filter((c) => c.format === 'name').map((c) => c.name)).toEqual(['Name']);
  });
});

describe('cells', () => {
  it('prints a settled Deployment, its ReplicaSet, Pods, Service, Endpoints and EndpointSlice', async () => {
    const c = await kindCluster();
    await c.create('deployments', deployment('web', 2));
    await c.create('services', service('web', { app: 'web' }));
    c.clock.advance(3 * 60_000 + 12_000);
    const rs = c.list('replicasets', 'default')[0];
    const pods = c.list('pods', 'default');
    const svc = c.get('services', 'default', 'web')!;
    const ips = pods.map((p) => (p.status as any).podIP as string).sort();

    expect(c.cells('deployments', c.get('deployments', 'default', 'web')!)).toEqual(['web', '2/2', 2, 2, '3m12s', 'nginx', 'nginx:1.27', 'app=web']);
    expect(c.cells('replicasets', rs)).toEqual([
      rs.metadata.name, 2, 2, 2, '3m12s', 'nginx', 'nginx:1.27', `app=web,pod-template-hash=${rs.metadata.labels!['pod-template-hash']}`,
    ]);
    for (const p of pods) {
      expect(c.cells('pods', p)).toEqual([p.metadata.name, '1/1', 'Running', '0', '3m12s', (p.status as any).podIP, (p.spec as any).nodeName, '<none>', '<none>']);
    }
    expect(c.cells('services', svc)).toEqual(['web', 'ClusterIP', (svc.spec as any).clusterIP, '<none>', '80/TCP', '3m12s', 'app=web']);
    expect(c.cells('endpoints', c.get('endpoints', 'default', 'web')!)).toEqual(['web', ips.map((ip) => `${ip}:80`).join(','), '3m12s']);
    const slice = c.list('endpointslices', 'default')[0];
    expect(c.cells('endpointslices', slice)).toEqual([slice.metadata.name, 'IPv4', '80', ips.join(','), '3m12s']);
    const nodes = c.list('nodes').map((n) => c.cells('nodes', n).slice(0, 5));
    expect(nodes).toEqual([
      ['kind-control-plane', 'Ready', 'control-plane', '3m12s', 'v1.32.5'],
      ['kind-worker', 'Ready', '<none>', '3m12s', 'v1.32.5'],
      ['kind-worker2', 'Ready', '<none>', '3m12s', 'v1.32.5'],
    ]);
    expect(c.cells('namespaces', c.get('namespaces', undefined, 'default')!)).toEqual(['default', 'Active', '3m12s']);
    const scaled = c.list('events', 'default').find((e) => e.reason === 'ScalingReplicaSet')!;
    expect(c.cells('events', scaled)).toEqual([
      '3m12s', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller',
      `Scaled up replica set ${rs.metadata.name} from 0 to 2`, '3m12s', 1, scaled.metadata.name,
    ]);
  });

  it('prints NotReady nodes, node ports, LoadBalancers without an address, and <none>s', async () => {
    const c = await kindCluster();
    const nodeObj = c.get('nodes', undefined, 'kind-worker')!;
    const notReady = JSON.parse(JSON.stringify(nodeObj));
    notReady.status.conditions[0].status = 'Unknown';
    notReady.spec.unschedulable = true;
    expect(c.cells('nodes', notReady).slice(1, 3)).toEqual(['NotReady,SchedulingDisabled', '<none>']);
    const lb = await c.create('services', {
      ...service('lb', { app: 'lb' }),
      spec: { type: 'LoadBalancer', selector: { app: 'lb' }, ports: [{ port: 443, nodePort: 30443 }] },
    });
    expect(c.cells('services', lb).slice(1, 5)).toEqual(['LoadBalancer', (lb.spec as any).clusterIP, '<pending>', '443:30443/TCP']);
    const ext = await c.create('services', { ...service('ext', undefined), spec: { type: 'ExternalName', externalName: 'example.com' } });
    expect(c.cells('services', ext).slice(1, 5)).toEqual(['ExternalName', '<none>', 'example.com', '<none>']);
  });

  it('formats endpoints as formatEndpoints does: three, then + N more...', () => {
    const ep: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'x' },
      subsets: [{ addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip) => ({ ip })), ports: [{ port: 80 }, { port: 443 }] }],
    };
    expect(formatEndpoints(ep)).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 5 more...');
    expect(formatEndpoints({ ...ep, subsets: undefined })).toBe('<none>');
  });

  it('prints a pod whose container is waiting, with restarts and the time since the last one', async () => {
    const c = await kindCluster();
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'crash', namespace: 'default', creationTimestamp: '2026-11-26T16:00:00Z' },
      spec: { nodeName: 'kind-worker', containers: [{ name: 'app', image: 'app:1' }] },
      status: {
        phase: 'Running',
        podIPs: [{ ip: '10.244.1.9' }],
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, finishedAt: '2026-11-26T16:39:00Z' } },
          },
        ],
      },
    };
    expect(c.cells('pods', pod).slice(0, 6)).toEqual(['crash', '0/1', 'CrashLoopBackOff', '4 (60s ago)', '40m', '10.244.1.9']);
  });
});
