// The arguments the per-function commands share (ssa, allocs, mergelocals,
// asm): `FILE.go --func F [--arch A] [--json]` plus command-specific flags
// with a value (`--pass P`, `--trace=N`). --arch defaults to $GOARCH, else amd64.

import type { Arch } from '../protocol/model'
import type { CliIO } from './cli'
import { scanArgs } from './args'

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
  const own = Object.fromEntries(valueFlags.map((f) => [`--${f}`, f]))
  const scanned = scanArgs(args, { values: { ...own, '--func': 'func', '--arch': 'arch' }, switches: { '--json': 'json' } }, usage, io)
  if (!scanned) return null
  const { files, flags } = scanned
  const func = flags['func']
  let arch: string | undefined = flags['arch']
  const json = flags['json'] === 'true'
  const values = Object.fromEntries(valueFlags.filter((f) => flags[f] !== undefined).map((f) => [f, flags[f]!]))
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
