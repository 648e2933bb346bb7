import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

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

/**
 * Brotli at its best quality, once at build time (the server serves these .br files as they are):
 * about a fifth smaller than the on-the-fly compression a server can afford per request, which on
 * a 1.6 Mbps line is a quarter of a second off the first load.
 */
const precompressed = compression({
  include: /\.(js|mjs|css)$/,
  threshold: 1024,
  algorithms: [defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })],
});

/**
 * PWA: the manifest (installable on Android and desktop, in Vietnamese) and a Workbox service
 * worker that precaches the built app shell, so the app opens with no connection once it has been
 * opened online. It never serves /api or /socket.io: offline data lives in IndexedDB
 * (features/offline), where the app decides what is current. New versions wait for the user to
 * reload (registerType 'prompt'): an automatic reload could interrupt a comment being written.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['icons/apple-touch-icon.png', 'icons/icon.svg'],
  manifest: {
    id: '/',
    name: 'hopso – Họp số',
    short_name: 'Họp số',
    description: 'Kỳ họp không giấy của Hội đồng nhân dân: đọc tài liệu, đánh dấu, ghi chú và góp ý, cả khi không có mạng.',
    lang: 'vi',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#0b3d91',
    background_color: '#f3f5f9',
    categories: ['productivity', 'government'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // every hashed chunk (pdf.js and its worker included), so a document opens offline too
    globPatterns: ['**/*.{js,mjs,css,html,png,svg,webmanifest}'],
    globIgnores: ['pdfjs/**'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    runtimeCaching: [
      {
        // pdf.js's fonts, cmaps and wasm are fetched only by PDFs that need them: kept once used
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/pdfjs/'),
        handler: 'CacheFirst',
        options: { cacheName: 'hopso-pdfjs-assets', expiration: { maxEntries: 300 } },
      },
    ],
  },
});

export default defineConfig({
  root: here,
  plugins: [react(), pdfjsAssets(), pwa, precompressed],
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
        // (zod.ts is the exception: it sets zod up for the CSP before any schema is built)
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/](?!zod\.ts$)/, sideEffects: false }],
      },
      output: {
        // zod (for the forms) in a chunk of its own name, loaded with the first form; shared/src/zod.ts
        // with it, so zod is set up for the CSP before any module that builds a schema runs
        advancedChunks: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]shared[\\/]src[\\/]zod\.ts$/ }] },
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
