// The light terminal (Playground.astro's CSS) looks as xterm will once it takes over: the same
// foreground and background as terminal_theme.ts in both site themes, and xterm's font and size
// (terminal.ts), so the swap changes nothing a learner sees but the cursor.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TERMINAL_THEMES } from '../../../src/playground/terminal_theme.ts';

const astro = readFileSync(new URL('../../../src/playground/Playground.astro', import.meta.url), 'utf8');
const terminal = readFileSync(new URL('../../../src/playground/terminal.ts', import.meta.url), 'utf8');

/** The declarations of the rule with exactly this selector. */
function rule(selector: string): Record<string, string> {
  const at = astro.indexOf(`\n  ${selector} {`);
  if (at < 0) throw new Error(`no rule ${selector}`);
  const body = astro.slice(astro.indexOf('{', at) + 1, astro.indexOf('}', at));
  return Object.fromEntries(
    body
      .split(';')
      .map((d) => d.replace(/\/\*[\s\S]*?\*\//g, '').trim())
      .filter((d) => d.includes(':'))
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  );
}

describe('the light terminal', () => {
  it('has the terminal theme’s colours in both site themes', () => {
    expect(rule('.pg-light').color).toBe(TERMINAL_THEMES.dark.foreground);
    expect(rule(":root[data-theme='light'] .pg-light").color).toBe(TERMINAL_THEMES.light.foreground);
    expect(rule('.pg-terminal').background).toBe(TERMINAL_THEMES.dark.background);
    expect(rule(":root[data-theme='light'] .pg-terminal").background).toBe(TERMINAL_THEMES.light.background);
  });

  it('has xterm’s font and size', () => {
    const font = /fontFamily: '([^']+)'/.exec(terminal)?.[1];
    const size = /fontSize: (\d+)/.exec(terminal)?.[1];
    expect(rule('.pg-light')['font-family']?.replace(/'/g, '"')).toBe(font);
    expect(rule('.pg-light')['font-size']).toBe(`${size}px`);
  });
});
