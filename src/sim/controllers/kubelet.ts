// The kubelets of the cluster's nodes, reduced to a pod's start: a pod bound to a Ready node
// gets an IP from the node's podCIDR (host-local IPAM: the next free address after the last
// one handed out, from .2), its init containers run to completion, its containers run and are
// ready, and the pod turns Running with the conditions and container statuses a v1.32 kubelet
// reports. A static pod (read from a manifest file on the node) is started the same way and
// its API object becomes the kubelet's mirror pod.

import { rfc3339, rfc3339Nano } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import type { StoreEvent } from '../store.ts';
import { clone, type JsonObject, type KubeObject } from '../types.ts';
import { derivedHex, fnv32a } from '../core/naming.ts';
import { isNodeReady, nodeAddress } from '../core/nodes.ts';
import { arrayOf, orderKeys, specOf, statusOf, stringOf } from '../core/objects.ts';
import { isStaticPod, podQOSClass, podStatusOrder } from '../core/pods.ts';
import type { EventRecorder } from './events.ts';
import { KeyedController } from './keyed_controller.ts';
import { isGR, keyOf, nodesGR, podsGR } from './workqueue.ts';

/** How containerd names an image: registry and library/ filled in, :latest when untagged. */
export function normalizedImage(image: string): string {
  let ref = image;
  const firstSlash = ref.indexOf('/');
  const first = firstSlash < 0 ? '' : ref.slice(0, firstSlash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (!hasRegistry) ref = `docker.io/${firstSlash < 0 ? 'library/' : ''}${ref}`;
  const lastSlash = ref.lastIndexOf('/');
  if (!ref.includes('@') && ref.lastIndexOf(':') < lastSlash) ref += ':latest';
  return ref;
}

const repository = (normalized: string) => normalized.replace(/@.*$/, '').replace(/:[^/:]+$/, '');

function parseCIDR(cidr: string): { base: number; size: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  return { base, size: 2 ** (32 - Number(m[5])) };
}

const ipv4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 0xff).join('.');

/**
 * The mirror pod as the kubelet posts it (pkg/kubelet/pod/mirror_client.go): the manifest's hash
 * as config.hash and config.mirror, when the file was first seen, and the Node as its controller.
 */
function asMirrorPod(pod: KubeObject, node: KubeObject, at: number): KubeObject {
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return pod;
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const hash = derivedHex(`${key}/manifest`, 32);
  const seenMs = at - 1000 - (fnv32a(`${key}/seen`) % 9000);
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: {
        ...pod.metadata.annotations,
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': rfc3339Nano(seenMs, fnv32a(`${key}/nanos`) % 1_000_000),
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name ?? '', uid: node.metadata.uid ?? '', controller: true }],
    },
  };
}

const containerIDOf = (podUID: string, c: JsonObject) => `containerd://${derivedHex(`${podUID}/${stringOf(c.name)}`, 64)}`;

/** convertToAPIContainerStatuses for one container in the given state, with the prober's ready and started. */
function containerStatus(c: JsonObject, containerID: string, state: JsonObject, probed: { ready: boolean; started: boolean }): JsonObject {
  const image = normalizedImage(stringOf(c.image));
  const status: JsonObject = {
    name: c.name,
    state,
    lastState: {},
    ready: probed.ready,
    restartCount: 0,
    image,
    imageID: `${repository(image)}@sha256:${derivedHex(image, 64)}`,
    containerID,
    started: probed.started,
  };
  const mounts = arrayOf(c.volumeMounts);
  if (mounts.length > 0) {
    status.volumeMounts = mounts.map((m) => {
      const v: JsonObject = { name: m.name, mountPath: m.mountPath };
      if (m.readOnly === true) {
        v.readOnly = true;
        v.recursiveReadOnly = 'Disabled';
      }
      return v;
    });
  }
  return status;
}

export class Kubelet extends KeyedController {
  readonly name = 'kubelet';
  private lastAllocated = new Map<string, number>();
  constructor(ctx: ClusterContext, events: EventRecorder) {
    super(ctx, events, podsGR);
  }

