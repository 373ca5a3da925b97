// @ts-check
import { defineEcConfig } from '@astrojs/starlight/expressive-code';

// Code-frame UI labels ("Copy", "Terminal window") follow the page's language. Lessons live in
// content/docs/ (not src/content/docs/), so the language is read from the file's path here.
export default defineEcConfig({
  getBlockLocale: ({ file }) => (/[\\/]content[\\/]docs[\\/]en[\\/]/.test(file.path) ? 'en' : 'ko'),
});
