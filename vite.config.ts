import { readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import type { ComponentResolver } from 'unplugin-vue-components'
import { VitePWA } from 'vite-plugin-pwa'
import { pwaOptions } from './scripts/pwa-options.ts'
import { stripRemoteFonts } from './scripts/strip-remote-fonts.ts'
import { firstScreenChunk } from './scripts/first-screen-chunk.ts'
import { compileHints } from './scripts/compile-hints.ts'

const firstScreen = firstScreenChunk()
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

/**
 * Vant's resolver imports every component from the `vant/es` barrel; importing each from its own folder
 * (`vant/es/button`, the same module files) lets firstScreenChunk follow only the components the first
 * screen uses.
 */
function vantByFolder(): ComponentResolver {
  const vant = VantResolver()
  return {
    type: 'component',
    resolve(name) {
      const r = vant.resolve(name)
      if (!r || typeof r !== 'object' || typeof r.sideEffects !== 'string') return r
      return { ...r, from: r.sideEffects.replace(/\/style\/index$/, '') }
    },
  }
}

export default defineConfig({
  base: './',
  // 我的 → 关于 shows the version package.json states.
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    stripRemoteFonts(),
    firstScreen.plugin,
    compileHints(['src/components/activity/QuickLogSheet.vue', 'src/composables/useQuickLog.ts', 'src/stores/activity-edits.ts']),
    // Every component uses <script setup> or setup(): the Options API code is left out of the bundle.
    vue({ features: { optionsAPI: false } }),
    Components({ resolvers: [vantByFolder()], dts: false }),
    VitePWA(pwaOptions),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'index', test: firstScreen.isFirstScreen }] } },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
})
