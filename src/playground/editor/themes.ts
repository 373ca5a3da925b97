// The editor's colours in the site's light and dark themes: Monaco's vs and vs-dark with the
// terminal's background, and token colours (YAML keys, strings, numbers, comments...) that keep
// at least 4.5:1 against it (Monaco's own comment green on vs-dark, #608b4e, does not). The themes
// do not inherit vs's token rules, several of which (for other languages) are paler than that.
import type { editor } from 'monaco-editor/editor';
import { TERMINAL_THEMES, type SiteTheme } from '../terminal_theme.ts';

export const EDITOR_THEME_NAMES: Record<SiteTheme, string> = { light: 'apiservice-lab-light', dark: 'apiservice-lab-dark' };

/** The colours a theme is made of; each keeps 4.5:1 against the terminal's background. */
interface Palette {
  muted: string; // comments and line numbers
  type: string;
  string: string;
  invalid: string;
  number: string;
  keyword: string;
  tag: string;
}

const palettes: Record<SiteTheme, Palette> = {
  light: { muted: '#57606a', type: '#0550ae', string: '#0a3069', invalid: '#82071e', number: '#953800', keyword: '#a40e26', tag: '#6639ba' },
  dark: { muted: '#8b949e', type: '#7ee787', string: '#a5d6ff', invalid: '#ffa198', number: '#79c0ff', keyword: '#ff7b72', tag: '#d2a8ff' },
};

// Colours without '#', as Monaco's token rules take them.
const bare = (hex: string) => hex.replace('#', '');

function editorTheme(theme: SiteTheme): editor.IStandaloneThemeData {
  const background = TERMINAL_THEMES[theme].background!;
  const foreground = TERMINAL_THEMES[theme].foreground!;
  const p = palettes[theme];
  return {
    base: theme === 'light' ? 'vs' : 'vs-dark',
    inherit: false,
    rules: [
      { token: '', foreground: bare(foreground), background: bare(background) },
      { token: 'comment', foreground: bare(p.muted), fontStyle: 'italic' },
      { token: 'type', foreground: bare(p.type) },
      { token: 'string', foreground: bare(p.string) },
      { token: 'string.escape', foreground: bare(p.string), fontStyle: 'bold' },
      { token: 'string.invalid', foreground: bare(p.invalid) },
      { token: 'number', foreground: bare(p.number) },
      { token: 'keyword', foreground: bare(p.keyword) },
      { token: 'tag', foreground: bare(p.tag) },
      { token: 'meta', foreground: bare(p.tag) },
      { token: 'namespace', foreground: bare(p.tag) },
      { token: 'operators', foreground: bare(foreground) },
      { token: 'delimiter', foreground: bare(foreground) },
      { token: 'invalid', foreground: bare(p.invalid) },
    ],
    colors: {
      'editor.background': background,
      'editor.foreground': foreground,
      'editorLineNumber.foreground': p.muted,
      'editorLineNumber.activeForeground': foreground,
      'editorCursor.foreground': foreground,
    },
  };
}

export const EDITOR_THEMES: Record<SiteTheme, editor.IStandaloneThemeData> = { light: editorTheme('light'), dark: editorTheme('dark') };

/** Registers both themes with Monaco (once is enough; defining again replaces them). */
export function defineEditorThemes(monaco: { editor: { defineTheme(name: string, data: editor.IStandaloneThemeData): void } }): void {
  for (const theme of ['light', 'dark'] as const) monaco.editor.defineTheme(EDITOR_THEME_NAMES[theme], EDITOR_THEMES[theme]);
}
