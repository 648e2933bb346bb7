import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js fetches these on demand (CJK cmaps, non-embedded standard fonts, JPX/ICC wasm). */
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts', 'wasm'] as const;
const PDFJS_PUBLIC_PATH = '/pdfjs/';
/** Where `vite dev` sends /api and /socket.io (the server's default port unless told otherwise). */
const apiTarget = process.env.HOPSO_API_URL ?? 'http://localhost:3000';

/**
 * Serves pdf.js's data files at /pdfjs/* in dev and copies them into dist on build,
 * so the viewer can set cMapUrl / standardFontDataUrl / wasmUrl without a copy plugin dependency.
 */
function pdfjsAssets(): Plugin {
  let outDir = '';
  return {
    name: 'hopso-pdfjs-assets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(PDFJS_PUBLIC_PATH, (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '').split('?')[0])).replace(/^([/\\])+/, '');
        const [dir] = rel.split(/[/\\]/);
        const file = join(pdfjsRoot, rel);
        if (!PDFJS_ASSET_DIRS.includes(dir as (typeof PDFJS_ASSET_DIRS)[number]) || !file.startsWith(pdfjsRoot) || !existsSync(file) || !statSync(file).isFile()) {
          next();
          return;
        }
        if (file.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const dir of PDFJS_ASSET_DIRS) {
        cpSync(join(pdfjsRoot, dir), join(outDir, 'pdfjs', dir), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), pdfjsAssets()],
  resolve: {
    alias: { '@hopso/shared': resolve(here, '../shared/src/index.ts') },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      treeshake: {
        // shared/ only declares constants and zod schemas: a route that needs none of its schemas
        // (the delegate's meeting list and meeting page) then ships without zod.
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
      output: {
        // zod (for the forms) in a chunk of its own name, loaded with the first form
        advancedChunks: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
