// Small runtime validators for arguments arriving over IPC, HTTP or argv.
// Each returns the value typed, or throws ApiError('bad-argument').

import { ApiError } from './errors'

export type Validator<T> = (value: unknown, where: string) => T

export const string =
  (opts: { maxLength?: number; nonEmpty?: boolean } = {}): Validator<string> =>
  (v, where) => {
    if (typeof v !== 'string') throw bad(where, 'must be a string')
    if (opts.nonEmpty && v.length === 0) throw bad(where, 'must not be empty')
    if (opts.maxLength !== undefined && v.length > opts.maxLength)
      throw bad(where, `must be at most ${opts.maxLength} characters`)
    return v
  }

export const boolean =
  (): Validator<boolean> =>
  (v, where) => {
    if (typeof v !== 'boolean') throw bad(where, 'must be true or false')
    return v
  }

export const oneOf =
  <const T extends readonly string[]>(...options: T): Validator<T[number]> =>
  (v, where) => {
    if (typeof v !== 'string' || !options.includes(v)) throw bad(where, `must be one of ${options.join(', ')}`)
    return v as T[number]
  }

export const optional =
  <T>(inner: Validator<T>): Validator<T | undefined> =>
  (v, where) =>
    v === undefined ? undefined : inner(v, where)

/** An array of min…max items, each checked, with no item twice. */
export const uniqueList =
  <T>(item: Validator<T>, opts: { min: number; max: number }): Validator<T[]> =>
  (v, where) => {
    if (!Array.isArray(v)) throw bad(where, 'must be an array')
    if (v.length < opts.min || v.length > opts.max) throw bad(where, `must have ${opts.min} to ${opts.max} items`)
    const out = v.map((x, i) => item(x, `${where}[${i}]`))
    if (new Set(out).size !== out.length) throw bad(where, 'must not repeat an item')
    return out
  }

type Shape = Record<string, Validator<unknown>>
type FromShape<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> }

/** An object with exactly these keys (unknown keys are rejected, not ignored). */
export const object =
  <S extends Shape>(shape: S): Validator<FromShape<S>> =>
  (v, where) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(where, 'must be an object')
    // Own keys only: `in` would take constructor, toString or __proto__ (inherited from Object.prototype) as known.
    for (const key of Object.keys(v)) if (!Object.hasOwn(shape, key)) throw bad(`${where}.${key}`, 'is not a known argument')
    const out: Record<string, unknown> = {}
    for (const [key, check] of Object.entries(shape)) {
      const value = check((v as Record<string, unknown>)[key], `${where}.${key}`)
      if (value !== undefined) out[key] = value
    }
    return out as FromShape<S>
  }

function bad(where: string, what: string): ApiError {
  return new ApiError('bad-argument', `${where} ${what}`)
}
