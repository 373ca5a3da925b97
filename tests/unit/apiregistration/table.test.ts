import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import { apiServiceGR } from '../../../src/sim/apiregistration/helpers.ts';
import { builtinAPIServices } from '../../../src/sim/apiregistration/builtin.ts';
import { createAPIServiceType } from '../../../src/sim/apiregistration/index.ts';
import { apiServiceTable, availableCell, serviceCell } from '../../../src/sim/apiregistration/table.ts';
import type { KubeObject } from '../../../src/sim/types.ts';
import { fidelityJson, kubectlOutput } from './fixtures.ts';

const availability = fidelityJson('availability.json');

const metricsService = { namespace: 'kube-system', name: 'metrics-server', port: 443 };

/** An APIService with one condition (or none); `service` null makes it Local. */
function withCondition(condition: Record<string, unknown> | undefined, service: object | null = metricsService): KubeObject {
  return {
    kind: 'APIService',
    apiVersion: 'apiregistration.k8s.io/v1',
    metadata: { name: 'v1beta1.metrics.k8s.io' },
    spec: { ...(service ? { service } : {}), group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100 },
    status: condition ? { conditions: [condition] } : {},
  };
}

describe('AVAILABLE and SERVICE cells', () => {
  for (const c of availability.cases) {
    it(`${c.id} -> ${c.availableColumn}`, () => {
      const condition = c.status === null ? undefined : { type: 'Available', status: c.status, reason: c.reason, message: c.message ?? c.example };
      const obj = withCondition(condition, c.serviceColumn === 'Local' ? null : metricsService);
      expect(availableCell(obj)).toBe(c.availableColumn);
      expect(serviceCell(obj)).toBe(c.serviceColumn ?? 'kube-system/metrics-server');
    });
  }

  it('prints only the status when a non-True condition has no reason', () => {
    expect(availableCell(withCondition({ type: 'Available', status: 'False' }))).toBe('False');
  });

  it('ignores conditions of other types', () => {
    expect(availableCell(withCondition({ type: 'Degraded', status: 'True' }))).toBe('Unknown');
  });
});

describe('the Table columns (etcd.go ConvertToTable)', () => {
  it('has Name, Service, Available, Age, all priority 0', () => {
    expect(apiServiceTable.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Service', 'string', '', 0],
      ['Available', 'string', '', 0],
      ['Age', 'string', '', 0],
    ]);
    expect(apiServiceTable.columns[1].description).toBe('The reference to the service that hosts this API endpoint.');
    expect(apiServiceTable.columns[2].description).toBe('Whether this service is available.');
  });

  it('reproduces the recorded `kubectl get apiservice` rows', () => {
    // The recording: control plane 5d3h old, metrics-server 2d4h old and passing.
    const now = Date.parse('2026-11-26T16:00:00Z');
    const clusterStart = now - (5 * 24 + 3) * 3600_000;
    const metricsStart = now - (2 * 24 + 4) * 3600_000;
    const clock = new ManualClock(clusterStart);
    const store = new ObjectStore(clock);
    const type = createAPIServiceType(clock);
    for (const obj of builtinAPIServices()) {
      type.defaults!(obj);
      type.prepareForCreate!(obj);
      store.create(apiServiceGR, obj);
    }
    clock.advance(metricsStart - clusterStart);
    const metrics = withCondition(undefined);
    type.prepareForCreate!(metrics);
    const stored = store.create(apiServiceGR, metrics);
    store.update(apiServiceGR, { ...stored, status: { conditions: [{ type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed' }] } });

    const rows = store.list(apiServiceGR).map((o) => apiServiceTable.cells(o, { now, lookup: store }).join(' '));
    const recorded = kubectlOutput('get-apiservice.stdout.txt').trimEnd().split('\n').slice(1).map((l) => l.trim().split(/\s+/).join(' '));
    expect(rows).toEqual(recorded);
  });
});
