import { defineConfig } from 'vitest/config';

/**
 * For test runs started by a test (test/setup/pg-bin.test.ts): the PostgreSQL set-up without the build
 * step, so the inner run never rewrites dist/ while the outer run's tests are spawning the built bot.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/postgres.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
