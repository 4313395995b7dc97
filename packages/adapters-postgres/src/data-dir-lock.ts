import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PostgresAdapterError } from './postgres-adapter-error.ts';

/** The lock file's name inside a PGlite data directory (Postgres ignores unknown files there). */
export const DATA_DIR_LOCK_FILE = 'zenslackchat.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process: PGlite itself lets two instances open one directory,
 * and two writers corrupt it. A lock left by a process that no longer runs is taken over. Throws
 * `PostgresAdapterError` (`postgres.data_dir_locked`) while another instance holds it; returns the
 * release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, DATA_DIR_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (holder === process.pid || (holder > 0 && isAlive(holder))) {
        throw new PostgresAdapterError(
          'postgres.data_dir_locked',
          `the data directory ${dataDir} is in use by process ${holder}; if it is not, delete ${file}`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new PostgresAdapterError('postgres.data_dir_locked', `could not lock the data directory ${dataDir}`);
}
