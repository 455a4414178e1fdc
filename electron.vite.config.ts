import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './src-main/server/csp'

/** The built page carries the CSP itself too (without frame-ancestors, which only a header can carry: browser mode and the app's own protocol send it). */
function cspMeta(): Plugin {
  return {
    name: 'ssascope-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ],
  }
}

/** After the renderer, the exported report's page: the same views in one self-contained file (vite.report.config.mts). */
function reportPage(): Plugin {
  return {
    name: 'ssascope-report-page',
    apply: 'build',
    async closeBundle() {
      const { build } = await import('vite')
      await build({ configFile: resolve('vite.report.config.mts') })
    },
  }
}

// Node-side entries share one build: the Electron main process, the pipeline
// worker, the browser-mode server and the CLI. Only index.ts imports Electron.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The bench's UI figures load Playwright at run time (a devDependency: never bundled).
      externalizeDeps: { include: ['playwright-core'] },
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          worker: resolve('src-main/worker/index.ts'),
          server: resolve('src-main/server/main.ts'),
          cli: resolve('src-main/cli/main.ts'),
          bench: resolve('src-main/bench/main.ts'),
          fuzz: resolve('src-main/fuzz/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        // A sandboxed preload cannot load ES modules or sibling chunks.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [vue(), cspMeta(), reportPage()],
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
})
