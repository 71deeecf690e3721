import { defineConfig } from 'vite'

// The embeddable chat widget (src/widget): one self-contained script, dist/widget.js, built after the web app
// into the same dist folder (so the jar serves it at /widget.js). An IIFE, not a module, so a plain
// <script src async> tag on any site runs it.
export default defineConfig({
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: false, // the web app was just built here
    copyPublicDir: false,
    sourcemap: false,
    lib: {
      entry: 'src/widget/index.ts',
      name: 'HummDeskWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
})
