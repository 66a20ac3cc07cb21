import type { VitePWAOptions } from 'vite-plugin-pwa'

/** Service worker and manifest: prompt-style updates, full precache so every route works offline. */
export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['icon.svg', 'favicon.ico', 'apple-touch-icon-180x180.png'],
  manifest: {
    name: '学法台账',
    short_name: '学法台账',
    description: '机关单位学法用法台账：学习记录、考试、学时达标与年度报告数据，离线可用。',
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f7f8fa',
    theme_color: '#1a56db',
    icons: [
      { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,woff2}', 'pwa-*.png', 'maskable-*.png'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  },
}
