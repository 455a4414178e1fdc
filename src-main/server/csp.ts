/**
 * The renderer's Content-Security-Policy, for browser mode and Electron alike.
 * Styles allow 'unsafe-inline' because CodeMirror and Cytoscape set element
 * styles at run time; scripts never run inline.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/**
 * The policy, allowing connections to `connect` too: the desktop app in
 * development loads the renderer from Vite's dev server, whose hot reload
 * talks over a WebSocket.
 */
export function contentSecurityPolicy(connect: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The same policy for a <meta> element, which cannot carry frame-ancestors (browsers ignore it there and say so on the console). */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ')
