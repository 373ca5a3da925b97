// A scenario that starts from another: base, remove, patch and added objects, and the errors an
// author gets for a mistake in them.
import { describe, expect, it } from 'vitest';
import { parseScenario, resolveScenario } from '../../../src/sim/scenario.ts';
import { createCluster } from '../../../src/sim/cluster.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

const base = `
name: small
clusterAge: 10d
objects:
  - object: { apiVersion: v1, kind: Namespace, metadata: { name: demo } }
  - age: 2d
    object: { apiVersion: v1, kind: Service, metadata: { name: api, namespace: demo }, spec: { ports: [{ port: 443 }] } }
  - object: { apiVersion: v1, kind: ConfigMap, metadata: { name: settings, namespace: demo }, data: { mode: fast, level: "3" } }
`;
const files: Record<string, string> = { small: base };
const load = (name: string) => {
  const text = files[name];
  if (text === undefined) throw new Error(`unknown scenario "${name}"`);
  return text;
};

describe('scenarios that start from another', () => {
  it('keep the base objects, their ages and the cluster age', async () => {
    const derived = await resolveScenario('name: copy\nbase: small\n', load);
    const original = parseScenario(base);
    expect(derived.name).toBe('copy');
    expect(derived.clusterAgeMs).toBe(original.clusterAgeMs);
    expect(derived.objects).toEqual(original.objects);
  });

  it('remove, merge-patch, replace and add objects', async () => {
    const derived = await resolveScenario(
      `name: changed
base: small
remove:
  - { kind: Service, namespace: demo, name: api }
patch:
  - { kind: ConfigMap, namespace: demo, name: settings, patch: { data: { mode: slow, level: null } } }
objects:
  - object: { apiVersion: v1, kind: Namespace, metadata: { name: demo, labels: { team: a } } }
  - age: 1h
    object: { apiVersion: v1, kind: Namespace, metadata: { name: extra } }
`,
      load,
    );
    expect(derived.objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`)).toEqual(['Namespace/demo', 'ConfigMap/settings', 'Namespace/extra']);
    expect(derived.objects[0].object.metadata.labels).toEqual({ team: 'a' });
    expect((derived.objects[1].object as { data?: unknown }).data).toEqual({ mode: 'slow' });
    expect(derived.objects[2].ageMs).toBe(3_600_000);
  });

  it('name what is wrong: a missing object, a loop, no loader, a standalone parse', async () => {
    await expect(resolveScenario('name: x\nbase: small\nremove: [{ kind: Service, namespace: demo, name: nope }]\n', load)).rejects.toThrow(
      'scenario x: remove: small has no Service demo/nope',
    );
    await expect(resolveScenario('name: x\nbase: small\npatch: [{ kind: ConfigMap, namespace: demo, name: settings }]\n', load)).rejects.toThrow(
      'scenario x: patch[0] needs a "patch" mapping',
    );
    files.loop = 'name: loop\nbase: loop2\n';
    files.loop2 = 'name: loop2\nbase: loop\n';
    await expect(resolveScenario(files.loop, load)).rejects.toThrow('its base chain loops (loop → loop2 → loop)');
    await expect(resolveScenario('name: x\nbase: nowhere\n', load)).rejects.toThrow('unknown scenario "nowhere"');
    expect(() => parseScenario('name: x\nbase: small\n')).toThrow('load it with resolveScenario');
    await expect(createCluster({ scenario: 'name: x\nbase: small\n' })).rejects.toThrow('no scenario loader was given');
  });

  it('the lesson scenarios built on default serve the same cluster, changed only where they say', async () => {
    const fromDefault = await createCluster({ scenario: readScenario('default') });
    const derived = await createCluster({ scenario: readScenario('metrics-server-down'), scenarios: readScenario });
    const nodes = async (c: typeof fromDefault) => (await (await c.fetch(new Request('http://c.test/api/v1/nodes'))).json()) as { items: { metadata: { name: string } }[] };
    expect((await nodes(derived)).items.map((n) => n.metadata.name)).toEqual((await nodes(fromDefault)).items.map((n) => n.metadata.name));
    const deployment = (await (await derived.fetch(new Request('http://c.test/apis/apps/v1/namespaces/kube-system/deployments/metrics-server'))).json()) as { spec: { replicas: number } };
    expect(deployment.spec.replicas).toBe(0);
  });
});
