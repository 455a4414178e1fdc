// Browser mode under load and under attack: a huge file being analysed in
// one tab does not hold up another (the server's worker pool), and every
// answer, refusals included, carries the security headers with the right status.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { hugeGlobalsProgram } from '../../src-main/bench/programs'
import { MAX_SOURCE_BYTES } from '../../src-main/protocol/api'
import { snap } from '../helpers'

const functionNames = (page: Page) => page.getByTestId('function-list').locator('li .name')

test('a huge file being analysed in one tab does not hold up another tab', async ({ context }) => {
  test.setTimeout(600_000)
  // 410,030 variables in just under 8 MiB, and one function to show when it is done.
  const text = `${hugeGlobalsProgram()}\nfunc Last() int { return v0 }\n`
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_SOURCE_BYTES)
  const huge = join(mkdtempSync(join(tmpdir(), 'ssascope-e2e-')), 'huge.go')
  writeFileSync(huge, text)

  const a = await context.newPage()
  const analyzing = a.waitForRequest((r) => r.url().endsWith('/api/analyze'), { timeout: 120_000 })
  await a.goto(`/?file=${encodeURIComponent(huge)}`)
  await analyzing

  const b = await context.newPage()
  await b.goto('/?example=heapagg')
  await expect(functionNames(b)).toHaveText(['locals', 'args', 'half', 'closure', 'closure.func1'], { timeout: 60_000 })
  // Answered while the huge file is still being analysed (one worker thread would have queued it behind).
  await expect(a.getByTestId('status-bar')).not.toContainText('analysed in')
  await snap(b, 'hardening-other-tab')

  await expect(functionNames(a)).toHaveText(['Last'], { timeout: 500_000 })
  await expect(a.getByTestId('current-path')).toHaveText(huge)
  await expect(a.getByTestId('diagnostics')).toContainText('No problems.')
  await snap(a, 'hardening-huge-file')
})

test('every answer carries the security headers; refusals say why with their status', async ({ page, request }) => {
  const checkHeaders = (what: string, h: Record<string, string>) => {
    expect(h['content-security-policy'], what).toContain("frame-ancestors 'none'")
    expect(h['x-content-type-options'], what).toBe('nosniff')
    expect(h['referrer-policy'], what).toBe('no-referrer')
    expect(h['cross-origin-opener-policy'], what).toBe('same-origin')
  }
  const pageResponse = await page.goto('/?example=heapagg')
  checkHeaders('page', pageResponse!.headers())
  await expect(functionNames(page)).toHaveCount(5)

  const info = await request.post('/api/info', { data: {} })
  expect(info.status()).toBe(200)
  checkHeaders('api', info.headers())

  const malformed = await request.get('/%E0%A4%A')
  expect(malformed.status()).toBe(400)
  checkHeaders('malformed path', malformed.headers())

  const unknownKey = await request.post('/api/openExample', { data: { name: 'heapagg', constructor: 1 } })
  expect(await unknownKey.json()).toMatchObject({ ok: false, error: { code: 'bad-argument', message: 'openExample.constructor is not a known argument' } })

  const big = await request.post('/api/analyze', { data: { path: 'p.go', text: 'x'.repeat(MAX_SOURCE_BYTES * 2 + 128 * 1024) } })
  expect(big.status()).toBe(413)
  checkHeaders('too large', big.headers())
  expect(await big.json()).toMatchObject({ ok: false, error: { code: 'too-large' } })
})
