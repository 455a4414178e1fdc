// One call in flight per concern: starting a new one aborts the previous, and
// the result of a superseded or cancelled call is dropped, not reported.

import { ApiError } from '../../../src-main/protocol/errors'

export interface LatestCall {
  /** Runs `call` with a fresh signal; undefined when superseded or cancelled. Other errors go to `onError`. */
  run<T>(call: (signal: AbortSignal) => Promise<T>, onError: (e: unknown) => void): Promise<T | undefined>
  cancel(): void
  readonly busy: () => boolean
}

export function useLatestCall(): LatestCall {
  let current: AbortController | undefined
  return {
    async run(call, onError) {
      current?.abort()
      const mine = new AbortController()
      current = mine
      try {
        const result = await call(mine.signal)
        return current === mine ? result : undefined
      } catch (e) {
        if (current === mine && !isCancelled(e)) onError(e)
        return undefined
      } finally {
        if (current === mine) current = undefined
      }
    },
    cancel() {
      current?.abort()
      current = undefined
    },
    busy: () => current !== undefined,
  }
}

export const isCancelled = (e: unknown): boolean => e instanceof ApiError && e.code === 'cancelled'

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
