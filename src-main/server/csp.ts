/**
 * The renderer's Content-Security-Policy, for browser mode and Electron alike.
 * Styles allow 'unsafe-inline' because CodeMirror and Cytoscape set element
 * styles at run time; scripts never run inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
