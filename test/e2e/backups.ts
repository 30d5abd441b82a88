// Where hot exit keeps unsaved text: VS Code backs up a dirty editor a moment after the edit,
// under the profile's Backups folder (code-server keeps the profile on the server's disk). A
// test that reloads the window waits until the backup holds the text, instead of for a time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunDir } from '../harness/runDir';

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function backupHolds(run: RunDir, text: string): boolean {
  return filesUnder(path.join(run.userData, 'User', 'Backups')).some((file) => {
    try {
      return readFileSync(file, 'utf8').includes(text);
    } catch {
      return false; // being written
    }
  });
}

/** Resolves once a backup under the run's profile holds `text`; polls the disk. */
export async function waitForBackup(run: RunDir, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!backupHolds(run, text)) {
    if (Date.now() > deadline) {
      const found = filesUnder(run.userData).filter((f) => f.includes('Backups'));
      throw new Error(`No hot-exit backup holds "${text}" after ${timeoutMs / 1000} s (backup files: ${found.length ? found.join(', ') : 'none'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
