// The arguments the per-function commands share (ssa, allocs, mergelocals,
// asm): `FILE.go --func F [--arch A] [--json]` plus command-specific flags
// with a value (`--pass P`, `--trace=N`). --arch defaults to $GOARCH, else amd64.

import type { Arch } from '../protocol/model'
import type { CliIO } from './cli'

const ARCHES: Arch[] = ['amd64', 'ppc64']

export interface FuncArgs {
  file: string
  func: string
  arch: Arch
  json: boolean
  /** The command's own flags that were given (`pass`, `trace`), without their dashes. */
  values: Record<string, string>
}

/** Parsed arguments, or null after printing why not (unknown flag, missing file or --func, bad --arch). */
export function parseFuncArgs(args: string[], usage: string, io: CliIO, valueFlags: string[] = []): FuncArgs | null {
  let func: string | undefined
  let arch: string | undefined
  let json = false
  const values: Record<string, string> = {}
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const flag = eq > 0 ? a.slice(0, eq) : a
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i])
    if (flag === '--func') func = value()
    else if (flag === '--arch') arch = value()
    else if (flag === '--json') json = true
    else if (valueFlags.includes(flag.slice(2)) && flag.startsWith('--')) {
      const v = value()
      if (v !== undefined) values[flag.slice(2)] = v
    } else if (a.startsWith('-')) {
      io.stderr(`unknown flag ${a}\n${usage}`)
      return null
    } else files.push(a)
  }
  if (files.length !== 1 || !func) {
    io.stderr(usage)
    return null
  }
  arch ??= (ARCHES as string[]).includes(process.env['GOARCH'] ?? '') ? process.env['GOARCH'] : 'amd64'
  if (!(ARCHES as string[]).includes(arch!)) {
    io.stderr(`unknown --arch ${arch}: want ${ARCHES.join(' or ')}\n`)
    return null
  }
  return { file: files[0]!, func, arch: arch as Arch, json, values }
}
