// The exported report's file: the payload survives packing, program text is
// carried as inert data or escaped (a comment or a path holding </script> or
// <img onerror> cannot become markup), the CSP allows exactly the page's own
// scripts, and the static part (pass table, final listing) is there for
// readers without JavaScript.

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildReportHtml, inlineScriptHashes, reportFileName, SLOTS } from '../../src-main/report/html'
import { escapeHtml } from '../../src-main/report/static'
import { openReport, packReport, REPORT_FORMAT, unpackReport, type ReportData } from '../../src-main/protocol/report'
import { validateCall } from '../../src-main/protocol/api'
import { ApiError } from '../../src-main/protocol/errors'
import { join } from 'node:path'
import { examplesDir } from '../../src-main/service/paths'
import { InProcessRunner } from '../../src-main/service/runner'
import { Service } from '../../src-main/service/service'
import type { Progress } from '../../src-main/protocol/model'
import { inProcessService, tempFiles } from '../helpers'

const HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
const SOURCE = `package p

// ${HOSTILE}
//go:noinline
func F(a, b int) int {
\tx := a * b // ${HOSTILE}
\treturn x + 1
}
`
const PATH = 'dir/"><img src=x onerror=alert(1)>.go'

/** A template like out/report/report.html: the four placeholders and one executable inline script. */
const SCRIPT = "console.log('report page')"
const TEMPLATE = `<!doctype html><html><head><meta charset="UTF-8">${SLOTS.csp}<title>${SLOTS.title}</title><script type="module">${SCRIPT}</script></head><body><div id="app"></div>${SLOTS.static}<script id="ssascope-report-data" type="application/x-ssascope-report">${SLOTS.data}</script></body></html>`

async function reportData(arches: ('amd64' | 'ppc64')[] = ['amd64', 'ppc64']): Promise<ReportData> {
  const api = inProcessService()
  const analysis = await api.call('analyze', { path: PATH, text: SOURCE })
  expect(analysis.diagnostics).toEqual([])
  const ssa: ReportData['ssa'] = {}
  for (const arch of arches) ssa[arch] = await api.call('ssa', { path: PATH, text: SOURCE, func: 'F', arch })
  const escape = await api.call('escape', { path: PATH, text: SOURCE, level: '2', func: 'F' })
  return {
    format: REPORT_FORMAT,
    app: { name: 'ssascope', version: 'test' },
    created: '2026-01-01T00:00:00.000Z',
    example: null,
    source: { path: PATH, text: SOURCE, origin: 'file' },
    analysis,
    func: 'F',
    arches,
    escape,
    ssa,
    initial: { arch: arches[0]!, pass: 'lower' },
  }
}

/** The payload element's text. */
const payloadOf = (html: string) => /<script id="ssascope-report-data" type="application\/x-ssascope-report">([^<]*)<\/script>/.exec(html)![1]!

describe('report payload', () => {
  it('packs into base64 parts (core, then one per arch) and opens back, each trace on first use', async () => {
    const data = await reportData()
    const packed = packReport(data)
    expect(packed).toMatch(/^[A-Za-z0-9+/=]+(\.[A-Za-z0-9+/=]+){2}$/)
    expect(await unpackReport(packed)).toEqual(JSON.parse(JSON.stringify(data)))
    const opened = await openReport(packed)
    expect(opened.core.func).toBe('F')
    expect((await opened.ssa('ppc64'))?.trace).toEqual(JSON.parse(JSON.stringify(data.ssa.ppc64!.trace)))
  })

  it('refuses what is not a report, saying so', async () => {
    await expect(openReport('not base64 at all!')).rejects.toThrow(/cannot be read/)
    const other = packReport({ ...(await reportData(['amd64'])), format: 'something-else' as typeof REPORT_FORMAT })
    await expect(openReport(other)).rejects.toThrow(/not ssascope-report\/1/)
    const one = packReport(await reportData(['amd64']))
    await expect(openReport(one + '.' + one.split('.')[1])).rejects.toThrow(/2 traces for 1 arches/)
  })
})

