// Opening gc's ssa.html: a chosen or dropped file (read here, sent as text)
// or a path from the desktop menu (read by the service); then its function,
// arch and first pass are selected.

import { MAX_SSA_HTML_BYTES } from '../../src-main/protocol/api'
import { useDocument } from './stores/document'
import { useSelection } from './stores/selection'

export async function importSsaHtml(file: File | { path: string }): Promise<boolean> {
  const doc = useDocument()
  const sel = useSelection()
  let args: { name: string; text: string } | { name: string; path: string }
  if ('path' in file) args = { name: file.path, path: file.path }
  else {
    if (!/\.html?$/i.test(file.name)) {
      doc.error = `${file.name}: not an ssa.html file (.html); GOSSAFUNC=F go build writes one`
      return false
    }
    if (file.size > MAX_SSA_HTML_BYTES) {
      doc.error = `${file.name}: ${file.size} bytes is larger than the ${MAX_SSA_HTML_BYTES}-byte limit`
      return false
    }
    args = { name: file.name, text: await file.text() }
  }
  const r = await doc.importSsaHtml(args)
  if (!r) return false
  sel.selectFunc(r.trace.func)
  if (r.trace.arch === 'amd64' || r.trace.arch === 'ppc64') sel.arch = r.trace.arch
  sel.setPass(null)
  if (sel.view === 'escape' || sel.view === 'allocs' || sel.view === 'liveness' || sel.view === 'compare') sel.view = 'ssa'
  return true
}
