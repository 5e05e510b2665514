import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// ANALYZE=1 writes dist/stats.html: what each chunk holds, raw and gzip (rollup-plugin-visualizer).
const analyze = process.env.ANALYZE
  ? [
      (await import('rollup-plugin-visualizer')).visualizer({
        filename: process.env.ANALYZE === 'json' ? 'dist/stats.json' : 'dist/stats.html',
        template: process.env.ANALYZE === 'json' ? 'raw-data' : 'treemap',
        gzipSize: true,
      }) as PluginOption,
    ]
  : [];

export default defineConfig({
  plugins: [react(), ...analyze],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { console: resolve(import.meta.dirname, 'index.html'), h5: resolve(import.meta.dirname, 'h5.html') },
      output: {
        // Named vendor chunks change only when the library does, so a browser keeps them across our releases.
        // Ant Design is left to the automatic split: one antd chunk would pull every component into the first load.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/open311': 'http://localhost:3000' } },
});
