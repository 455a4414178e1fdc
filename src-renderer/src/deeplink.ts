// Deep links: ?example=NAME or ?file=PATH, with &func=F&arch=A&pass=P&view=V&value=vN.
// Users share views this way, and the e2e tests start from them.

export const ARCHES = ['amd64', 'ppc64'] as const
export type Arch = (typeof ARCHES)[number]
export const VIEWS = ['ssa', 'asm', 'escape', 'cfg', 'allocs', 'liveness', 'compare'] as const
export type View = (typeof VIEWS)[number]

export interface DeepLink {
  example?: string
  file?: string
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
  if (example) link.example = example
  else if (file) link.file = file
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
  if (link.func) q.set('func', link.func)
  if (link.arch) q.set('arch', link.arch)
  if (link.pass) q.set('pass', link.pass)
  if (link.view) q.set('view', link.view)
  if (link.value) q.set('value', link.value)
  const s = q.toString()
  return s ? `?${s}` : ''
}
