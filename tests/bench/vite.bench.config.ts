// The bench harness page: built from tests/bench into dist-bench/bench/, same origin as the app build in
// dist-bench/, so it can fill the app's own IndexedDB. It imports the app's real src/db and src/domain code.
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: { '@': fileURLToPath(new URL('../../src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../dist-bench/bench', import.meta.url)),
    emptyOutDir: true,
    // One file: the harness is not shipped and need not be split.
    chunkSizeWarningLimit: 5000,
  },
})
