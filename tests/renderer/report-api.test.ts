// The report's API (src-renderer/src/report/api.ts): the app's calls are
// answered from the inlined payload — the exported function on its arches —
// and anything else (another function, arch, text, an export) is refused
// with a message that says what the report holds.

import { describe, expect, it } from 'vitest'
import { ReportApi } from '../../src-renderer/src/report/api'
import { openReport, packReport, REPORT_FORMAT, type ReportData } from '../../src-main/protocol/report'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { inProcessService } from '../helpers'

const PATH = 'r.go'
const TEXT = 'package r\n\n//go:noinline\nfunc F(a int) *int { return &a }\n\nfunc G() int { return 1 }\n'

async function reportApi(): Promise<ReportApi> {
  const api = inProcessService()
  const data: ReportData = {
    format: REPORT_FORMAT,
    app: { name: 'ssascope', version: '9.9.9' },
    created: '2026-01-01T00:00:00.000Z',
    example: null,
    source: { path: PATH, text: TEXT, origin: 'file' },
    analysis: await api.call('analyze', { path: PATH, text: TEXT }),
    func: 'F',
    arches: ['ppc64'],
    escape: await api.call('escape', { path: PATH, text: TEXT, level: '2', func: 'F' }),
    ssa: { ppc64: await api.call('ssa', { path: PATH, text: TEXT, func: 'F', arch: 'ppc64' }) },
    initial: { arch: 'ppc64' },
  }
  return new ReportApi(await openReport(packReport(data)))
}

describe('ReportApi', () => {
  it('answers the app\'s calls from the payload', async () => {
    const api = await reportApi()
    expect(await api.call('info', {})).toEqual({ name: 'ssascope', version: '9.9.9', transport: 'report' })
    expect(await api.call('listExamples', {})).toEqual([])
    expect((await api.call('openFile', { path: PATH })).text).toBe(TEXT)
    expect((await api.call('analyze', { path: PATH, text: TEXT })).functions.map((f) => f.name)).toEqual(['F', 'G'])
    const esc = await api.call('escape', { path: PATH, text: TEXT, level: '2', func: 'F' })
    expect(esc.lines.some((l) => l.includes('moved to heap: a'))).toBe(true)
    expect(esc.graph?.functions).toContain('F')
    // Outside the function's batch, no graph (not the wrong one).
    expect((await api.call('escape', { path: PATH, text: TEXT, level: '2', func: 'G' })).graph).toBeNull()
    const r = await api.call('ssa', { path: PATH, text: TEXT, func: 'F', arch: 'ppc64' })
    expect(decodeTrace(r.trace!).arch).toBe('ppc64')
  })

  it('refuses what the report does not hold, saying what it holds', async () => {
    const api = await reportApi()
    await expect(api.call('ssa', { path: PATH, text: TEXT, func: 'G', arch: 'ppc64' })).rejects.toThrow('This report holds F on ppc64; G is not in it.')
    await expect(api.call('ssa', { path: PATH, text: TEXT, func: 'F', arch: 'amd64' })).rejects.toThrow('This report holds F on ppc64; amd64 is not in it.')
    await expect(api.call('analyze', { path: PATH, text: TEXT + '\n' })).rejects.toThrow(/read-only/)
    await expect(api.call('openFile', { path: '/etc/passwd' })).rejects.toThrow('this report holds r.go only')
    await expect(api.call('openExample', { name: 'heapagg' })).rejects.toThrow('this report holds r.go only')
    await expect(api.call('exportReport', { path: PATH, text: TEXT, func: 'F', arches: ['amd64'] })).rejects.toThrow(/cannot export another report/)
  })
})
