import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/unit/**/*.test.ts'],
            environment: 'node',
            setupFiles: ['fake-indexeddb/auto'],
            // A limit against hangs, not a speed check: the database and crypto tests over large ledgers take
            // seconds on a loaded two-core machine.
            testTimeout: 30_000,
            // Component tests mount Vant components, whose modules import their CSS.
            server: { deps: { inline: ['vant'] } },
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.e2e.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/global-setup.ts'],
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            // The sync service against a real PostgreSQL cluster (started by the global setup) and the embedded PGlite.
            name: 'server',
            include: ['tests/server/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['tests/server/support/global-setup.ts'],
            fileParallelism: false,
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            // npm run bench:sync only (never part of npm test): measurements, no assertions.
            name: 'bench-sync',
            include: ['tests/bench/sync/*.bench-sync.ts'],
            environment: 'node',
            globalSetup: ['tests/bench/sync/global-setup.ts'],
            fileParallelism: false,
            testTimeout: 1_800_000,
            hookTimeout: 600_000,
          },
        },
      ],
    },
  }),
)
