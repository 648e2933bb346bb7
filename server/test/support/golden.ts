import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Compares `actual` with the committed golden file `dir/name`; `HOPSO_UPDATE_GOLDEN=1` rewrites it
 * after a deliberate change (review the diff), and a missing one is written for review.
 */
export function golden(dir: string, name: string, actual: string): void {
  const file = join(dir, name);
  if (process.env.HOPSO_UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
