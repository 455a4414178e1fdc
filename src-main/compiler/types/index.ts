// The type checker's public API: checkFile and the facts it produces.

export { checkFile, type CheckResult } from './check'
export type * from './info'
export type { BuiltinId, BuiltinObj, ConstObj, FuncObj, LabelObj, Obj, Scope, TypeNameObj, Var, VarKind } from './objects'
export * from './types'
export { constantString, type Constant } from './constant'
