// `npm run bench -- --trace-hash [FILE.go...]`: SHA-256 of every trace, to
// show that a speed change left the pipeline's output byte for byte as it
// was. Run it on the commit before and after and compare the lines. Each
// function of each program goes through every pass on amd64 and ppc64; the
// digest covers the expanded trace (pass times zeroed) and its wire
// encoding (which also reflects what records are shared). Without files:
// the bench's 10,000-value function, a 3,000-line file of small functions
// and every program under testdata/{ssa,fuzz,mergelocals,escape}.

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ssaProgram } from '../compiler/ssagen'
import { encodeTrace } from '../protocol/trace-codec'
import type { FuncTrace } from '../protocol/model'
import { bigFunctionProgram, escapeProgram } from './programs'

type Emit = (o: object) => void

const ARCHES = ['amd64', 'ppc64']

function defaultInputs(): { path: string; text: string }[] {
  const out = [
    { path: 'bench-10k.go', text: bigFunctionProgram(10_000) },
    { path: 'bench-small-3k.go', text: escapeProgram(3000) },
  ]
  for (const dir of ['testdata/ssa', 'testdata/fuzz', 'testdata/mergelocals', 'testdata/escape']) {
    let names: string[]
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.go')).sort()
    } catch {
      continue
    }
    for (const n of names) out.push({ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') })
  }
  return out
}

/** The trace as text, without what differs between runs (pass times). */
function canonical(t: FuncTrace): string {
  return JSON.stringify(t, (k, v) => (k === 'ms' && typeof v === 'number' ? 0 : v))
}

export async function traceHashBench(emit: Emit, files: string[]): Promise<void> {
  const inputs = files.length ? files.map((p) => ({ path: p, text: readFileSync(p, 'utf8') })) : defaultInputs()
  const all = createHash('sha256')
  let traces = 0
  for (const { path, text } of inputs) {
    const h = createHash('sha256')
    const prog = await ssaProgram(path, text)
    if (prog.diagnostics.length) {
      // Refused programs count too: their diagnostics are output.
      h.update(JSON.stringify(prog.diagnostics))
    }
    for (const name of prog.functions) {
      for (const arch of ARCHES) {
        let body: string
        try {
          const t = prog.trace(name, arch, { check: false })
          body = canonical(t) + '\n' + JSON.stringify(encodeTrace({ ...t, passes: t.passes.map((p) => ({ ...p, ms: 0 })) }))
        } catch (e) {
          body = `threw: ${e instanceof Error ? e.message : String(e)}`
        }
        h.update(`${name} ${arch}\n${body}\n`)
        // To find what differs between two runs: SSASCOPE_TRACE_DUMP=DIR writes each trace's text.
        const dump = process.env['SSASCOPE_TRACE_DUMP']
        if (dump) writeFileSync(join(dump, `${path.replace(/[^\w.-]/g, '_')}.${name.replace(/[^\w.-]/g, '_')}.${arch}.txt`), body)
        traces++
      }
    }
    const digest = h.digest('hex')
    all.update(`${path} ${digest}\n`)
    emit({ bench: 'trace-hash', file: path, functions: prog.functions.length, sha256: digest })
  }
  emit({ bench: 'trace-hash', files: inputs.length, traces, sha256: all.digest('hex') })
}
