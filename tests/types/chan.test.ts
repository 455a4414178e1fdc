// Channels, select, go and defer in the type checker: types2's messages and
// positions (goldens from go1.26 \`go build -gcflags=-e\`, re-checked against the
// installed go), valid programs without diagnostics, and the forms later
// phases do not model refused with \`unsupported:\`.

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { goUnavailable, requireGo, skipDifferential } from '../go-toolchain'
import { tempFiles } from '../helpers'
import { check, diagnose } from './helpers'

const INVALID = `func g() int { return 1 }
func h(x int) {}

type T struct{}

func (T) M() {}

func f(c chan int, r <-chan int, s chan<- int, x int) {
	c <- 1
	r <- 1
	x <- 1
	c <- true
	_ = <-s
	_ = <-x
	v, ok := <-c
	var w, ok2 = <-r
	v, ok = <-c
	_, _, _, _ = v, ok, w, ok2
	defer g
	go x
	defer int(x)
	go len(c)
	defer g()
	go h(1)
	close(r)
	close(x)
	close(c)
	_ = len(c) + cap(c)
	for a := range s {
		_ = a
	}
	for a, b := range c {
		_, _ = a, b
	}
	select {
	case c <- 1:
	case v := <-c:
		_ = v
	case <-r:
	case x = <-c:
	default:
	default:
	}
	select {
	case g():
	}
	_ = make(chan int, 1, 2)
	_ = make(chan int)
	var bb chan (<-chan int) = nil
	_ = bb
	s = c
	c = s
	var cc chan<- chan int = nil
	_ = cc
	<-c
	defer (func() {})()
}
`

const INVALID_WANT = ['./p.go:12:2: invalid operation: cannot send to receive-only channel <-chan int r (variable of type <-chan int)',
  './p.go:13:2: invalid operation: cannot send to non-channel int x (variable of type int)',
  './p.go:14:7: cannot use true (untyped bool constant) as int value in send',
  './p.go:15:8: invalid operation: cannot receive from send-only channel chan<- int s (variable of type chan<- int)',
  './p.go:16:8: invalid operation: cannot receive from non-channel int x (variable of type int)',
  './p.go:21:8: expression in defer must be function call',
  './p.go:22:5: expression in go must be function call',
  './p.go:23:8: defer requires function call, not conversion int(x) (value of type int)',
  './p.go:24:5: go discards result of len(c) (value of type int)',
  './p.go:27:8: invalid operation: cannot close receive-only channel r (variable of type <-chan int)',
  './p.go:28:8: invalid operation: cannot close non-channel x (variable of type int)',
  './p.go:31:17: cannot range over s (variable of type chan<- int): receive from send-only channel chan<- int',
  './p.go:34:9: range over c (variable of type chan int) permits only one iteration variable',
  './p.go:44:2: multiple defaults (first at ./p.go:43:2)',
  './p.go:47:8: select case must be send or receive (possibly with assignment)',
  './p.go:49:6: invalid operation: make(chan int, 1, 2) expects 1 or 2 arguments; found 3',
  './p.go:54:6: cannot use s (variable of type chan<- int) as chan int value in assignment']

const VALID = `func g() int { return 1 }

//go:noescape
func ext(p *int)

func asm(p *int, n int) int

func f(c chan int, r <-chan int, s chan<- int) (int, bool) {
	c <- 1
	s <- 2
	v := <-c
	w, ok := <-r
	v, ok = <-c
	defer g()
	defer func() { _ = 1 }()
	go func() { c <- 3 }()
	defer ext(&v)
	go ext(nil)
	close(c)
	close(s)
	_ = len(c) + cap(r)
	for x := range r {
		v += x
	}
	for range c {
	}
	select {
	case c <- 1:
	case y := <-c:
		v += y
	case z, more := <-r:
		_, _ = z, more
	case <-r:
	case w = <-c:
	default:
	}
	s = c
	r = c
	var cc chan (<-chan int) = make(chan (<-chan int), 1)
	cc <- r
	_ = make(chan struct{})
	_ = asm(&w, 1)
	for {
		select {
		case <-c:
			break
		default:
			return v + w, ok
		}
	}
}
`

describe('channels, select, go and defer: types2 messages', () => {
  it('reports each invalid form as gc does', async () => {
    expect(await diagnose(INVALID)).toEqual(INVALID_WANT)
  })

  it('accepts the valid forms and records comma-ok receives', async () => {
    const r = await check(`package p\n\n${VALID}`)
    expect(r.lines).toEqual([])
    expect(r.info.commaOk.size).toBe(3)
  })

  it('a select without default and a for without condition are terminating', async () => {
    expect(await diagnose('func f(c chan int) int {\n\tselect {\n\tcase <-c:\n\t\treturn 1\n\t}\n}\n')).toEqual([])
    expect(await diagnose('func f(c chan int) int {\n\tselect {\n\tcase <-c:\n\t\tbreak\n\t}\n}\n')).toEqual(['./p.go:8:1: missing return'])
  })
})

describe('go/defer forms escape analysis models are accepted', () => {
  const cases: [string, string][] = [
    ['a method call', 'type T struct{}\n\nfunc (T) M() {}\n\nfunc f(t T) {\n\tdefer t.M()\n}\n'],
    ['a variadic call', 'func v(xs ...int) {}\n\nfunc f() {\n\tgo v(1, 2)\n}\n'],
    ['a literal with arguments', 'func f(x int) {\n\tdefer func(int) {}(x)\n}\n'],
    ['a func value with arguments', 'func f(g func(int), x int) {\n\tgo g(x)\n}\n'],
  ]
  for (const [what, src] of cases) {
    it(what, async () => {
      expect(await diagnose(src)).toEqual([])
    })
  }
})

describe('forms escape analysis does not model yet are refused', () => {
  const cases: [string, string, string][] = [
    ['a multi-value argument', 'func two() (*int, *int) { return nil, nil }\n\nfunc pair(a, b *int) {}\n\nfunc f() {\n\tgo pair(two())\n}\n', './p.go:8:5: unsupported: go of a call with a multi-value argument'],
    ['a built-in', 'func f(c chan int) {\n\tdefer close(c)\n}\n', './p.go:4:8: unsupported: defer of built-in close'],
    ['a composite literal argument', 'type P struct{ p *int }\n\nfunc h(P) {}\n\nfunc f(x *int) {\n\tgo h(P{x})\n}\n', './p.go:8:5: unsupported: go of a call with a composite literal argument'],
  ]
  for (const [what, src, want] of cases) {
    it(what, async () => {
      expect(await diagnose(src)).toEqual([want])
    })
  }
})

const run = promisify(execFile)

describe.skipIf(skipDifferential)(`channel diagnostics equal the real go's${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('for the invalid program, and nothing for the valid one', async () => {
    const go = requireGo()
    const gc = async (body: string): Promise<string[]> => {
      // A body-less function needs an assembly file for go build to accept it.
      const dir = tempFiles({ 'go.mod': 'module p\n\ngo 1.26\n', 'p.go': `package p\n\n${body}`, 'a.s': '' })
      try {
        await run(go.bin, ['build', '-gcflags=-e', '-o', dir + '/out', '.'], { cwd: dir, env: { ...process.env, GOFLAGS: '', GOWORK: 'off' } })
        return []
      } catch (e) {
        return ((e as { stderr?: string }).stderr ?? '').split('\n').filter((l) => l !== '' && !l.startsWith('#'))
      }
    }
    expect(await gc(INVALID)).toEqual(INVALID_WANT)
    expect(await gc(VALID)).toEqual([])
  }, 60_000)
})
