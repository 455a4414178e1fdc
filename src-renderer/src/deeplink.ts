// Deep links: ?example=NAME, ?file=PATH or ?pkg=DIR (the real gc on a package,
// &go=go1.27.0 for another release, &noinline=1 for -l), with
// &func=F&arch=A&pass=P&view=V&value=vN and &cmp=arch|engine|toolchain.
// Users share views this way, and the e2e tests start from them.

export const ARCHES = ['amd64', 'ppc64'] as const
export type Arch = (typeof ARCHES)[number]
export const VIEWS = ['ssa', 'asm', 'escape', 'cfg', 'allocs', 'liveness', 'compare'] as const
export type View = (typeof VIEWS)[number]

/** What the comparison view puts side by side: the two arches, the embedded pipeline and the real gc, or two gc releases. */
export const COMPARE_MODES = ['arch', 'engine', 'toolchain'] as const
export type CompareMode = (typeof COMPARE_MODES)[number]

export interface DeepLink {
  example?: string
  file?: string
  /** A package directory on the machine the service runs on: its functions as the real gc compiles them. */
  pkg?: string
  /** The gc release for a package (default: the service's go). */
  go?: string
  noInline?: boolean
  cmp?: CompareMode
  func?: string
  arch?: Arch
  pass?: string
  view?: View
  /** The selected value (`vN`) or block (`bN`). */
  value?: string
}

export function parseDeepLink(search: string): DeepLink {
  const q = new URLSearchParams(search)
  const link: DeepLink = {}
  const example = q.get('example')
  const file = q.get('file')
  const pkg = q.get('pkg')
  if (example) link.example = example
  else if (file) link.file = file
  else if (pkg) link.pkg = pkg
  const go = q.get('go')
  if (go && /^go1\.\d+(\.\d+)?((rc|beta)\d+)?$/.test(go)) link.go = go
  if (q.get('noinline') === '1') link.noInline = true
  const cmp = q.get('cmp')
  if (cmp && (COMPARE_MODES as readonly string[]).includes(cmp)) link.cmp = cmp as CompareMode
  const func = q.get('func')
  if (func) link.func = func
  const arch = q.get('arch')
  if (arch && (ARCHES as readonly string[]).includes(arch)) link.arch = arch as Arch
  const pass = q.get('pass')
  if (pass) link.pass = pass
  const view = q.get('view')
  if (view && (VIEWS as readonly string[]).includes(view)) link.view = view as View
  const value = q.get('value')
  if (value && /^[vb]\d+$/.test(value)) link.value = value
  return link
}

export function formatDeepLink(link: DeepLink): string {
  const q = new URLSearchParams()
  if (link.example) q.set('example', link.example)
  else if (link.file) q.set('file', link.file)
  else if (link.pkg) q.set('pkg', link.pkg)
  if (link.go) q.set('go', link.go)
  if (link.noInline) q.set('noinline', '1')
  if (link.func) q.set('func', link.func)
  if (link.arch) q.set('arch', link.arch)
  if (link.pass) q.set('pass', link.pass)
  if (link.view) q.set('view', link.view)
  if (link.value) q.set('value', link.value)
  if (link.cmp && link.cmp !== 'arch') q.set('cmp', link.cmp)
  const s = q.toString()
  return s ? `?${s}` : ''
}
