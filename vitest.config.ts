import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI is spawned as a process in some tests; give slow CI machines room.
    testTimeout: 30_000,
  },
});
