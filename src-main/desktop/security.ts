// The desktop window's security decisions, free of Electron so they can be
// tested in Node (index.ts and ipc.ts wire them to Electron's events):
// which page is ours, where the window may navigate, which permissions a
// page gets, and how our files are served with their headers.
//
// The renderer is served from a privileged scheme of our own
// (ssascope://app/…) rather than file://: responses then carry real headers,
// so the CSP arrives as a header and frame-ancestors applies, and "our page"
// is one exact URL instead of any file path that ends the same way.

import { extname, join, normalize, sep } from 'node:path'
import { contentSecurityPolicy } from '../server/csp'
import { MIME, SECURITY_HEADERS } from '../server/headers'

export const APP_SCHEME = 'ssascope'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The page the window loads (deep links add a query). */
export const APP_PAGE = `${APP_ORIGIN}/index.html`

/** How the scheme is registered before the app is ready: a secure, standard origin that can load ES modules. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const

export interface PageTrust {
  /** In development, Vite's dev server serves the renderer instead. */
  devServerUrl?: string | undefined
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * Whether `url` is our renderer page: exactly ssascope://app/index.html (any
 * query or fragment), or in development the dev server's page on its exact
 * origin. Nothing else, however its path ends.
 */
export function isOurPage(url: string, trust: PageTrust): boolean {
  const u = parse(url)
  if (!u || u.username || u.password) return false
  if (trust.devServerUrl) {
    const dev = parse(trust.devServerUrl)
    return !!dev && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin && (u.pathname === '/' || u.pathname === '/index.html')
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html'
}

/** will-navigate, will-redirect and will-frame-navigate: only to our own page (a deep link is a navigation). */
export function mayNavigate(url: string, trust: PageTrust): boolean {
  return isOurPage(url, trust)
}

/** Permission requests and checks (camera, notifications, clipboard, …): the app needs none, so every one is denied. */
export function mayUsePermission(_permission: string): boolean {
  return false
}

/**
 * The file under `rendererDir` that an ssascope://app/… request names, or
 * null: another host, a path that leaves the folder (also percent-encoded),
 * a malformed escape. `/` is the page.
 */
export function appFileFor(url: string, rendererDir: string): string | null {
  const u = parse(url)
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const rel = normalize(path).replace(/^\/+/, '')
  if (rel === '..' || rel.startsWith(`..${sep}`)) return null
  const file = join(rendererDir, rel === '' ? 'index.html' : rel)
  return file.startsWith(rendererDir + sep) ? file : null
}

/** The headers our protocol answers a file with: its type and the security headers (the CSP with frame-ancestors). */
export function appHeaders(file: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }
}

export type ResponseHeaders = Record<string, string | string[]>

/**
 * onHeadersReceived in development: responses from the dev server get the
 * security headers (its hot-reload socket allowed), replacing any CSP it
 * sent; other responses are left alone. Header names compare case-insensitively.
 */
export function devResponseHeaders(url: string, headers: ResponseHeaders | undefined, trust: PageTrust): ResponseHeaders | undefined {
  const u = parse(url)
  const dev = trust.devServerUrl ? parse(trust.devServerUrl) : null
  if (!u || !dev || u.origin !== dev.origin) return headers
  const ours: Record<string, string> = { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy([`${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`]) }
  const out: ResponseHeaders = {}
  for (const [k, v] of Object.entries(headers ?? {})) if (!Object.hasOwn(ours, k.toLowerCase())) out[k] = v
  for (const [k, v] of Object.entries(ours)) out[k] = [v]
  return out
}
