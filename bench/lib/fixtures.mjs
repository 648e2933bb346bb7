// The test and benchmark inputs (fixtures/), compiled by `npm run build` into fixtures/dist;
// they are never part of the server's build.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './server.mjs';

const require = createRequire(import.meta.url);
const INDEX = path.join(ROOT, 'fixtures/dist/fixtures/index.js');
if (!fs.existsSync(INDEX)) throw new Error(`${INDEX} is missing: build first (npm run build)`);

/** buildLongPdf, the hostile inputs, scanPdf… (see fixtures/index.ts). */
export const fixtures = require(INDEX);
