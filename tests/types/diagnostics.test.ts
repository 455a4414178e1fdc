import { describe, expect, it } from 'vitest'
import { GOLDEN } from './programs'
import { diagnose } from './helpers'

describe('diagnostics match gc 1.26 text and positions', () => {
  for (const g of GOLDEN) {
    it(g.name, async () => {
      expect(await diagnose(g.src)).toEqual(g.want)
    })
  }
})

describe('unsupported constructs', () => {
  const cases: [string, string, string][] = [
    ['complex64 type', 'var z complex64\n', './p.go:3:7: unsupported: complex type'],
    ['complex', 'func f() {\n\tprintln(complex(1, 2))\n}\n', './p.go:4:10: unsupported: built-in complex'],
    ['imag', 'func f() {\n\tprintln(imag(2))\n}\n', './p.go:4:10: unsupported: built-in imag'],
    ['devirtualizable call', 'type I interface{ M() }\n\nfunc f(i I) {\n\tj := i\n\tj.M()\n}\n', './p.go:7:2: unsupported: interface method call on a local variable or a conversion (gc may devirtualize it)'],
    ['comparable', 'var x comparable\n', './p.go:3:7: unsupported: interface type'],
    ['complex type', 'var z complex128\n', './p.go:3:7: unsupported: complex type'],
    ['imaginary literal', 'var z = 2i\n', './p.go:3:9: unsupported: complex number'],
    ['one of several values converted to an interface', 'func two() (int, int) { return 1, 2 }\n\nfunc f() {\n\tvar a any\n\tvar b int\n\ta, b = two()\n\t_, _ = a, b\n}\n', './p.go:8:9: unsupported: conversion to an interface of one of several values'],
    ['interface method value', 'type I interface{ M() }\n\nfunc f(i I) {\n\t_ = i.M\n}\n', './p.go:6:6: unsupported: method value of an interface method'],
    ['real', 'var m = real(1)\n', './p.go:3:9: unsupported: built-in real'],
    ['clear of a slice', 'func f(s []int) {\n\tclear(s)\n}\n', './p.go:4:8: unsupported: clear of a slice'],
    ['new with a value', 'var x int\nvar p = new(x)\n', './p.go:4:13: unsupported: new with a value argument'],
    ['real', 'func f() {\n\tprintln(real(2))\n}\n', './p.go:4:10: unsupported: built-in real'],
    ['range over function', 'func f(g func(func(int) bool)) {\n\tfor x := range g {\n\t\t_ = x\n\t}\n}\n', './p.go:4:17: unsupported: range over function'],
    ['go of a call with a multi-value argument', 'func two() (*int, *int) { return nil, nil }\n\nfunc pair(a, b *int) {}\n\nfunc f() {\n\tgo pair(two())\n}\n', './p.go:8:5: unsupported: go of a call with a multi-value argument'],
  ]
  for (const [what, src, want] of cases) {
    it(what, async () => {
      expect(await diagnose(src)).toContain(want)
    })
  }

  it('an interface call on a range variable is no devirtualization candidate: accepted', async () => {
    const src = 'type I interface{ M() int }\n\nfunc f(xs []I) (n int) {\n\tfor _, x := range xs {\n\t\tn += x.M()\n\t}\n\treturn\n}\n'
    expect(await diagnose(src)).toEqual([])
  })
})
