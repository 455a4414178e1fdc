// The desktop window's security decisions (desktop/security.ts), tested
// without Electron: its binary cannot be downloaded everywhere, so index.ts
// only wires these functions to Electron's events.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_PAGE,
  APP_SCHEME_PRIVILEGES,
  appFileFor,
  appHeaders,
  devResponseHeaders,
  isOurPage,
  mayNavigate,
  mayUsePermission,
} from '../../src-main/desktop/security'
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/csp'

const built = {}
const dev = { devServerUrl: 'http://localhost:5173' }

describe('our page', () => {
  it('is exactly ssascope://app/index.html, deep links included', () => {
    expect(APP_PAGE).toBe('ssascope://app/index.html')
    for (const url of [APP_PAGE, `${APP_PAGE}?example=heapagg&func=half`, `${APP_PAGE}#x`, 'ssascope://app/./index.html']) {
      expect(isOurPage(url, built), url).toBe(true)
    }
  })

  it('is not any file whose path ends like ours, nor another host, path, or scheme', () => {
    for (const url of [
      'file:///tmp/evil/out/renderer/index.html',
      'file:///home/u/ssascope/out/renderer/index.html',
      'ssascope://evil/index.html',
      'ssascope://app/other.html',
      'ssascope://app/index.html/..%2f..%2fx',
      'ssascope://user:pw@app/index.html',
      'http://app/index.html',
      'https://example.com/out/renderer/index.html',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isOurPage(url, built), url).toBe(false)
    }
  })

  it('in development is the dev server page on its exact origin', () => {
    expect(isOurPage('http://localhost:5173/?example=heapagg', dev)).toBe(true)
    expect(isOurPage('http://localhost:5173/index.html', dev)).toBe(true)
    for (const url of ['http://localhost:5173.evil.example/', 'http://localhost:51730/', 'http://localhost:5173@evil.example/', 'https://localhost:5173/', 'http://localhost:5173/other.html', APP_PAGE]) {
      expect(isOurPage(url, dev), url).toBe(false)
    }
  })

  it('is where the window may navigate, redirect or send a frame; nowhere else', () => {
    expect(mayNavigate(`${APP_PAGE}?example=mergelocals`, built)).toBe(true)
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,hi', 'ssascope://app/assets/x.js']) expect(mayNavigate(url, built), url).toBe(false)
  })
})

describe('permissions', () => {
  it('are all denied: the app needs none', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      expect(mayUsePermission(p), p).toBe(false)
    }
  })
})

describe('our protocol', () => {
  const dir = '/opt/ssascope/out/renderer'

  it('maps its URLs to files of the renderer folder', () => {
    expect(appFileFor(APP_PAGE, dir)).toBe(join(dir, 'index.html'))
    expect(appFileFor('ssascope://app/', dir)).toBe(join(dir, 'index.html'))
    expect(appFileFor('ssascope://app/assets/index-abc.js?v=1', dir)).toBe(join(dir, 'assets/index-abc.js'))
    expect(appFileFor('ssascope://app/assets/a%20b.css', dir)).toBe(join(dir, 'assets/a b.css'))
  })

  it('never leaves the folder, and serves no other host', () => {
    for (const url of [
      'ssascope://app/../../../etc/passwd',
      'ssascope://app/%2e%2e/%2e%2e/etc/passwd',
      'ssascope://app/assets/..%2f..%2f..%2fetc%2fpasswd',
      'ssascope://app/..%5c..%5cetc',
      'ssascope://app/%00index.html',
      'ssascope://app/%E0%A4%A',
      'ssascope://other/index.html',
      'file:///opt/ssascope/out/renderer/index.html',
    ]) {
      const file = appFileFor(url, dir)
      expect(file === null || file.startsWith(dir + '/'), `${url} -> ${file}`).toBe(true)
      expect(file === null || !file.includes('..'), `${url} -> ${file}`).toBe(true)
    }
    expect(appFileFor('ssascope://other/index.html', dir)).toBeNull()
    expect(appFileFor('ssascope://app/%E0%A4%A', dir)).toBeNull()
  })

  it('answers with the CSP as a header (frame-ancestors included) and the other security headers', () => {
    const h = appHeaders(join(dir, 'index.html'))
    expect(h['content-type']).toBe('text/html; charset=utf-8')
    expect(h['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(h['x-content-type-options']).toBe('nosniff')
    expect(h['referrer-policy']).toBe('no-referrer')
    expect(h['cross-origin-opener-policy']).toBe('same-origin')
    expect(appHeaders(join(dir, 'assets/x.js'))['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('is registered as a secure standard scheme that loads ES modules', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, corsEnabled: true })
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
  })
})

describe('the dev server in development', () => {
  it('gets our CSP as a header, replacing its own, with its hot-reload socket allowed', () => {
    const h = devResponseHeaders('http://localhost:5173/', { 'Content-Type': ['text/html'], 'content-security-policy': ["default-src *"], 'X-Content-Type-Options': ['x'] }, dev)!
    expect(h['Content-Type']).toEqual(['text/html'])
    expect(h['content-security-policy']).toEqual([expect.stringContaining("frame-ancestors 'none'")])
    expect(h['content-security-policy']![0]).toContain("connect-src 'self' ws://localhost:5173")
    expect(h['content-security-policy']![0]).toContain("script-src 'self'")
    expect(Object.keys(h).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1)
    expect(Object.keys(h).filter((k) => k.toLowerCase() === 'x-content-type-options')).toHaveLength(1)
    expect(h['referrer-policy']).toEqual(['no-referrer'])
  })

  it('leaves other responses alone, and everything when not in development', () => {
    const other = { 'content-type': ['text/plain'] }
    expect(devResponseHeaders('https://example.com/', other, dev)).toBe(other)
    expect(devResponseHeaders('http://localhost:5173/', other, built)).toBe(other)
  })
})
