// Shared helpers for the type checker's tests: check a Go source string.

import { parseFile } from '../../src-main/compiler/syntax/parse'
import { checkFile, type CheckResult } from '../../src-main/compiler/types/check'
import type { Type } from '../../src-main/compiler/types/types'
import { formatDiagnostic } from '../../src-main/protocol/model'

/** Parses and checks `src` as ./p.go; syntax errors fail the test. */
export async function check(src: string): Promise<CheckResult & { lines: string[] }> {
  const { file, source, diagnostics } = await parseFile('./p.go', src)
  if (diagnostics.length > 0) throw new Error(`unexpected syntax errors:\n${diagnostics.map(formatDiagnostic).join('\n')}`)
  const r = checkFile(file, source)
  return { ...r, lines: r.diagnostics.map(formatDiagnostic) }
}

/** Our diagnostics for a file body (`package p` is prepended), as gc prints them. */
export async function diagnose(body: string): Promise<string[]> {
  return (await check(`package p\n\n${body}`)).lines
}

/** The type declared as `name` at package level in `src`. */
export async function declaredType(src: string, name: string): Promise<Type> {
  const { info, lines } = await check(src)
  if (lines.length > 0) throw new Error(lines.join('\n'))
  const obj = info.typeNames.find((t) => t.name === name)
  if (!obj) throw new Error(`no type ${name}`)
  return obj.type
}
