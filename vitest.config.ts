import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The CLI tests spawn bin/plek-sync.mjs, which runs the build in dist/cli: build it from these sources first.
    globalSetup: ['test/support/build-cli-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
