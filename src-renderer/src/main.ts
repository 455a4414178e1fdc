import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createApi } from './api/client'
import { setApi } from './api/instance'
import { parseDeepLink } from './deeplink'
import { useDocument } from './stores/document'
import { useExporter } from './stores/exporter'
import { useSelection } from './stores/selection'
import { importSsaHtml } from './importer'
import './style.css'

setApi(createApi())
const app = createApp(App)
app.use(createPinia())
app.mount('#app')

const doc = useDocument()
const sel = useSelection()
void doc.connect().then(() => sel.applyDeepLink(parseDeepLink(location.search)))

window.ssascope?.onMenu((command) => {
  if (command.kind === 'open-file') void doc.openFile(command.path)
  else if (command.kind === 'open-package') void doc.openPackage(command.dir)
  else if (command.kind === 'open-example') void doc.openExample(command.name)
  else if (command.kind === 'import-ssa-html') void importSsaHtml({ path: command.path })
  else if (command.kind === 'show-shortcuts') sel.shortcutsOpen = true
  else if (command.kind === 'export-report') void useExporter().run()
})