  /** The kubelet's events for one container: the image (pulled or already there), created, started. */
  private recordContainerStart(pod: KubeObject, container: JsonObject, list: 'initContainers' | 'containers', node: string, at: number): void {
    const name = stringOf(container.name);
    const image = stringOf(container.image);
    const base = { component: 'kubelet', host: node, fieldPath: `spec.${list}{${name}}` };
    if (container.imagePullPolicy === 'Always') {
      const ms = 500 + (fnv32a(image) % 4500);
      const seconds = (ms / 1000).toFixed(3);
      const size = 20_000_000 + (fnv32a(`${image}/size`) % 60_000_000);
      this.events.record(pod, { ...base, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"` }, at);
      this.events.record(pod, { ...base, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in ${seconds}s (${seconds}s including waiting). Image size: ${size} bytes.` }, at);
    } else {
      this.events.record(pod, { ...base, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine` }, at);
    }
    this.events.record(pod, { ...base, type: 'Normal', reason: 'Created', message: `Created container: ${name}` }, at);
    this.events.record(pod, { ...base, type: 'Normal', reason: 'Started', message: `Started container ${name}` }, at);
  }

  private static waiting(pod: KubeObject): boolean {
    const status = statusOf(pod);
    return !!specOf(pod).nodeName && (!status.phase || status.phase === 'Pending') && arrayOf(status.containerStatuses).length === 0;
  }

  observe(e: StoreEvent): void {
    if (isGR(e, podsGR) && e.type !== 'DELETED' && Kubelet.waiting(e.object)) {
      if (e.type === 'ADDED') this.time.noteCreated(e.object);
      this.queue.add(keyOf(e.object));
    } else if (isGR(e, nodesGR) && e.type !== 'DELETED') {
      for (const p of this.ctx.store.list(podsGR)) if (specOf(p).nodeName === e.object.metadata.name && Kubelet.waiting(p)) this.queue.add(keyOf(p));
    }
  }

  protected handle(pod: KubeObject, at: number): void {
    if (Kubelet.waiting(pod)) this.start(pod, at);
  }


  /** The next free address of the node's pod CIDR after the last one handed out. */
  private allocateIP(node: KubeObject): string | undefined {
    const range = parseCIDR(stringOf(specOf(node).podCIDR));
    if (!range) return undefined;
    const nodeName = node.metadata.name ?? '';
    const used = new Set(this.ctx.store.list(podsGR).map((p) => stringOf(statusOf(p).podIP)));
    let offset = this.lastAllocated.get(nodeName) ?? 1;
    for (let tries = 0; tries < range.size - 3; tries++) {
      offset = offset + 1 >= range.size - 1 ? 2 : offset + 1;
      const ip = ipv4(range.base + offset);
      if (!used.has(ip)) {
        this.lastAllocated.set(nodeName, offset);
        return ip;
      }
    }
    return undefined;
  }

  private start(pod: KubeObject, at: number): void {
    const spec = specOf(pod);
    const node = this.ctx.store.get(nodesGR, undefined, stringOf(spec.nodeName));
    if (!node || !isNodeReady(node)) return;
    const hostIP = nodeAddress(node, 'InternalIP');
    const podIP = spec.hostNetwork === true ? hostIP : this.allocateIP(node);
    if (!podIP) return;
    const time = rfc3339(at);
    const scheduled = arrayOf(statusOf(pod).conditions).find((c) => c.type === 'PodScheduled');
    const condition = (type: string): JsonObject => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: time });
    const uid = pod.metadata.uid ?? '';
    const running = { running: { startedAt: time } };
    const initContainers = arrayOf(spec.initContainers);
    // Init containers ran to completion, one after the other (sidecars, restartPolicy Always, keep running).
    const initContainerStatuses = initContainers.map((c) => {
      const containerID = containerIDOf(uid, c);
      if (c.restartPolicy === 'Always') return containerStatus(c, containerID, running, { ready: true, started: true });
      const terminated = { exitCode: 0, reason: 'Completed', startedAt: time, finishedAt: time, containerID };
      return containerStatus(c, containerID, { terminated }, { ready: true, started: false });
    });
    const containerStatuses = arrayOf(spec.containers).map((c) => containerStatus(c, containerIDOf(uid, c), running, { ready: true, started: true }));
    const next = clone(isStaticPod(pod) ? asMirrorPod(pod, node, at) : pod);
    next.status = orderKeys(
      {
        ...statusOf(pod),
        phase: 'Running',
        conditions: [
          condition('PodReadyToStartContainers'),
          condition('Initialized'),
          condition('Ready'),
          condition('ContainersReady'),
          scheduled ?? condition('PodScheduled'),
        ],
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP,
        podIPs: [{ ip: podIP }],
        startTime: time,
        initContainerStatuses: initContainerStatuses.length > 0 ? initContainerStatuses : undefined,
        containerStatuses,
        qosClass: statusOf(pod).qosClass ?? podQOSClass(spec),
      },
      podStatusOrder,
    );
    this.ctx.store.update(podsGR, next);
    if (!isStaticPod(pod)) {
      const nodeName = node.metadata.name ?? '';
      for (const c of initContainers) this.recordContainerStart(pod, c, 'initContainers', nodeName, at);
      for (const c of arrayOf(spec.containers)) this.recordContainerStart(pod, c, 'containers', nodeName, at);
    }
  }
}
