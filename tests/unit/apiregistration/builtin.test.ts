import { describe, expect, it } from 'vitest';
import { builtinAPIServices, automanagedLabel } from '../../../src/sim/apiregistration/builtin.ts';
import { validateAPIService } from '../../../src/sim/apiregistration/validation.ts';
import { kubectlOutput } from './fixtures.ts';

describe('built-in Local APIServices', () => {
  const builtins = builtinAPIServices();

  it('are the Local rows of the recorded `kubectl get apiservice`', () => {
    const localRows = kubectlOutput('get-apiservice.stdout.txt')
      .split('\n')
      .slice(1)
      .filter((l) => /\sLocal\s/.test(l))
      .map((l) => l.split(/\s+/)[0]);
    expect(builtins.map((o) => o.metadata.name).sort()).toEqual(localRows.sort());
  });

  it('cover every group/version of `kubectl api-versions` except apiregistration and add-ons', () => {
    const versions = kubectlOutput('api-versions.stdout.txt')
      .trim()
      .split('\n')
      .filter((gv) => !gv.startsWith('apiregistration.k8s.io/') && !gv.startsWith('metrics.k8s.io/'));
    const served = builtins.map((o) => {
      const spec = o.spec as { group: string; version: string };
      return spec.group ? `${spec.group}/${spec.version}` : spec.version;
    });
    expect(served.sort()).toEqual(versions.sort());
  });

  it('are valid, labelled onstart, and have no v1.apiregistration.k8s.io', () => {
    for (const obj of builtins) {
      expect(validateAPIService(obj)).toEqual([]);
      expect(obj.metadata.labels).toEqual({ [automanagedLabel]: 'onstart' });
      expect((obj.spec as object)).not.toHaveProperty('service');
    }
    expect(builtins.find((o) => o.metadata.name === 'v1.apiregistration.k8s.io')).toBeUndefined();
  });

  it('give the core group 18000/1 and autoscaling v2 precedence over v1', () => {
    const spec = (name: string) => builtins.find((o) => o.metadata.name === name)!.spec as Record<string, number>;
    expect([spec('v1.').groupPriorityMinimum, spec('v1.').versionPriority]).toEqual([18000, 1]);
    expect(spec('v2.autoscaling').versionPriority).toBeGreaterThan(spec('v1.autoscaling').versionPriority);
  });
});
