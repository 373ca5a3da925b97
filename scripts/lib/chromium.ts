// The Chromium the browser tests (playwright.config.ts) and the benchmarks run: Debian's when it is
// installed (Playwright cannot download its own browsers here), else Playwright's; CHROMIUM_PATH
// names another. The same switches everywhere, so tests and figures see the same browser.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The Chromium to launch, or undefined for Playwright's own. */
export const chromiumPath: string | undefined = existsSync(path) ? path : undefined;

/** Headless on a server: no sandbox (containers), no GPU, no background traffic or first-run work. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