describe('report HTML', () => {
  it('carries program text only as base64 data or escaped: no markup from the source or the path', async () => {
    const data = await reportData()
    const html = buildReportHtml(TEMPLATE, data)
    // The template's two script elements and nothing else.
    expect(html.match(/<script\b/gi)).toHaveLength(2)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('window.__pwned')
    expect(html).not.toContain('onerror="')
    // The payload is base64 only, and holds the hostile text intact.
    expect(payloadOf(html)).toMatch(/^[A-Za-z0-9+/=.]+$/)
    const back = await unpackReport(payloadOf(html))
    expect(back.source.text).toBe(SOURCE)
    expect(back.source.path).toBe(PATH)
    // Title and static part show the path escaped.
    expect(html).toContain(`<title>F (amd64, ppc64) · ${escapeHtml(PATH)} · ssascope report</title>`)
    expect(html).toContain(`in <code>${escapeHtml(PATH)}</code>`)
  })

  it('has a CSP that allows exactly the template\'s inline scripts and no network', async () => {
    const html = buildReportHtml(TEMPLATE, await reportData(['amd64']))
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'")
    const hash = createHash('sha256').update(SCRIPT).digest('base64')
    expect(csp).toContain(`script-src 'sha256-${hash}'`)
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("connect-src 'none'")
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/)
    // The CSP comes before any script.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
    expect(inlineScriptHashes(TEMPLATE)).toEqual([`'sha256-${hash}'`])
    expect(() => inlineScriptHashes('<script src="https://example.com/x.js"></script>')).toThrow(/inlined/)
  })

  it('has a static part: per arch the pass table and the final listing, escaped', async () => {
    const html = buildReportHtml(TEMPLATE, await reportData())
    const stat = html.slice(html.indexOf('<section id="static-report"'), html.indexOf('</section>'))
    expect(stat).toContain('<h2>amd64</h2>')
    expect(stat).toContain('<h2>ppc64</h2>')
    expect(stat).toMatch(/<tr class="s-changed"><td>lower<\/td><td>changed<\/td><td>\d+<\/td><td>\d+<\/td>/)
    expect(stat).toContain('<h3>after stack frame</h3>')
    expect(stat).toMatch(/<pre class="static-listing">F func\(int, int\) int\n/)
    expect(stat).toContain('MULQ')
  })

  it('refuses a template without its placeholders', async () => {
    const data = await reportData(['amd64'])
    expect(() => buildReportHtml(TEMPLATE.replace(SLOTS.static, ''), data)).toThrow(/0 <!--ssascope:static--> placeholders/)
  })

  it('names the file after the function and arches, safely', () => {
    expect(reportFileName('(*T).M', ['amd64', 'ppc64'])).toBe('_T_.M-amd64-ppc64.html')
    expect(reportFileName('../../etc/passwd', ['amd64'])).toBe('.._.._etc_passwd-amd64.html')
  })
})

describe('exportReport arguments', () => {
  const base = { path: 'a.go', text: 'package a\n', func: 'F' }
  it('takes one or two distinct arches', () => {
    expect(validateCall<'exportReport'>('exportReport', { ...base, arches: ['ppc64', 'amd64'] }).args.arches).toEqual(['ppc64', 'amd64'])
    for (const arches of [[], ['amd64', 'amd64'], ['arm64'], ['amd64', 'ppc64', 'amd64'], 'amd64'])
      expect(() => validateCall('exportReport', { ...base, arches })).toThrow(ApiError)
  })
  it('refuses an unknown view or extra keys', () => {
    expect(() => validateCall('exportReport', { ...base, arches: ['amd64'], view: 'nope' })).toThrow(/view must be one of/)
    expect(() => validateCall('exportReport', { ...base, arches: ['amd64'], html: '<b>' })).toThrow(/not a known argument/)
  })
})

describe('exportReport (the service)', () => {
  const service = (template: string | null) =>
    new Service({
      runner: new InProcessRunner(),
      examplesDir,
      version: '1.2.3',
      transport: 'in-process',
      reportTemplateFile: template === null ? join(tempFiles({}), 'missing.html') : join(tempFiles({ 't.html': template }), 't.html'),
    })

  it('gathers the payload through the API, says its steps, and fills the page', async () => {
    const phases: Progress[] = []
    const r = await service(TEMPLATE).call('exportReport', { path: PATH, text: SOURCE, func: 'F', arches: ['ppc64'], pass: 'opt', view: 'cfg', value: 'v3' }, { onProgress: (p) => phases.push(p) })
    expect(phases.map((p) => p.phase)).toEqual(['analyze', 'ssa ppc64', 'escape', 'write'])
    expect(r.fileName).toBe('F-ppc64.html')
    const data = await unpackReport(payloadOf(r.html))
    expect(data.app).toEqual({ name: 'ssascope', version: '1.2.3' })
    expect(data.initial).toEqual({ arch: 'ppc64', pass: 'opt', view: 'cfg', value: 'v3' })
    expect(data.escape.graph?.functions).toContain('F')
  })

  it('refuses a file with errors or an unknown function, and says when the page is not built', async () => {
    const s = service(TEMPLATE)
    await expect(s.call('exportReport', { path: 'e.go', text: 'package p\nfunc F() { x }\n', func: 'F', arches: ['amd64'] })).rejects.toThrow(/e\.go: the file has errors; a report needs one that compiles \(e\.go:2:\d+: /)
    await expect(s.call('exportReport', { path: PATH, text: SOURCE, func: 'G', arches: ['amd64'] })).rejects.toThrow(/there is no function G/)
    await expect(service(null).call('exportReport', { path: PATH, text: SOURCE, func: 'F', arches: ['amd64'] })).rejects.toThrow(/report page is not built .*run npm run build/)
  })

  it('stops when the call is cancelled', async () => {
    const abort = new AbortController()
    const call = service(TEMPLATE).call('exportReport', { path: PATH, text: SOURCE, func: 'F', arches: ['amd64', 'ppc64'] }, { signal: abort.signal, onProgress: (p) => p.phase === 'escape' && abort.abort() })
    await expect(call).rejects.toThrow(/cancelled/)
  })
})
