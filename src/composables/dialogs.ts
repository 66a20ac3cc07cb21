/**
 * Vant's toast and confirm dialog for code on 首页's first download: imported with import() when a
 * message is shown, so the first screen does not carry them (docs/PERFORMANCE.md, initial JS).
 */
export { showConfirmDialog, showToast } from 'vant'
