/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />
/** The app's version, package.json's `version` (vite.config.ts `define`). */
declare const __APP_VERSION__: string

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
