import { defineConfig } from 'vitest/config';

// Unit tests only: the Playwright suites under tests/e2e and tests/electron have their own runners.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globals: false,
    testTimeout: 15_000,
  },
});
