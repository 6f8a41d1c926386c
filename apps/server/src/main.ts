import cluster from 'node:cluster';
import { doesStartupWork, reportListening, superviseWorkers, workerCount } from './cluster.ts';

/** One server process: build the app, do the start work if it is ours, listen. */
async function serve(): Promise<void> {
  // Imported here, so a cluster's primary (which only supervises) never loads the app.
  const { loadConfig } = await import('./config.ts');
  const { buildApp } = await import('./app.ts');
  const { installGracefulShutdown } = await import('./http/shutdown.ts');
  const { ensureFirstAdmin } = await import('./features/access/admin.service.ts');
  const { loadSeedPrograms } = await import('./features/programs/program.service.ts');
  const { preloadCjkFonts } = await import('./features/documents/index.ts');
  const { DEMO_PASSWORD, loadDemoData } = await import('./features/system/demo-data.ts');

  const config = loadConfig();
  const { app, deps, database, drain } = await buildApp(config);

  // With WORKERS, only the first worker does this (cluster.ts), before the others start.
  if (doesStartupWork()) {
    await loadSeedPrograms(deps);
    const admin = await ensureFirstAdmin(deps);
    if (admin) {
      // Printed once, on the first start only: the password must be changed at first login.
      console.log(`\n  首个平台管理员 / First platform admin\n    email:    ${admin.email}\n    password: ${admin.password}  (one-time: change it at first login)\n`);
    }
    if (config.demoData) {
      const demo = await loadDemoData(deps);
      if (demo.length) console.log(`  演示账号 / Demo accounts (password ${DEMO_PASSWORD}):\n${demo.map((e) => `    ${e}`).join('\n')}\n`);
    }
  }

  // Parse the CJK font now, so the first 申报书 is not the slow one.
  preloadCjkFonts();
  installGracefulShutdown(app, async () => {
    await drain(5000);
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  reportListening(typeof address === 'object' && address ? address.port : config.port);
  app.log.info({ engine: database.engine, url: config.publicUrl, ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}) }, 'lvping is ready');
}

const workers = workerCount();
if (workers > 1 && cluster.isPrimary) {
  const { exited } = superviseWorkers({
    workers,
    onListening: (port) => console.log(`lvping: ${workers} workers listening on port ${port} (primary ${process.pid})`),
    log: (message) => console.error(`lvping primary: ${message}`),
  });
  process.exit(await exited);
} else {
  await serve();
}
