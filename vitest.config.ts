import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two workers on two cores for the service tests; the journeys (no file parallelism) still run one at a time, after
    // them and alone, as Vitest runs such a project last (ADR 0050).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'api',
          include: ['apps/api/**/*.test.ts', 'packages/contracts/**/*.test.ts'],
          environment: 'node',
          // Guards against a hang, not speed limits: with two workers on two cores the demo seed in a hook or the
          // migrations' round trip can take a minute.
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          // Files share a worker's modules instead of importing the app again each (ADR 0051): every file opens its own
          // database and app, and module-level state is per database handle or constant.
          isolate: false,
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
          // A journey's server and browser share two cores: a step may take seconds, not the default one.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
