import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as A from '../../src-main/compiler/syntax/ast'
import { parseFile } from '../../src-main/compiler/syntax/parse'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { formatDiagnostic } from '../../src-main/protocol/model'

/** The tree without positions, for structural comparison. */
const shape = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'pos' || k === 'end' || k === 'opPos' || k === 'lparen' ? undefined : v)))

async function parse(text: string) {
  return parseFile('p.go', text)
}

async function body(stmts: string): Promise<A.Stmt[]> {
  const r = await parse(`package p\nfunc f() {\n${stmts}\n}\n`)
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([])
  return (r.file.decls[0] as A.FuncDecl).body!.stmts
}

async function expr(e: string): Promise<A.Expr> {
  const [s] = await body(`_ = ${e}`)
  return (s as A.Assign).rhs[0]!
}

describe('parseFile', () => {
  it('keeps a long group of parameter names together (tree-sitter-go reads the first ones as types)', async () => {
    const r = await parse('package p\n\nfunc M(a, b, c, d, e, f, g, h, i, j int, x, y float64) (p, q, r, s, t, u, v, w, z, k int) { return }\n')
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([])
    const t = (r.file.decls[0] as A.FuncDecl).type
    const groups = (fs: A.Field[]) => fs.map((f) => [f.names.map((n) => n.name).join(','), (f.type as A.TypeName).name])
    expect(groups(t.params)).toEqual([['a,b,c,d,e,f,g,h,i,j', 'int'], ['x,y', 'float64']])
    expect(groups(t.results!)).toEqual([['p,q,r,s,t,u,v,w,z,k', 'int']])
    const unnamed = await parse('package p\n\nfunc N(int, float64) {}\n')
    expect(groups((unnamed.file.decls[0] as A.FuncDecl).type.params)).toEqual([['', 'int'], ['', 'float64']])
  })

  it('converts every program we ship and test with, without complaint', async () => {
    const dirs = [examplesDir, join(projectRoot, 'testdata', 'escape')]
    let funcs = 0
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.go'))) {
        const r = await parseFile(f, readFileSync(join(dir, f), 'utf8'))
        expect(r.diagnostics.map(formatDiagnostic), f).toEqual([])
        funcs += r.file.decls.filter((d) => d.kind === 'FuncDecl').length
      }
    }
    expect(funcs).toBeGreaterThan(200)
  })

  it('builds declarations with receivers, signatures and pragmas', async () => {
    const r = await parse('package p\n\ntype T struct {\n\tx [10]int\n\tf float64\n}\n\n//go:noinline\nfunc (t *T) M(a, b int, rest ...int) (n int, err bool) { return }\n')
    expect(r.file.packageName.name).toBe('p')
    const [td, fd] = r.file.decls as [A.TypeDecl, A.FuncDecl]
    expect(shape(td.specs[0]!.type)).toEqual({
      kind: 'StructType',
      fields: [
        { names: [{ kind: 'Ident', name: 'x' }], type: { kind: 'ArrayType', len: { kind: 'BasicLit', litKind: 'int', raw: '10' }, elem: { kind: 'TypeName', name: 'int' } }, embedded: false },
        { names: [{ kind: 'Ident', name: 'f' }], type: { kind: 'TypeName', name: 'float64' }, embedded: false },
      ],
    })
    expect(fd.pragmas).toEqual(['go:noinline'])
    expect(shape(fd.recv)).toEqual({ names: [{ kind: 'Ident', name: 't' }], type: { kind: 'PointerType', elem: { kind: 'TypeName', name: 'T' } } })
    expect(fd.type.variadic).toBe(true)
    expect(fd.type.params.map((p) => p.names.map((n) => n.name))).toEqual([['a', 'b'], ['rest']])
    expect(fd.type.results.map((p) => p.names.map((n) => n.name))).toEqual([['n'], ['err']])
    expect(r.source.position(fd.name.pos)).toEqual({ line: 9, col: 13 })
  })

  it('repeats implicit constant specs with their own iota', async () => {
    const r = await parse('package p\nconst (\n\ta = iota * 2\n\tb\n\tc\n)\n')
    const cd = r.file.decls[0] as A.ConstDecl
    expect(cd.specs.map((s) => [s.names[0]!.name, s.iota, s.implicit, s.values.length])).toEqual([
      ['a', 0, false, 1],
      ['b', 1, true, 1],
      ['c', 2, true, 1],
    ])
    expect(cd.specs[1]!.values[0]).toBe(cd.specs[0]!.values[0])
  })

  it('converts expressions', async () => {
    expect(shape(await expr('*p + a[i&3]'))).toEqual({
      kind: 'Binary',
      op: '+',
      x: { kind: 'Star', x: { kind: 'Ident', name: 'p' } },
      y: { kind: 'Index', x: { kind: 'Ident', name: 'a' }, index: { kind: 'Binary', op: '&', x: { kind: 'Ident', name: 'i' }, y: { kind: 'BasicLit', litKind: 'int', raw: '3' } } },
    })
    expect(shape(await expr('append(s[1:n:m], t...)'))).toMatchObject({
      kind: 'Call',
      ellipsis: true,
      args: [{ kind: 'Slice', low: { raw: '1' }, high: { name: 'n' }, max: { name: 'm' } }, { kind: 'Ident', name: 't' }],
    })
    expect(shape(await expr('make([]int, n)'))).toMatchObject({
      kind: 'Call',
      fun: { kind: 'Ident', name: 'make' },
      args: [{ kind: 'TypeExpr', type: { kind: 'SliceType' } }, { kind: 'Ident', name: 'n' }],
    })
    expect(shape(await expr('&T{x: 1, y: []int{2}}'))).toMatchObject({
      kind: 'Unary',
      op: '&',
      x: { kind: 'CompositeLit', type: { kind: 'TypeName', name: 'T' }, elts: [{ kind: 'KeyValue', key: { name: 'x' } }, { kind: 'KeyValue', value: { kind: 'CompositeLit' } }] },
    })
    expect(shape(await expr('[][2]int{{1, 2}, {3}}'))).toMatchObject({
      kind: 'CompositeLit',
      elts: [{ kind: 'CompositeLit', type: null, elts: [{ raw: '1' }, { raw: '2' }] }, { kind: 'CompositeLit', type: null }],
    })
    expect(shape(await expr('func(x int) int { return x }'))).toMatchObject({ kind: 'FuncLit', type: { params: [{ names: [{ name: 'x' }] }] } })
    expect(shape(await expr('(*T)(p).f'))).toMatchObject({ kind: 'Selector', sel: { name: 'f' }, x: { kind: 'Call', fun: { kind: 'Paren' } } })
  })

  it('records the operator position of binary expressions', async () => {
    const e = (await expr('a   <<  b')) as A.Binary
    expect(e.opPos - e.pos).toBe(4)
  })

  it('converts statements', async () => {
    const stmts = await body(
      [
        'x, y := 1, 2',
        'x += y',
        'x++',
        'if z := x; z > 0 { } else if y < 0 { } else { }',
        'for i := 0; i < 10; i++ { }',
        'for x < 3 { }',
        'for { break }',
        'for i, v := range s { _, _ = i, v }',
        'for range 10 { }',
        'switch x { case 1, 2: y = 1; default: }',
        'L: for { continue L }',
        'goto L',
        'var a, b int = 1, 2',
        'return',
      ].join('\n'),
    )
    expect(stmts.map((s) => s.kind)).toEqual(['Assign', 'Assign', 'IncDec', 'If', 'For', 'For', 'For', 'Range', 'Range', 'Switch', 'Labeled', 'Branch', 'DeclStmt', 'Return'])
    expect(shape(stmts[1])).toMatchObject({ op: '+=' })
    const iff = stmts[3] as A.If
    expect([iff.init?.kind, iff.else?.kind, (iff.else as A.If).else?.kind]).toEqual(['Assign', 'If', 'Block'])
    expect(shape(stmts[4])).toMatchObject({ init: { kind: 'Assign', op: ':=' }, cond: { op: '<' }, post: { kind: 'IncDec', inc: true } })
    expect(shape(stmts[5])).toMatchObject({ init: null, cond: { op: '<' }, post: null })
    expect(shape(stmts[6])).toMatchObject({ init: null, cond: null, post: null })
    expect(shape(stmts[7])).toMatchObject({ key: { name: 'i' }, value: { name: 'v' }, define: true, x: { name: 's' } })
    expect(shape(stmts[8])).toMatchObject({ key: null, value: null, x: { raw: '10' } })
    expect(shape(stmts[9])).toMatchObject({ tag: { name: 'x' }, clauses: [{ list: [{ raw: '1' }, { raw: '2' }] }, { list: null, body: [] }] })
    expect(shape(stmts[10])).toMatchObject({ label: { name: 'L' }, stmt: { kind: 'For', body: { stmts: [{ kind: 'Branch', tok: 'continue', label: { name: 'L' } }] } } })
    expect(shape(stmts[11])).toMatchObject({ tok: 'goto', label: { name: 'L' } })
  })

  it('reports constructs outside the subset as unsupported, with positions', async () => {
    const src = [
      'package p',
      'import "fmt"',
      'type G[T any] struct{ v T }',
      'type S struct{ f int `json:"f"` }',
      'func g(c chan int) {',
      '\t_ = c.(int)',
      '\tdefer g(c)',
      '\tc <- 1',
      '\t_ = <-c',
      '\tselect {}',
      '\ttype I interface{ ~int }',
      '\tswitch { case true: fallthrough; default: }',
      '}',
      '',
    ].join('\n')
    const r = await parse(src)
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'p.go:2:1: unsupported: import "fmt" (the subset imports only "unsafe", "math" and "math/bits")',
      'p.go:3:7: unsupported: generic type',
      'p.go:4:22: unsupported: struct tag',
      'p.go:11:20: unsupported: type constraint',
      'p.go:12:22: unsupported: fallthrough',
    ])
  })

  it('parses go, defer, sends, receives, select and channel directions into the AST', async () => {
    const src = 'package p\nfunc g(c chan int, r <-chan int, s chan<- int) {\n\tgo g(c, c, c)\n\tdefer g(c, c, c)\n\tc <- 1\n\t_ = <-c\n\tselect {\n\tcase v := <-c:\n\t\t_ = v\n\tcase c <- 2:\n\tcase <-r:\n\tdefault:\n\t}\n}\n'
    const r = await parse(src)
    expect(r.diagnostics).toEqual([])
    const fn = r.file.decls[0] as A.FuncDecl
    expect(fn.type.params.map((p) => (p.type as A.ChanType).dir)).toEqual(['both', 'recv', 'send'])
    const body = fn.body!.stmts
    expect(body.map((s) => s.kind)).toEqual(['GoDefer', 'GoDefer', 'Send', 'Assign', 'Select'])
    expect((body[1] as A.GoDefer).tok).toBe('defer')
    expect(((body[3] as A.Assign).rhs[0] as A.Unary).op).toBe('<-')
    const sel = body[4] as A.Select
    expect(sel.clauses.map((c) => c.comm?.kind ?? null)).toEqual(['Assign', 'Send', 'ExprStmt', null])
  })

  it('refuses absurd nesting instead of overflowing the stack', async () => {
    const deep = `package p\nvar x = ${'('.repeat(100_000)}1${')'.repeat(100_000)}\n`
    const r = await parse(deep)
    expect(r.diagnostics.some((d) => d.message === 'unsupported: nesting too deep' || d.message.startsWith('syntax error'))).toBe(true)
  })
})
