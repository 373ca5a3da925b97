// The terminal's colours in the site's light and dark themes. Every colour a program can print
// (the 16 ANSI colours and the default foreground) keeps at least 4.5:1 against the background,
// as WCAG asks of text; xterm's minimumContrastRatio covers colours outside this palette.
import type { ITheme } from '@xterm/xterm';

export type SiteTheme = 'light' | 'dark';

/** WCAG 2.2 AA contrast for normal-size text. */
export const MINIMUM_TEXT_CONTRAST = 4.5;

export const TERMINAL_THEMES: Record<SiteTheme, ITheme> = {
  light: {
    background: '#ffffff', foreground: '#1f2328', cursor: '#1f2328', cursorAccent: '#ffffff',
    selectionBackground: '#b6d6fd', black: '#1f2328', red: '#b3261e', green: '#116329', yellow: '#7a4d00',
    blue: '#0550ae', magenta: '#6639ba', cyan: '#116a70', white: '#59636e', brightBlack: '#57606a',
    brightRed: '#a40e26', brightGreen: '#1a7f37', brightYellow: '#633c01', brightBlue: '#0969da',
    brightMagenta: '#8250df', brightCyan: '#1b7c83', brightWhite: '#6e7781',
  },
  dark: {
    background: '#0d1117', foreground: '#e6edf3', cursor: '#e6edf3', cursorAccent: '#0d1117',
    selectionBackground: '#264f78', black: '#7d8590', red: '#ff7b72', green: '#3fb950', yellow: '#d29922',
    blue: '#58a6ff', magenta: '#bc8cff', cyan: '#39c5cf', white: '#b1bac4', brightBlack: '#8b949e',
    brightRed: '#ffa198', brightGreen: '#56d364', brightYellow: '#e3b341', brightBlue: '#79c0ff',
    brightMagenta: '#d2a8ff', brightCyan: '#56d4dd', brightWhite: '#ffffff',
  },
};

/** The site's theme now: Starlight's `data-theme` on <html>, else the system's preference. */
export function siteTheme(doc: Document = document): SiteTheme {
  const set = doc.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}
