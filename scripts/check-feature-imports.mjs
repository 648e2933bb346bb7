// Fails when web features import each other in a cycle (run by `npm run lint`).
// A feature is a folder of web/src/features; an edge A → B is any file of A importing a file of B.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'src', 'features');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx)$/.test(name) && !/\.spec\.tsx?$/.test(name)) yield path;
  }
}

const featureOf = (path) => relative(root, path).split(sep)[0];
const graph = new Map();
for (const feature of readdirSync(root)) if (statSync(join(root, feature)).isDirectory()) graph.set(feature, new Map());

for (const file of files(root)) {
  const from = featureOf(file);
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(root + sep)) continue;
    const to = featureOf(target);
    if (to === from) continue;
    const edges = graph.get(from);
    if (!edges.has(to)) edges.set(to, relative(root, file));
  }
}

// Tarjan's strongly connected components: any component of two or more features is a cycle
let index = 0;
const stack = [];
const meta = new Map();
const cycles = [];
function visit(v) {
  meta.set(v, { index, low: index, onStack: true });
  index += 1;
  stack.push(v);
  for (const w of graph.get(v).keys()) {
    if (!meta.has(w)) {
      visit(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
}
for (const v of graph.keys()) if (!meta.has(v)) visit(v);

if (process.argv.includes('--graph')) {
  for (const [from, edges] of graph) if (edges.size) console.log(`${from} → ${[...edges.keys()].join(', ')}`);
}
if (cycles.length) {
  console.error('Import cycles between web features:');
  for (const component of cycles) {
    const inside = new Set(component);
    console.error(`  ${component.join(' ↔ ')}`);
    for (const from of component) {
      for (const [to, file] of graph.get(from)) if (inside.has(to)) console.error(`    ${from} → ${to} (e.g. ${file})`);
    }
  }
  process.exit(1);
}
