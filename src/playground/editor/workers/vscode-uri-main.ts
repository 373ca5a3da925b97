// On the main thread, monaco-languageserver-types only calls URI.parse, which Monaco's own Uri
// (the same code) provides: this spares a second copy of the URI class next to the editor.
import { Uri } from 'monaco-editor/editor';

export { Uri as URI };
