import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { installGracefulShutdown } from './http/shutdown.ts';
import { ensureFirstAdmin } from './features/access/admin.service.ts';
import { loadSeedPrograms } from './features/programs/program.service.ts';
import { preloadCjkFonts } from './features/documents/index.ts';
import { DEMO_PASSWORD, loadDemoData } from './features/system/demo-data.ts';

const config = loadConfig();
const { app, deps, database, drain } = await buildApp(config);

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

// Parse the CJK font now, so the first 申报书 is not the slow one.
preloadCjkFonts();
installGracefulShutdown(app, async () => {
  await drain(5000);
  await database.close();
});
await app.listen({ port: config.port, host: config.host });
app.log.info({ engine: database.engine, url: config.publicUrl }, 'lvping is ready');
