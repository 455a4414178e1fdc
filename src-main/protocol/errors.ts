export type ErrorCode = 'bad-argument' | 'unknown-method' | 'not-found' | 'too-large' | 'cancelled' | 'internal' | 'gc-failed'

/** The one error type the API reports; it survives every transport as {code, message}. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The file the error is about; the message then reads `path: …` (the CLI prints it as is). */
    readonly file?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toWire(): WireError {
    return { code: this.code, message: this.message }
  }

  static fromWire(e: WireError): ApiError {
    return new ApiError(e.code, e.message)
  }

  /** Any thrown value as an ApiError; unexpected ones become 'internal'. */
  static from(e: unknown): ApiError {
    if (e instanceof ApiError) return e
    return new ApiError('internal', e instanceof Error ? e.message : String(e))
  }
}

export interface WireError {
  code: ErrorCode
  message: string
}

/** The envelope every transport carries a call's outcome in. */
export type WireResult<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError }
