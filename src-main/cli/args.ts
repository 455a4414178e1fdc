// One scanner for every command's arguments: `--flag V`, `--flag=V`, boolean
// `--flag`, and the positional files; an unknown flag prints the usage.

import type { CliIO } from './cli'

export interface ArgSpec {
  /** Flags that take a value, each spelling mapped to its key (`'-o': 'out'`). */
  values: Record<string, string>
  /** Flags without a value, each spelling mapped to its key. */
  switches?: Record<string, string>
}

export interface ScannedArgs {
  /** Each given flag's value by key (the last one wins); switches are 'true'. */
  flags: Record<string, string>
  /** Keys of value flags given without a value (at the end of the line). */
  missing: string[]
  files: string[]
}

/** The scanned arguments, or null after printing the unknown flag and the usage. */
export function scanArgs(args: string[], spec: ArgSpec, usage: string, io: CliIO): ScannedArgs | null {
  const out: ScannedArgs = { flags: {}, missing: [], files: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const flag = eq > 0 ? a.slice(0, eq) : a
    const valueKey = Object.hasOwn(spec.values, flag) ? spec.values[flag]! : undefined
    const switchKey = spec.switches && Object.hasOwn(spec.switches, flag) && eq < 0 ? spec.switches[flag]! : undefined
    if (valueKey !== undefined) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i]
      if (v === undefined) out.missing.push(valueKey)
      else out.flags[valueKey] = v
    } else if (switchKey !== undefined) out.flags[switchKey] = 'true'
    else if (a.startsWith('-')) {
      io.stderr(`unknown flag ${a}\n${usage}`)
      return null
    } else out.files.push(a)
  }
  return out
}
