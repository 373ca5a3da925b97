import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Property tests run thousands of cases: give them room on a busy 2-core machine.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        // Conformance runs the real kubectl against the simulator over HTTP: slower, one file at a time.
        test: { name: 'conformance', include: ['tests/conformance/**/*.test.ts'], testTimeout: 60_000, fileParallelism: false },
      },
    ],
  },
});
