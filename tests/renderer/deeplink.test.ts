import { describe, expect, it } from 'vitest'
import { formatDeepLink, parseDeepLink } from '../../src-renderer/src/deeplink'

describe('deep links', () => {
  it('parses every field', () => {
    expect(parseDeepLink('?example=heapagg&func=half&arch=ppc64&pass=lower&view=ssa')).toEqual({
      example: 'heapagg', func: 'half', arch: 'ppc64', pass: 'lower', view: 'ssa',
    })
    expect(parseDeepLink('?file=%2Ftmp%2Fa.go&func=(*T).M')).toEqual({ file: '/tmp/a.go', func: '(*T).M' })
  })

  it('ignores values it does not know rather than guessing', () => {
    expect(parseDeepLink('?example=x&arch=mips&view=nonsense')).toEqual({ example: 'x' })
    expect(parseDeepLink('')).toEqual({})
  })

  it('round-trips', () => {
    const link = { file: '/a b/c.go', func: '(*T).M', arch: 'ppc64' as const, pass: 'late opt', view: 'cfg' as const }
    expect(parseDeepLink(formatDeepLink(link))).toEqual(link)
    expect(formatDeepLink({})).toBe('')
  })
})

describe('deep links: the selected value', () => {
  it('carries a value or block id, and nothing else in that slot', () => {
    expect(parseDeepLink('?example=heapagg&func=half&pass=opt&value=v11')).toEqual({ example: 'heapagg', func: 'half', pass: 'opt', value: 'v11' })
    expect(parseDeepLink('?example=heapagg&value=b3').value).toBe('b3')
    expect(parseDeepLink('?example=heapagg&value=<img>').value).toBeUndefined()
    expect(formatDeepLink({ example: 'heapagg', func: 'half', value: 'v11' })).toBe('?example=heapagg&func=half&value=v11')
  })
})

describe('deep links: the allocation and liveness views', () => {
  it('open with their function and arch', () => {
    for (const view of ['allocs', 'liveness'] as const) {
      const link = { example: 'mergelocals', func: 'Phases', arch: 'ppc64' as const, view }
      expect(parseDeepLink(formatDeepLink(link))).toEqual(link)
    }
    expect(formatDeepLink({ example: 'heapagg', func: 'closure', view: 'allocs' })).toBe('?example=heapagg&func=closure&view=allocs')
  })
})

describe('deep links: a package compiled by the real gc, and the comparison mode', () => {
  it('carries the package directory, the gc release, -l and what is compared', () => {
    expect(parseDeepLink('?pkg=%2Fsrc%2Fshapes&go=go1.27.0&noinline=1&func=(*Stack[go.shape.int]).Push&view=compare&cmp=toolchain')).toEqual({
      pkg: '/src/shapes', go: 'go1.27.0', noInline: true, func: '(*Stack[go.shape.int]).Push', view: 'compare', cmp: 'toolchain',
    })
    const link = { pkg: '/a b/pkg', go: 'go1.26.8', func: 'Sum[go.shape.float64]', cmp: 'engine' as const }
    expect(parseDeepLink(formatDeepLink(link))).toEqual(link)
  })
  it('refuses a release that is not one and a mode it does not know; arch is the default mode', () => {
    expect(parseDeepLink('?pkg=/p&go=latest;rm&cmp=everything')).toEqual({ pkg: '/p' })
    expect(formatDeepLink({ example: 'heapagg', cmp: 'arch' })).toBe('?example=heapagg')
  })
})
