import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { BackendRegistry, type ClusterContext } from '../../../src/sim/context.ts';
import { ControllerManager } from '../../../src/sim/controller.ts';
import { registerExtensionServers } from '../../../src/sim/extensions/index.ts';
import { ResourceRegistry } from '../../../src/sim/resources.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import { proxied } from './fixtures.ts';

describe('registerExtensionServers', () => {
  it('puts metrics-server and the custom API server behind their Services', async () => {
    const clock = new ManualClock('2025-06-02T09:00:00Z');
    const ctx: ClusterContext = { store: new ObjectStore(clock), registry: new ResourceRegistry(), clock, controllers: new ControllerManager(), backends: new BackendRegistry() };
    registerExtensionServers(ctx);
    expect(ctx.backends.keys().sort()).toEqual(['default/custom-api-server:443', 'kube-system/metrics-server:443']);
    const metrics = await ctx.backends.lookup('kube-system', 'metrics-server', 443)!(proxied('/apis/metrics.k8s.io/v1beta1'));
    expect((await metrics.json()).groupVersion).toBe('metrics.k8s.io/v1beta1');
    const custom = await ctx.backends.lookup('default', 'custom-api-server', 443)!(proxied('/apis/custom.example.com/v1beta1'));
    expect((await custom.json()).groupVersion).toBe('custom.example.com/v1beta1');
  });
});
