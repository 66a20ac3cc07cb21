// Builds the service (server/src/main.ts with the domain code it imports) into dist-server/main.js for Node 20;
// packages stay in node_modules.
import { defineConfig } from 'vite'
import { fileURLToPath, URL } from 'node:url'

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'server/src/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: { output: { entryFileNames: 'main.js' } },
  },
  ssr: { target: 'node', noExternal: [] },
})
