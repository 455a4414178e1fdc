import { describe, expect, it } from 'vitest'
import { MAX_SOURCE_BYTES, validateCall } from '../../src-main/protocol/api'
import { ApiError } from '../../src-main/protocol/errors'

function rejection(method: unknown, args: unknown): ApiError {
  try {
    validateCall(method, args)
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError)
    return e as ApiError
  }
  throw new Error('expected validateCall to throw')
}

describe('validateCall', () => {
  it('accepts well-formed calls and returns typed arguments', () => {
    expect(validateCall('analyze', { path: 'a.go', text: 'package a' })).toEqual({
      method: 'analyze',
      args: { path: 'a.go', text: 'package a' },
    })
    expect(validateCall('info', undefined)).toEqual({ method: 'info', args: {} })
  })

  it('rejects unknown methods, including prototype names', () => {
    expect(rejection('rm', {}).code).toBe('unknown-method')
    expect(rejection('constructor', {}).code).toBe('unknown-method')
    expect(rejection('__proto__', {}).code).toBe('unknown-method')
    expect(rejection(42, {}).code).toBe('unknown-method')
  })

  it('names the offending argument', () => {
    const e = rejection('analyze', { path: 7, text: '' })
    expect(e.code).toBe('bad-argument')
    expect(e.message).toBe('analyze.path must be a string')
    expect(rejection('openExample', { name: '' }).message).toBe('openExample.name must not be empty')
  })

  it('rejects non-objects and unknown keys instead of ignoring them', () => {
    expect(rejection('openFile', 'x.go').message).toBe('openFile must be an object')
    expect(rejection('openFile', ['x.go']).message).toBe('openFile must be an object')
    expect(rejection('openFile', { path: 'x.go', mode: 'w' }).message).toBe('openFile.mode is not a known argument')
    expect(rejection('info', { x: 1 }).message).toBe('info.x is not a known argument')
  })

  it('takes only own keys of the shape as known: prototype names are unknown arguments', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      // As JSON.parse makes them: own properties, __proto__ included.
      const args = JSON.parse(`{"path": "x.go", ${JSON.stringify(key)}: 1}`) as unknown
      expect(rejection('openFile', args).message, key).toBe(`openFile.${key} is not a known argument`)
    }
    expect(rejection('info', JSON.parse('{"__proto__": {}}')).message).toBe('info.__proto__ is not a known argument')
  })

  it('limits source size', () => {
    const e = rejection('analyze', { path: 'a.go', text: 'x'.repeat(MAX_SOURCE_BYTES + 1) })
    expect(e.message).toMatch(/^analyze\.text must be at most \d+ characters$/)
  })

  it('round-trips errors through the wire envelope', () => {
    const e = ApiError.fromWire(new ApiError('not-found', 'gone').toWire())
    expect([e.code, e.message]).toEqual(['not-found', 'gone'])
    expect(ApiError.from(new TypeError('boom')).code).toBe('internal')
  })
})
