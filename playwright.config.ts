import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/lib/chromium.ts';

// Browser tests run on the built site (`astro build`, then `astro preview`), in the Chromium of
// scripts/lib/chromium.ts.
const port = Number(process.env.E2E_PORT ?? 4329);
// A site built for a sub-folder (SITE_BASE=/course/, see astro.config.mjs) is served there.
const base = (process.env.SITE_BASE ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `${process.env.E2E_SKIP_BUILD ? '' : 'npx astro build && '}npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
  },
});
