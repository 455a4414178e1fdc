// The type checker's entry point: checkFile resolves every package-level
// declaration (in any order), checks function bodies, orders package
// initialisation, and returns the side tables later phases read.

import type { Diagnostic } from '../../protocol/model'
import type * as A from '../syntax/ast'
import type { SourceText } from '../syntax/source'
import { Checker } from './checker'
import { objDecl } from './decls'
import { collectMethods, collectObjects } from './package'
import { validType } from './validtype'
import { funcBody } from './functions'
import type { TypeInfo } from './info'
import { initOrder } from './initorder'
import { checkImports, declareImports } from './imports'
import { resolveStaticCalls } from './staticfuncs'
import { pruneDeadCode } from './deadcode'
import { deadLocals } from './deadlocals'
import { trimCaptures } from './constops'
import { listFunctions } from '../syntax/functions'

export interface CheckResult {
  info: TypeInfo
  diagnostics: Diagnostic[]
}

/** `checkCancelled` is called every few hundred declarations and function bodies; what it throws abandons the check. */
export function checkFile(file: A.File, source: SourceText, checkCancelled: () => void = () => {}, fileStarts?: number[]): CheckResult {
  const c = new Checker(file, source, checkCancelled, fileStarts)
  try {
    checkPackage(c)
  } catch (e) {
    // Pathologically deep expressions exhaust the JavaScript stack: refuse them clearly.
    if (!(e instanceof RangeError)) throw e
    c.unsupported(file.pos, file.pos, 'nesting too deep')
  }
  return { info: c.info, diagnostics: c.errors.diagnostics() }
}

function checkPackage(c: Checker): void {
  declareImports(c)
  const { methods, objects } = collectObjects(c)

  // Types first (defined ones before aliases), so methods can be attached.
  const typeNames = objects.filter((o) => o.kind === 'typename')
  for (const o of typeNames) if (!o.alias) objDecl(c, o)
  for (const o of typeNames) if (o.alias) objDecl(c, o)
  for (const o of typeNames) if (o.type.kind === 'named') validType(c, o.type)
  collectMethods(c, methods)

  for (const o of objects) {
    c.tick()
    objDecl(c, o)
  }

  for (const f of c.info.funcs) {
    const body = f.decl.body
    const info = c.info.functions.get(f.decl)
    const scope = c.funcScopes.get(f.decl)
    if (!body || !info || !scope) continue
    c.tick()
    c.decl = c.declInfos.get(f) ?? null
    funcBody(c, f.decl, body, info, scope)
    c.decl = null
  }

  checkImports(c)
  initOrder(c)
  c.flushUntyped()
  // What gc's front end drops before escape analysis (only a file without errors gets that far):
  // dead code (closures there lose their names), then dead locals (closures keep theirs).
  if (c.errors.diagnostics().length === 0) {
    c.info.pruned = pruneDeadCode(c, c.file)
    const outline = listFunctions(c.file, c.source)
    trimCaptures(c.file, c.info)
    c.info.deadLocalLits = deadLocals(c.file, c.info)
    if (c.info.pruned || c.info.deadLocalLits.size > 0) c.info.outline = outline
  }
  resolveStaticCalls(c)
}
