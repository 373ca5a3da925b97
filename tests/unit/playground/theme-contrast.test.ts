// The terminal's and the editor's colours against their backgrounds, by WCAG 2.2's contrast
// formula: every colour text can take must reach 4.5:1, in the light and the dark theme.
import { describe, expect, it } from 'vitest';
import { MINIMUM_TEXT_CONTRAST, TERMINAL_THEMES } from '../../../src/playground/terminal_theme.ts';
import { EDITOR_THEMES } from '../../../src/playground/editor/themes.ts';
import { contrastRatio } from '../../contrast.ts';

const contrast = contrastRatio;

describe('contrast formula', () => {
  it('gives the extremes and a known pair', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBeCloseTo(1, 5);
    // Monaco's vs-dark comment colour on its background, as axe reports it.
    expect(contrast('#608b4e', '#1e1e1e')).toBeCloseTo(4.2, 1);
    expect(contrast('rgb(96, 139, 78)', 'rgba(30, 30, 30, 1)')).toBeCloseTo(4.2, 1);
    expect(() => contrast('rgba(0, 0, 0, 0.5)', '#ffffff')).toThrow(/opaque/);
  });
});

const ansi = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;
const textColours = ['foreground', ...ansi, ...ansi.map((c) => `bright${c[0]!.toUpperCase()}${c.slice(1)}`)] as const;

describe.each(['light', 'dark'] as const)('the terminal in the %s theme', (theme) => {
  const palette = TERMINAL_THEMES[theme] as Record<string, string>;
  const background = palette.background!;

  it.each(textColours)('%s text is readable on the background', (name) => {
    expect(palette[name], name).toBeDefined();
    expect(contrast(palette[name]!, background)).toBeGreaterThanOrEqual(MINIMUM_TEXT_CONTRAST);
  });

  it('shows the cursor at 3:1 or more (a user interface component)', () => {
    expect(contrast(palette.cursor!, background)).toBeGreaterThanOrEqual(3);
  });
});

describe.each(['light', 'dark'] as const)('the editor in the %s theme', (theme) => {
  const data = EDITOR_THEMES[theme];
  const background = data.colors['editor.background']!;

  it('matches the terminal beside it and does not inherit paler token rules', () => {
    expect(background).toBe(TERMINAL_THEMES[theme].background);
    expect(data.inherit).toBe(false);
    expect(data.base).toBe(theme === 'light' ? 'vs' : 'vs-dark');
  });

  it.each(EDITOR_THEMES[theme].rules.filter((r) => r.foreground).map((r) => [r.token || '(default)', r.foreground!]))('token %s (#%s) is readable', (_token, foreground) => {
    expect(contrast(`#${foreground}`, background)).toBeGreaterThanOrEqual(MINIMUM_TEXT_CONTRAST);
  });

  it.each(['editor.foreground', 'editorLineNumber.foreground', 'editorLineNumber.activeForeground'])('%s is readable', (key) => {
    expect(contrast(data.colors[key]!, background)).toBeGreaterThanOrEqual(MINIMUM_TEXT_CONTRAST);
  });
});
