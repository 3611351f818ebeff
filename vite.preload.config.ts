/**
 * Bundles the sandboxed preload (preload/index.ts + the contract it imports, zod included) into ONE
 * CommonJS file, dist/preload/index.cjs. A sandboxed preload's require() only knows 'electron' and a
 * few built-ins, so nothing else may stay external. Run after tsc (which also writes dist/preload/).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/preload',
    // tsc's output lives in the same folder (dist/preload/api.js, used by the main process).
    emptyOutDir: false,
    copyPublicDir: false,
    // Electron 45 ships Chromium 140.
    target: 'chrome140',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'preload/index.ts',
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
      output: { codeSplitting: false },
    },
  },
});
