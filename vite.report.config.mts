// The exported report's page (src-renderer/report.html → out/report/report.html):
// the renderer's own App and views over the report's API, every script and
// style inlined into the one file (vite-plugin-singlefile), so a report is one
// file that opens from disk. electron-vite's build runs this after the renderer.
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { viteSingleFile } from 'vite-plugin-singlefile'

const here = dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: resolve(here, 'src-renderer'),
  base: './',
  plugins: [vue(), viteSingleFile({ removeViteModuleLoader: true })],
  logLevel: 'warn',
  build: {
    outDir: resolve(here, 'out/report'),
    emptyOutDir: true,
    // No preload helper: a single inlined module loads nothing.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 10_000,
    rollupOptions: { input: { report: resolve(here, 'src-renderer/report.html') } },
  },
})
