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
