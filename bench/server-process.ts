// Starts bench/serve.ts as a child process and waits for its port.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Ctx } from './scenario.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const serveFile = fileURLToPath(new URL('./serve.ts', import.meta.url));
// Generous: on a shared 2-core box a second cluster worker can take half a minute to load.
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 5_000;

export type ServerProcess = { url: string; pid: number };

export type ServeTarget = 'bare' | 'bare-write' | 'lvping';

/** Spawns the server; its stop is deferred on ctx before it even starts listening. */
export async function startServer(ctx: Ctx, target: ServeTarget, env: Record<string, string> = {}): Promise<ServerProcess> {
  ctx.signal.throwIfAborted();
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g.
  // "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its time goes.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', serveFile, target], {
    cwd: root, // `--import tsx` resolves from here
    env: { ...process.env, PORT: '0', ...env }, // a free port unless told otherwise, whatever the shell's PORT
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let alive = child.pid !== undefined; // undefined: spawn itself failed ('error' follows)
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      resolve([code, signal]);
    });
  });
  child.stdin.on('error', () => {}); // EPIPE if it already died; 'exit' reports that

  ctx.defer(async () => {
    if (!alive) return;
    child.stdin.end(); // serve.ts closes the app and database gracefully on this…
    child.kill('SIGTERM'); // …or on this
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  });

  // Anything the server says besides the ready line (warnings, errors) goes to our stderr.
  const tag = `[serve ${target} ${child.pid}]`;
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    console.error(`${tag} ${line}`);
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${tag} not ready after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^BENCH_READY (\d+)$/.exec(line);
      if (!m) return console.error(`${tag} ${line}`);
      clearTimeout(timer);
      resolve(Number(m[1]));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // 'close' rather than 'exit': by then its last stderr lines have been read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${tag} exited before listening (code ${code}, signal ${signal}):\n${stderrTail.join('\n')}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid! };
}
