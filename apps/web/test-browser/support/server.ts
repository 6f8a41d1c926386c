// Starts the real lvping server as a child process on a free port with a fresh data directory,
// exactly as `npm start` would, and serves the built web app from apps/web/dist.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const webDist = join(repoRoot, 'apps/web/dist/index.html');
const serverMain = join(repoRoot, 'apps/server/src/main.ts');

export type RunningServer = {
  baseUrl: string;
  /** Its data directory (the SQLite database is lvping.sqlite in it); removed when it stops. */
  dataDir: string;
  /** Everything the server printed (the first admin's one-time password is in it). */
  output: () => string;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The server serves whatever dist/ holds when it starts, so build it first when it is missing. */
export function ensureWebBuilt(): void {
  if (existsSync(webDist)) return;
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building apps/web failed');
}

async function waitReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready within ${timeoutMs} ms:\n${output()}`);
}

/**
 * The journeys sign up and sign in many people from 127.0.0.1 and follow no sign-up link:
 * sign-up signs in at once, and every rate limit is on but far away.
 */
const testLimits: Record<string, string> = {
  REGISTRATION_VERIFY_EMAIL: '0',
  ...Object.fromEntries(['LOGIN', 'REGISTER', 'PASSWORD_RESET', 'MAIL_PER_ADDRESS', 'PASSWORD_RESET_CONFIRM', 'PASSWORD_CHANGE', 'UPLOAD', 'PUBLIC_FORM', 'PUBLIC_LOOKUP'].map((k) => [`RATE_LIMIT_${k}`, '100000/1h'])),
};

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(serverMain)) throw new Error(`server entry missing: ${serverMain}`);
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lvping-web-test-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    cwd: repoRoot,
    // Jobs (mail) polled every 100 ms: a journey's next step finds its mail without waiting long.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', JOBS_POLL_MS: '100', ...testLimits, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const output = () => log;
  try {
    await waitReady(baseUrl, child, output, 60_000);
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    baseUrl,
    dataDir,
    output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The one-time password the server prints for the first platform admin on a fresh data directory. */
export function firstAdminCredentials(output: string): { email: string; password: string } | null {
  const email = /email:\s+(\S+)/.exec(output)?.[1];
  const password = /password:\s+(\S+)/.exec(output)?.[1];
  return email && password ? { email, password } : null;
}
