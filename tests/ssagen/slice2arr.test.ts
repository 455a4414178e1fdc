// Slice to array (pointer) conversions: type-checked and escape-analysed
// (testdata/escape/slice2arr.go against gc), refused at SSA construction
// with their name, never built wrongly.

import { describe, expect, it } from 'vitest'
import { ssaProgram } from '../../src-main/compiler/ssagen'

const SRC = `package p

func toPtr(x []int) *[2]int { return (*[2]int)(x) }

func toArray(x []int) [2]int { return [2]int(x) }

func inLiteral(x []int) int {
	f := func() int { return len([3]int(x)) }
	return f()
}

func plain(x []int) int { return len(x) }
`

describe('slice to array conversions at SSA construction', () => {
  it('are refused with their name; other functions of the file are built', async () => {
    const prog = await ssaProgram('./p.go', SRC, { pkgPath: 'p' })
    expect(prog.diagnostics).toEqual([])
    expect(() => prog.trace('toPtr', 'amd64')).toThrow('./p.go:3:38: unsupported: conversion from slice to array pointer (SSA construction)')
    expect(() => prog.trace('toArray', 'amd64')).toThrow('./p.go:5:39: unsupported: conversion from slice to array (SSA construction)')
    expect(() => prog.trace('inLiteral.func1', 'amd64')).toThrow('unsupported: conversion from slice to array (SSA construction)')
    expect(prog.trace('inLiteral', 'amd64').passes.every((p) => p.status !== 'failed')).toBe(true)
    expect(prog.trace('plain', 'ppc64').asm).toBeDefined()
  })
})
