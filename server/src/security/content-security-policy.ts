import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * The CSP of every response. Scripts only from this origin, plus the inline script of index.html by
 * its hash (it starts the first reads, see web/index.html); 'wasm-unsafe-eval' because pdf.js decodes
 * JPX and ICC images with WebAssembly; workers from this origin (pdf.js's worker, the service
 * worker) and blob: ones; images from data: and blob: (the icon, pdf.js's image masks); no eval,
 * no plugins, no framing, no form posting elsewhere.
 */
export function contentSecurityPolicy(indexHtmlPath: string): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...inlineScriptHashes(indexHtmlPath)],
    // React's style attributes and pdf.js's text layer positions are set through the DOM, which a
    // CSP does not cover; 'unsafe-inline' is for the <style> pdf.js writes its font rules into
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'media-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** 'sha256-…' of each inline <script> of the built index.html (none when the web app is not built). */
export function inlineScriptHashes(indexHtmlPath: string): string[] {
  if (!fs.existsSync(indexHtmlPath)) return [];
  const html = fs.readFileSync(indexHtmlPath, 'utf8');
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(match[1])) continue;
    hashes.push(`'sha256-${crypto.createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}
