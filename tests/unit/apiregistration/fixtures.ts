// Loading the fidelity vectors the apiregistration tests check against.

import { readFileSync } from 'node:fs';

const fidelityDir = '/work/shared/fidelity';

export function fidelityJson<T = any>(name: string): T {
  return JSON.parse(readFileSync(`${fidelityDir}/${name}`, 'utf8')) as T;
}

export function kubectlOutput(name: string): string {
  return readFileSync(`${fidelityDir}/kubectl-outputs/${name}`, 'utf8');
}

/** The body kubectl sent in a recorded run, for the first request with that method. */
export function recordedBody(runId: string, method: string): unknown {
  const requests = fidelityJson('kubectl-requests.json');
  const run = requests.results.find((r: { id: string }) => r.id === runId);
  return run.requests.find((r: { method: string }) => r.method === method).body;
}
