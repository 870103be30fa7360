/**
 * The command-line entry as one bundle (dist/bin/biomarkit.js), built from tsc's output.
 *
 * Why: Node 20 loads ES modules one file at a time; the CLI's ~180 modules plus d3's and zod's
 * took ~0.55 s before any work (`biomarkit --version`: 0.68 s against 0.13 s for bare node), paid
 * by every command. One file loads in ~0.15 s. The library (dist/src) stays unbundled for importers.
 * @resvg/resvg-js stays external: a native module, loaded only for --png.
 */
import { defineConfig } from 'rolldown'

export default defineConfig({
  // The MAF reader's worker thread (src/scale/read/parallel.ts) is found as ./parse-worker.js beside the
  // module that starts it: dist/src/scale/read for the library, dist/bin for the bundle.
  // Likewise scanSurvival's worker (src/scan/survival-threads.ts): ./survival-worker.js beside it.
  input: { biomarkit: 'dist/cli/main.js', 'parse-worker': 'dist/src/scale/read/parse-worker.js', 'survival-worker': 'dist/src/scan/survival-worker.js' },
  platform: 'node',
  logLevel: 'warn',
  external: ['@resvg/resvg-js'],
  output: { dir: 'dist/bin', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'shared-[name].js' },
})
