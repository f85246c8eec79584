import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite's esbuild compiles JSX (automatic runtime) on its own, and the
// plugin's current major does not install on this Node 20 machine.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  server: { proxy: { '/api': { target: 'http://localhost:3000', ws: true } } },
});
