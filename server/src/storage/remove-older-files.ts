import fsp from 'node:fs/promises';
import path from 'node:path';

/** Removes the files under dir (recursively) that match and were last changed longer than ageMs ago. */
export async function removeOlderFiles(dir: string, ageMs: number, match: (name: string) => boolean): Promise<number> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0; // no such folder yet
  }
  const cutoff = Date.now() - ageMs;
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !match(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const stat = await fsp.stat(full).catch(() => null);
    if (stat && stat.mtimeMs < cutoff) {
      await fsp.rm(full, { force: true });
      removed++;
    }
  }
  return removed;
}
