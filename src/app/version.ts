/** The app version shown under 我的 → 关于 (keep in step with package.json). */
export const APP_VERSION = '0.1.0'
