// The editor's colours in the site's light and dark themes: Monaco's vs and vs-dark with the
// terminal's background, and token colours (YAML keys, strings, numbers, comments...) that keep
// at least 4.5:1 against it (Monaco's own comment green on vs-dark, #608b4e, does not). The themes
// do not inherit vs's token rules, several of which (for other languages) are paler than that.
import type { editor } from 'monaco-editor/editor';
import { TERMINAL_THEMES, type SiteTheme } from '../terminal_theme.ts';

export const EDITOR_THEME_NAMES: Record<SiteTheme, string> = { light: 'apiservice-lab-light', dark: 'apiservice-lab-dark' };

const light = { background: TERMINAL_THEMES.light.background!, foreground: TERMINAL_THEMES.light.foreground! };
const dark = { background: TERMINAL_THEMES.dark.background!, foreground: TERMINAL_THEMES.dark.foreground! };

// Colours without '#', as Monaco's token rules take them.
const bare = (hex: string) => hex.replace('#', '');

export const EDITOR_THEMES: Record<SiteTheme, editor.IStandaloneThemeData> = {
  light: {
    base: 'vs',
    inherit: false,
    rules: [
      { token: '', foreground: bare(light.foreground), background: bare(light.background) },
      { token: 'comment', foreground: '57606a', fontStyle: 'italic' },
      { token: 'type', foreground: '0550ae' },
      { token: 'string', foreground: '0a3069' },
      { token: 'string.escape', foreground: '0a3069', fontStyle: 'bold' },
      { token: 'string.invalid', foreground: '82071e' },
      { token: 'number', foreground: '953800' },
      { token: 'keyword', foreground: 'a40e26' },
      { token: 'tag', foreground: '6639ba' },
      { token: 'meta', foreground: '6639ba' },
      { token: 'namespace', foreground: '6639ba' },
      { token: 'operators', foreground: bare(light.foreground) },
      { token: 'delimiter', foreground: bare(light.foreground) },
      { token: 'invalid', foreground: '82071e' },
    ],
    colors: {
      'editor.background': light.background,
      'editor.foreground': light.foreground,
      'editorLineNumber.foreground': '#57606a',
      'editorLineNumber.activeForeground': light.foreground,
      'editorCursor.foreground': light.foreground,
    },
  },
  dark: {
    base: 'vs-dark',
    inherit: false,
    rules: [
      { token: '', foreground: bare(dark.foreground), background: bare(dark.background) },
      { token: 'comment', foreground: '8b949e', fontStyle: 'italic' },
      { token: 'type', foreground: '7ee787' },
      { token: 'string', foreground: 'a5d6ff' },
      { token: 'string.escape', foreground: 'a5d6ff', fontStyle: 'bold' },
      { token: 'string.invalid', foreground: 'ffa198' },
      { token: 'number', foreground: '79c0ff' },
      { token: 'keyword', foreground: 'ff7b72' },
      { token: 'tag', foreground: 'd2a8ff' },
      { token: 'meta', foreground: 'd2a8ff' },
      { token: 'namespace', foreground: 'd2a8ff' },
      { token: 'operators', foreground: bare(dark.foreground) },
      { token: 'delimiter', foreground: bare(dark.foreground) },
      { token: 'invalid', foreground: 'ffa198' },
    ],
    colors: {
      'editor.background': dark.background,
      'editor.foreground': dark.foreground,
      'editorLineNumber.foreground': '#8b949e',
      'editorLineNumber.activeForeground': dark.foreground,
      'editorCursor.foreground': dark.foreground,
    },
  },
};

/** Registers both themes with Monaco (once is enough; defining again replaces them). */
export function defineEditorThemes(monaco: { editor: { defineTheme(name: string, data: editor.IStandaloneThemeData): void } }): void {
  for (const theme of ['light', 'dark'] as const) monaco.editor.defineTheme(EDITOR_THEME_NAMES[theme], EDITOR_THEMES[theme]);
}
