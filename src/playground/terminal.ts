// The terminal: xterm.js showing the shell from src/kubectl/shell, with our kubectl (given by its
// owner and loaded apart, see kubectl_side.ts) as its `kubectl` command. Prompt `$ `; fits its
// container; copy (Ctrl+C with a selection, Ctrl+Shift+C, Cmd+C) and paste (Ctrl+V, Ctrl+Shift+V,
// Cmd+V); colours follow the site's light/dark theme (`data-theme` on <html>); history kept in
// localStorage; screen-reader mode, so the screen's text is in the accessibility tree.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import { Shell } from '../kubectl/shell/shell.ts';
import { ShellSession } from '../kubectl/shell/session.ts';
import { ShellCompleter, type KubectlCompletionSource } from '../kubectl/shell/completion.ts';
import type { CommandResult, CommandRunner, HistoryStorage } from '../kubectl/shell/types.ts';
import { injectStyle } from './styles.ts';
import { setItem, storage } from '../lib/storage.ts';
import { whenIdle } from './idle.ts';
import { MINIMUM_TEXT_CONTRAST, siteTheme, TERMINAL_THEMES } from './terminal_theme.ts';

const HISTORY_KEY = 'apiservice-lab:history';

const localHistory: HistoryStorage = {
  load: () => {
    const parsed: unknown = JSON.parse(storage()?.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
  },
  // A refused save keeps history for this page only.
  save: (lines) => void setItem(HISTORY_KEY, JSON.stringify(lines)),
};

export interface TerminalOptions {
  /**
   * Runs one kubectl invocation (argv after `kubectl`) for a command the learner typed. The
   * terminal needs none of kubectl or the cluster to show itself and echo keys: they load
   * meanwhile, and a command entered before they are ready waits for them.
   */
  kubectl: (args: string[], stdin: string) => Promise<CommandResult>;
  /** What only the cluster knows, for Tab completion. */
  completion: KubectlCompletionSource;
  files: { readFile(name: string): string | undefined; names(): string[] };
  label: string;
  /** The id of the text that explains the keys (Tab completes; Escape then Tab leaves). */
  hintId?: string;
  /** Each line once the shell has run it (typed, pasted or sent with type()), with its exit code. */
  onCommand?: (line: string, code: number) => void;
}

/** The shell, telling the page about each line it has run. */
class ObservedShell extends Shell {
  private readonly onLine: ((line: string, code: number) => void) | undefined;

  constructor(options: ConstructorParameters<typeof Shell>[0] & { onLine?: (line: string, code: number) => void }) {
    super(options);
    this.onLine = options.onLine;
  }

  override async run(line: string): ReturnType<Shell['run']> {
    const result = await super.run(line);
    if (line.trim() !== '') this.onLine?.(line, result.code);
    return result;
  }
}

export interface MountedTerminal {
  term: Terminal;
  /** Types `line` at the prompt (replacing what was being typed) and runs it; resolves with its exit code. */
  type(line: string): Promise<number>;
  /** Keys as if typed at the prompt (a line ends with `\r`); resolves once handled. */
  input(data: string): Promise<void>;
  /** The whole buffer as text, scrollback included (trailing blanks trimmed). */
  text(): string;
  dispose(): void;
}

export function mountTerminal(el: HTMLElement, options: TerminalOptions): MountedTerminal {
  injectStyle('xterm', xtermCss);
  const term = new Terminal({
    // Turned on once the first prompt is painted: see below.
    screenReaderMode: false,
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: TERMINAL_THEMES[siteTheme()],
    // Colours from outside the palette (256-colour and RGB escapes) are lightened or darkened to stay readable.
    minimumContrastRatio: MINIMUM_TEXT_CONTRAST,
    allowProposedApi: false,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.loadAddon(new WebLinksAddon());
  term.open(el);
  term.textarea?.setAttribute('aria-label', options.label);
  if (options.hintId) term.textarea?.setAttribute('aria-describedby', options.hintId);
  try {
    fit.fit();
  } catch {
    // not laid out yet; the ResizeObserver fits it once it is
  }

  const kubectl: CommandRunner = (argv, stdin) => options.kubectl(argv.slice(1), stdin);
  const shell = new ObservedShell({ commands: { kubectl }, historyStorage: localHistory, files: options.files, onLine: options.onCommand });
  const completer = new ShellCompleter({
    commandNames: () => shell.commandNames(),
    kubectl: options.completion,
    fileNames: () => options.files.names(),
  });
  // xterm parses writes asynchronously: `written` settles once the screen shows the last write.
  let written = Promise.resolve();
  const write = (data: string) => {
    written = new Promise<void>((resolve) => term.write(data, resolve));
  };
  const session = new ShellSession({ shell, completer, columns: term.cols, prompt: '$ ', write });

  const disposables = [
    term.onData((data) => void session.input(data)),
    term.onResize(({ cols }) => session.resize(cols)),
  ];

  // Tab completes, so it cannot also leave the terminal: Escape then Tab does (as in code editors).
  let leaving = false;
  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown') return true;
    if (event.key === 'Escape') {
      leaving = true;
      return false;
    }
    if (leaving && event.key === 'Tab') return false; // the browser moves the focus
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) leaving = false;
    const key = event.key.toLowerCase();
    const mod = event.ctrlKey || event.metaKey;
    if (mod && key === 'c' && (event.shiftKey || event.metaKey || term.hasSelection())) {
      if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
      return false;
    }
    // Let the browser's paste event reach xterm, which sends the text as input.
    if (mod && key === 'v') return false;
    return true;
  });

  const resize = new ResizeObserver(() => {
    try {
      fit.fit();
    } catch {
      // hidden: keep the last size
    }
  });
  resize.observe(el);

  const themeWatch = new MutationObserver(() => (term.options.theme = TERMINAL_THEMES[siteTheme()]));
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  session.begin();
  // xterm's screen-reader rows measure their width one by one, a forced layout each, on every
  // render. Built while the page is idle, after the prompt shows, they keep that work out of the
  // way of the first keys; the textarea (with its label) is there from the start.
  let disposed = false;
  void written.then(() => whenIdle(() => disposed || (term.options.screenReaderMode = true), 1000, 50));

  return {
    term,
    async type(line) {
      // End of line, erase to its start, then the command and Enter, as if typed.
      await session.input(`\x05\x15${line.replace(/[\r\n]+/g, ' ')}\r`);
      await written;
      return shell.lastExitCode;
    },
    input: (data) => session.input(data),
    text() {
      const buffer = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < buffer.length; i++) {
        const line = buffer.getLine(i);
        if (!line) continue;
        const text = line.translateToString(false);
        if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
        else lines.push(text);
      }
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.trimEnd();
      while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      return lines.join('\n');
    },
    dispose() {
      disposed = true;
      for (const d of disposables) d.dispose();
      resize.disconnect();
      themeWatch.disconnect();
      term.dispose();
    },
  };
}
