// Renders the PWA icons (public/icons/*.png) from public/icons/icon.svg with headless Chromium.
// Run once after changing the SVG: node web/scripts/render-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
async function render(file, size, { maskable = false } = {}) {
  await page.setViewportSize({ width: size, height: size });
  // a maskable icon keeps its drawing inside the middle 80 % (the launcher crops to a circle or squircle)
  const inner = maskable ? svg.replace('rx="96"', 'rx="0"').replace('viewBox="0 0 512 512"', 'viewBox="-64 -64 640 640"') : svg;
  const body = maskable ? `<div style="width:${size}px;height:${size}px;background:#0b3d91">${inner}</div>` : inner;
  await page.setContent(`<html><body style="margin:0;background:transparent">${body.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: path.join(dir, file), omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
}
await render('icon-192.png', 192);
await render('icon-512.png', 512);
await render('maskable-512.png', 512, { maskable: true });
await render('apple-touch-icon.png', 180, { maskable: true });
await browser.close();
