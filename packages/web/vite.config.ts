import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite's esbuild compiles JSX (automatic runtime) on its own, and the
// plugin's current major does not install on this Node 20 machine.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      // antd and react-router mark their modules "use client" (a React Server Components hint that
      // means nothing in a client bundle); Rollup warns once per module.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': { target: 'http://localhost:3000', ws: true } } },
});
