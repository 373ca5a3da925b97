import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        // Conformance runs the real kubectl against the simulator over HTTP: slower, one file at a time.
        test: { name: 'conformance', include: ['tests/conformance/**/*.test.ts'], testTimeout: 60_000, fileParallelism: false },
      },
    ],
  },
});
