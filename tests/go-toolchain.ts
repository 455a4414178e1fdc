// The real Go toolchain for differential tests. Under CI=true a missing or old
// go fails the test; elsewhere the test is skipped with the reason.

import { execFileSync } from 'node:child_process'
import { parseGoVersion, type GoToolchain } from '../src-main/gcbridge/toolchain'

export type { GoToolchain }

const MIN_MINOR = 26

function probe(): GoToolchain | string {
  const bin = process.env['SSASCOPE_GO'] ?? 'go'
  let out: string
  try {
    out = execFileSync(bin, ['version'], { encoding: 'utf8', timeout: 20_000 })
  } catch (e) {
    return `no usable go (${bin}): ${(e as Error).message.split('\n')[0]}`
  }
  const v = parseGoVersion(out)
  if (!v || v.minor < MIN_MINOR) return `go is too old for gc 1.${MIN_MINOR} fidelity: ${out.trim()}`
  return { bin, version: out.trim(), ...v }
}

export const go = probe()

/** Why differential tests cannot run here, or undefined when they can. */
export const goUnavailable: string | undefined = typeof go === 'string' ? go : undefined

export function requireGo(): GoToolchain {
  if (typeof go === 'string') throw new Error(`differential test needs Go 1.${MIN_MINOR}+: ${go}`)
  return go
}

/** In CI a missing toolchain is a failure, not a skip. */
export const skipDifferential = goUnavailable !== undefined && process.env['CI'] !== 'true'
