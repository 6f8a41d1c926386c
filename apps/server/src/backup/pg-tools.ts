import { spawn, spawnSync } from 'node:child_process';

// pg_dump / pg_restore as child processes. The password travels in PGPASSWORD, never in argv
// (which other local users can read in the process list).

export function pgToolAvailable(tool: 'pg_dump' | 'pg_restore'): boolean {
  const r = spawnSync(tool, ['--version'], { stdio: 'ignore' });
  return r.status === 0;
}

function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env };
}

export async function runPgTool(tool: 'pg_dump' | 'pg_restore', databaseUrl: string, args: string[]): Promise<void> {
  const { dbname, env } = connection(databaseUrl);
  const child = spawn(tool, [...args, `--dbname=${dbname}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    if (stderr.length < 20_000) stderr += b.toString();
  });
  const [code, err] = await new Promise<[number | null, Error | null]>((resolve) => {
    child.once('error', (e) => resolve([null, e]));
    child.once('close', (c) => resolve([c, null]));
  });
  if (err) throw new Error(`${tool} could not run: ${err.message}`);
  if (code !== 0) throw new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`);
}
