// Scenario files live in content/scenarios/<name>.yaml.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const scenariosDir = fileURLToPath(new URL('../../content/scenarios/', import.meta.url));

export function scenarioNames(): string[] {
  return readdirSync(scenariosDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

export function readScenario(name: string): string {
  if (!scenarioNames().includes(name)) {
    throw new Error(`unknown scenario "${name}": choose one of ${scenarioNames().join(', ')}`);
  }
  return readFileSync(`${scenariosDir}${name}.yaml`, 'utf8');
}
