// Loads one of the web client's TypeScript modules (a pure one, with type-only imports) into a
// benchmark, so a bench measures the client's own logic rather than a copy of it. Node 20 cannot
// run TypeScript, so the file is transpiled with the repo's typescript into a temporary module.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { ROOT } from './server.mjs';

export async function importWebModule(relativePath) {
  const source = fs.readFileSync(path.join(ROOT, relativePath), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hopso-bench-')), `${path.basename(relativePath, '.ts')}.mjs`);
  fs.writeFileSync(file, outputText);
  return import(pathToFileURL(file).href);
}
