import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { VitePWA } from 'vite-plugin-pwa'
import { pwaOptions } from './scripts/pwa-options.ts'
import { stripRemoteFonts } from './scripts/strip-remote-fonts.ts'

export default defineConfig({
  base: './',
  plugins: [
    stripRemoteFonts(),
    vue(),
    Components({ resolvers: [VantResolver()], dts: false }),
    VitePWA(pwaOptions),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
})
