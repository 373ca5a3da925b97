// kubectl 1.32's help texts, loaded when a help text is first asked for: they are large, and
// most sessions never print one.

let texts: Promise<Record<string, string>> | undefined;

/** All recorded help texts, keyed by command path (`top`, `top pod`, `config view`, `usage`). */
export function helpTexts(): Promise<Record<string, string>> {
  texts ??= import('./texts.ts').then((m) => m.helpTexts);
  return texts;
}

/** One command's help text, if it was recorded. */
export async function helpText(path: string): Promise<string | undefined> {
  const all = await helpTexts();
  return Object.hasOwn(all, path) ? all[path] : undefined;
}
