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
    ['max', 'func f() {\n\tprintln(max(1, 2))\n}\n', './p.go:4:10: unsupported: built-in max'],
    ['imag', 'func f() {\n\tprintln(imag(2))\n}\n', './p.go:4:10: unsupported: built-in imag'],
    ['channel type', 'var c chan int\n', './p.go:3:7: unsupported: channel type'],
    ['interface type', 'type I interface{}\n', './p.go:3:8: unsupported: interface type'],
    ['any', 'var x any\n', './p.go:3:7: unsupported: interface type'],
    ['error', 'var e error\n', './p.go:3:7: unsupported: interface type'],
    ['complex type', 'var z complex128\n', './p.go:3:7: unsupported: complex type'],
    ['imaginary literal', 'var z = 2i\n', './p.go:3:9: unsupported: complex number'],
    ['panic', 'func f() {\n\tpanic(1)\n}\n', './p.go:4:2: unsupported: built-in panic'],
    ['recover', 'func f() {\n\trecover()\n}\n', './p.go:4:2: unsupported: built-in recover'],
    ['min', 'var m = min(1, 2)\n', './p.go:3:9: unsupported: built-in min'],
    ['clear of a slice', 'func f(s []int) {\n\tclear(s)\n}\n', './p.go:4:8: unsupported: clear of a slice'],
    ['new with a value', 'var x int\nvar p = new(x)\n', './p.go:4:13: unsupported: new with a value argument'],
    ['slice to array conversion', 'func f(s []int) [2]int {\n\treturn [2]int(s)\n}\n', './p.go:4:16: unsupported: conversion from slice to array'],
    ['range over function', 'func f(g func(func(int) bool)) {\n\tfor x := range g {\n\t\t_ = x\n\t}\n}\n', './p.go:4:17: unsupported: range over function'],
    ['body-less function', 'func f()\n', './p.go:3:6: unsupported: function without body'],
  ]
  for (const [what, src, want] of cases) {
    it(what, async () => {
      expect(await diagnose(src)).toContain(want)
    })
  }
})
