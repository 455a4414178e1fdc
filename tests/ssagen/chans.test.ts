// Channels in SSA construction: the runtime calls walk makes for them (gc's
// names and argument widths), the parameter a send addresses kept in its
// slot, the cleared temporary a receive goes through, and the forms still
// refused before anything is built. The listings are compared with gc's in
// the corpus (testdata/ssa/chans.go, `ssascope fidelity`).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import { projectRoot } from '../../src-main/service/paths'

const src = readFileSync(join(projectRoot, 'testdata', 'ssa', 'chans.go'), 'utf8')

async function calls(fn: string): Promise<string[]> {
  const prog = await ssaProgram('chans.go', src)
  const { func } = prog.compileFunc(fn, 'amd64', { until: 'start' })
  const out: string[] = []
  for (const b of func.blocks) for (const v of b.values) if (v.op === 'StaticLECall' && v.aux?.kind === 'call') out.push(`${v.aux.fn} [${v.auxInt}]`)
  return out
}

describe('channels lower to runtime calls as walk makes them', () => {
  it('make, close, len, cap', async () => {
    expect(await calls('mk')).toEqual(['runtime.makechan [16]'])
    // makechan64 is for sizes wider than uint: never on a 64-bit target.
    expect(await calls('mk64')).toEqual(['runtime.makechan [16]'])
    expect(await calls('mk32')).toEqual(['runtime.makechan [16]'])
    expect(await calls('closeIt')).toEqual(['runtime.closechan [8]'])
    expect(await calls('lenOf')).toEqual(['runtime.chanlen [8]'])
    expect(await calls('capOf')).toEqual(['runtime.chancap [8]'])
  })

  it('send and receive', async () => {
    expect(await calls('send')).toEqual(['runtime.chansend1 [16]'])
    expect(await calls('recv')).toEqual(['runtime.chanrecv1 [16]'])
    expect(await calls('drain')).toEqual(['runtime.chanrecv1 [16]'])
    expect(await calls('sendLocal')).toEqual(['runtime.chansend1 [16]'])
    expect(await calls('sendConst')).toEqual(['runtime.chansend1 [16]'])
    expect(await calls('recvOk')).toEqual(['runtime.chanrecv2 [16]'])
    expect(await calls('closed')).toEqual(['runtime.chanrecv2 [16]'])
    expect(await calls('sum')).toEqual(['runtime.chanrecv2 [16]'])
  })

  it('a sent parameter lives in its slot; a received value goes through a cleared temporary', async () => {
    const prog = await ssaProgram('chans.go', src)
    const send = prog.compileFunc('send', 'amd64', { until: 'start' }).func
    expect(send.locals.find((l) => l.name === 'v')?.addrTaken).toBe(true)
    const recv = prog.compileFunc('recvPtr', 'amd64', { until: 'start' }).func
    const tmp = recv.locals.find((l) => l.temp)!
    // c, ~r0, then the order temporary: numbered by len(Dcl) as gc does.
    expect(tmp.name).toBe('.autotmp_2')
    expect(tmp.addrTaken).toBe(true)
    const ops = recv.blocks.flatMap((b) => b.values.map((v) => v.op))
    expect(ops.indexOf('VarDef')).toBeLessThan(ops.indexOf('StaticLECall'))
    // Comma-ok: c, ~r0, ~r1, v, ok, the reader's two temporaries, then order's for the value and ok.
    const ok = prog.compileFunc('recvOk', 'amd64', { until: 'start' }).func
    expect(ok.locals.filter((l) => l.temp).map((l) => `${l.name} ${l.type.str}${l.addrTaken ? ' addrtaken' : ''}`)).toEqual(['.autotmp_7 int addrtaken', '.autotmp_8 bool'])
  })

  it('builds comma-ok receives; refuses go of a method, select with cases, per-iteration range variables and other sends, with a position', async () => {
    const prog = await ssaProgram(
      'r.go',
      `package r

type T struct{}; func (T) g() {}; var t T

func a(c chan int) (int, bool) {
	v, ok := <-c
	return v, ok
}

func b(c chan int) {
	for v := range c {
		_ = &v
	}
}

func d(c chan int) {
	go t.g()
}

func e(c chan int) {
	select { case <-c: }
}

func f(c chan int) {
	x := 1
	p := &x
	c <- *p
}
`,
    )
    const refusal = (fn: string) => {
      try {
        prog.trace(fn, 'amd64')
        return 'built'
      } catch (e) {
        return (e as Error).message
      }
    }
    expect(refusal('a')).toBe('built')
    expect(refusal('b')).toMatch(/11:2: unsupported: range over a channel with a per-iteration variable \(SSA construction\)/)
    // go f() and select {} are built now (gostmt.ts, selects.ts); these forms are still refused.
    expect(refusal('d')).toMatch(/17:2: unsupported: go of a method call \(its wrapper closure is not built at SSA construction\)/)
    expect(refusal('e')).toMatch(/21:2: unsupported: select statement with a send or receive case \(SSA construction\)/)
    expect(refusal('f')).toMatch(/27:2: unsupported: channel send of this operand \(SSA construction\)/)
  })
})
