// SSASCOPE_FAIL_PASS: which pass of which function (and arch) is made to fail.

import { describe, expect, it } from 'vitest'
import { injectedFailure } from '../../src-main/service/jobs'

describe('fault injection spec', () => {
  it('names a pass of a function, on every arch or on one', () => {
    expect(injectedFailure('F', 'amd64', 'F:prove')).toBe('prove')
    expect(injectedFailure('F', 'ppc64', 'F:prove')).toBe('prove')
    expect(injectedFailure('G', 'amd64', 'F:prove')).toBeUndefined()
    expect(injectedFailure('F', 'ppc64', 'F:lower@ppc64')).toBe('lower')
    expect(injectedFailure('F', 'amd64', 'F:lower@ppc64')).toBeUndefined()
  })

  it('takes several entries separated by commas; passes may contain spaces', () => {
    const spec = 'A:prove,B:late lower@amd64,(*T).M:opt'
    expect(injectedFailure('A', 'ppc64', spec)).toBe('prove')
    expect(injectedFailure('B', 'amd64', spec)).toBe('late lower')
    expect(injectedFailure('B', 'ppc64', spec)).toBeUndefined()
    expect(injectedFailure('(*T).M', 'amd64', spec)).toBe('opt')
  })

  it('is off without a spec or with a malformed one', () => {
    expect(injectedFailure('F', 'amd64', undefined)).toBeUndefined()
    expect(injectedFailure('F', 'amd64', '')).toBeUndefined()
    expect(injectedFailure('F', 'amd64', 'F')).toBeUndefined()
    expect(injectedFailure('F', 'amd64', ':prove')).toBeUndefined()
  })
})
