import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'api',
          include: ['apps/api/**/*.test.ts', 'packages/contracts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // One migrated database per run that each test environment copies (seconds saved per environment).
          globalSetup: ['apps/api/test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // Names the run's demo-seeded snapshot that the journeys copy (e2e/support/seeded.ts).
          globalSetup: ['e2e/support/global-setup.ts'],
          // The journeys run beside the API tests on two cores: a step may take seconds, not the default one.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
