/**
 * The app's Content-Security-Policy, the same as the <meta> tag of index.html (tests/unit/server checks they
 * agree), sent as a header so that it also covers the service worker; frame-ancestors only works as a header.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

export const HEADER_CSP = `${APP_CSP}; frame-ancestors 'none'`
