// Stands in for Monaco's code action controller, which the marker hover imports only to open its
// "Quick Fix..." menu. The editor registers no code action contribution, so the real module's
// `get` finds nothing there either; without it the action list and light bulb widgets (about
// 85 KB minified) stay out of the main-thread bundle.
export class CodeActionController {
  static readonly ID = 'editor.contrib.codeActionController';
  static get(): null {
    return null;
  }
}
