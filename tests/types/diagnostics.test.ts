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
    ['string type', 'var s string\n', './p.go:3:7: unsupported: string type'],
    ['string literal', 'func f() {\n\tprintln("hi")\n}\n', './p.go:4:10: unsupported: string literal'],
    ['map type', 'var m map[int]int\n', './p.go:3:7: unsupported: map type'],
    ['channel of strings', 'var c chan string\n', './p.go:3:12: unsupported: string type'],
    ['interface type', 'type I interface{}\n', './p.go:3:8: unsupported: interface type'],
    ['any', 'var x any\n', './p.go:3:7: unsupported: interface type'],
    ['error', 'var e error\n', './p.go:3:7: unsupported: interface type'],
    ['complex type', 'var z complex128\n', './p.go:3:7: unsupported: complex type'],
    ['imaginary literal', 'var z = 2i\n', './p.go:3:9: unsupported: complex number'],
    ['panic', 'func f() {\n\tpanic(1)\n}\n', './p.go:4:2: unsupported: built-in panic'],
    ['recover', 'func f() {\n\trecover()\n}\n', './p.go:4:2: unsupported: built-in recover'],
    ['min', 'var m = min(1, 2)\n', './p.go:3:9: unsupported: built-in min'],
    ['clear', 'func f(s []int) {\n\tclear(s)\n}\n', './p.go:4:2: unsupported: built-in clear'],
    ['new with a value', 'var x int\nvar p = new(x)\n', './p.go:4:13: unsupported: new with a value argument'],
    ['slice to array conversion', 'func f(s []int) [2]int {\n\treturn [2]int(s)\n}\n', './p.go:4:16: unsupported: conversion from slice to array'],
    ['range over function', 'func f(g func(func(int) bool)) {\n\tfor x := range g {\n\t\t_ = x\n\t}\n}\n', './p.go:4:17: unsupported: range over function'],
    ['go of a call with a multi-value argument', 'func two() (*int, *int) { return nil, nil }\n\nfunc pair(a, b *int) {}\n\nfunc f() {\n\tgo pair(two())\n}\n', './p.go:8:5: unsupported: go of a call with a multi-value argument'],
  ]
  for (const [what, src, want] of cases) {
    it(what, async () => {
      expect(await diagnose(src)).toContain(want)
    })
  }
})
