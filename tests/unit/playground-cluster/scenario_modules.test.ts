// The scenarios as the page gets them: each file's document, parsed at build time by the plugin in
// src/playground/vite-config.mjs, resolves (bases and all) to exactly the scenario its YAML does.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { playgroundViteConfig } from '../../../src/playground/vite-config.mjs';
import { resolveScenario, type ScenarioSource } from '../../../src/sim/scenario.ts';

const dir = new URL('../../../content/scenarios/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length));
const text = (name: string) => readFileSync(new URL(`${name}.yaml`, dir), 'utf8');

const plugin = playgroundViteConfig().plugins!.flat().find((p) => p && typeof p === 'object' && 'name' in p && p.name === 'apiservice-lab:scenario') as {
  load(id: string): Promise<string | undefined>;
};

/** What the page imports: the module's default export. */
async function moduleOf(name: string): Promise<ScenarioSource> {
  const code = await plugin.load(`${new URL(`${name}.yaml`, dir).pathname}?scenario`);
  const literal = /^export default JSON\.parse\((.*)\);$/.exec(code ?? '')?.[1];
  if (!literal) throw new Error(`unexpected module for ${name}: ${code?.slice(0, 80)}`);
  return JSON.parse(JSON.parse(literal) as string) as ScenarioSource;
}

describe('prebuilt scenario modules', () => {
  test('leaves other imports alone', async () => {
    expect(await plugin.load(new URL('default.yaml', dir).pathname)).toBeUndefined();
  });

  test.each(names)('%s resolves as its YAML does', async (name) => {
    const fromJson = await resolveScenario(await moduleOf(name), moduleOf);
    const fromYaml = await resolveScenario(text(name), text);
    expect(fromJson).toEqual(fromYaml);
    expect(fromJson.objects.length).toBeGreaterThan(0);
  });
});
