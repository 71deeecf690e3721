import { defineConfig, loadEnv } from 'vite'
import vue from '@vitejs/plugin-vue'
import tailwindcss from '@tailwindcss/vite'

// `npm run dev` proxies the API and socket.io to VITE_API_URL (default http://localhost:5000), so the browser sees one
// origin, exactly like the jar serving the built app.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '')
  const api = env.VITE_API_URL || 'http://localhost:5000'
  return {
    plugins: [vue(), tailwindcss()],
    server: {
      proxy: {
        '/api': { target: api, changeOrigin: true },
        '/socket.io': { target: env.VITE_WS_URL || api, ws: true, changeOrigin: true },
      },
    },
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
    test: {
      environment: 'jsdom',
      include: ['tests/**/*.test.ts', 'src/widget/**/*.test.ts'],
    },
  }
})
