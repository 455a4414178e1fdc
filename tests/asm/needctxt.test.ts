// gc marks a closure NEEDCTXT when it stays a closure (it captures and is
// not called where it is written: walkClosure's SetNeedctxt), whether or not
// its body still reads the context register after optimization. A closure
// that captures y only for `_ = y` loads nothing, yet takes the context and
// calls runtime.morestack (not morestack_noctxt) when its stack must grow.

import { describe, expect, it } from 'vitest'
import { ours } from '../../src-main/fuzz/ours'

const SRC = `package p

var sink any

func Outer(y int) {
	dead := func() { sink = 3; _ = y }
	used := func() { sink = y }
	none := func() { sink = 9 }
	dead()
	used()
	none()
	func() { _ = y; sink = 4 }()
}
`

describe('NEEDCTXT', () => {
  it("follows gc's rule: captures and no direct call, used or not", async () => {
    const us = await ours('./p.go', SRC)
    const text = (func: string, arch: 'amd64' | 'ppc64'): string[] => us.funcs.get(func)!.arches.get(arch)!.listing!.map((l) => l.text)
    for (const arch of ['amd64', 'ppc64'] as const) {
      // gc -S (amd64): func1 NEEDCTXT $8-0, func2 NEEDCTXT $16-0, func3 $8-0, func4 (called directly, y a parameter) $8-8.
      expect(text('Outer.func1', arch)[0], arch).toMatch(/^TEXT\tp\.Outer\.func1\(SB\), NEEDCTXT\|ABIInternal, /)
      expect(text('Outer.func2', arch)[0], arch).toMatch(/^TEXT\tp\.Outer\.func2\(SB\), NEEDCTXT\|ABIInternal, /)
      expect(text('Outer.func3', arch)[0], arch).toMatch(/^TEXT\tp\.Outer\.func3\(SB\), ABIInternal, /)
      expect(text('Outer.func4', arch)[0], arch).toMatch(/^TEXT\tp\.Outer\.func4\(SB\), ABIInternal, .*-8$/)
      const morestack = (f: string): string[] => text(f, arch).filter((l) => l.startsWith('CALL\truntime.morestack'))
      expect(morestack('Outer.func1'), arch).toEqual(['CALL\truntime.morestack(SB)'])
      expect(morestack('Outer.func3'), arch).toEqual(['CALL\truntime.morestack_noctxt(SB)'])
      expect(morestack('Outer.func4'), arch).toEqual(['CALL\truntime.morestack_noctxt(SB)'])
    }
  })
})
