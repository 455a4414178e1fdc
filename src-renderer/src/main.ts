import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createApi } from './api/client'
import { parseDeepLink } from './deeplink'
import { useSession } from './stores/session'
import './style.css'

const app = createApp(App)
app.use(createPinia())
app.mount('#app')

const session = useSession()
const api = createApi()
void session.connect(api).then(() => session.applyDeepLink(parseDeepLink(location.search)))

window.ssascope?.onMenu((command) => {
  if (command.kind === 'open-file') void session.openFile(command.path)
  else if (command.kind === 'open-example') void session.openExample(command.name)
  else if (command.kind === 'show-shortcuts') session.shortcutsOpen = true
})
