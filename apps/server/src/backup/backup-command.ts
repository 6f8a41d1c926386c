import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { createBackup } from './backup.ts';
import { restoreBackup, RestoreRefused } from './restore.ts';

// The CLI's `backup` and `restore`: they open the database themselves (restore must find it empty,
// so nothing may migrate it first). Exit 0 done, 1 failed or refused (with why), 2 bad arguments.

export async function runBackup(values: { out?: string; logical?: boolean }): Promise<number> {
  if (!values.out) {
    console.error('backup needs --out <file> (.tar, or .tar.gz / .tgz to compress)');
    return 2;
  }
  try {
    await createBackup(loadConfig(), resolve(values.out), { logical: values.logical, say: (l) => console.log(l) });
    return 0;
  } catch (e) {
    console.error(`backup failed: ${e instanceof Error ? e.message : e}`);
    return 1;
  }
}

export async function runRestore(file: string | undefined): Promise<number> {
  if (!file) {
    console.error('restore needs the backup file: npm run cli -- restore <file>');
    return 2;
  }
  try {
    await restoreBackup(loadConfig(), resolve(file), (l) => console.log(l));
    return 0;
  } catch (e) {
    console.error(`${e instanceof RestoreRefused ? 'restore refused' : 'restore failed'}: ${e instanceof Error ? e.message : e}`);
    return 1;
  }
}
