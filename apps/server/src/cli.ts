// lvping's command line: `npm run cli -- <command>`. Uses the same DATABASE_URL / DATA_DIR as the server.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { EmailSchema, DisplayNameSchema } from '@lvping/domain';
import { loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import type { Deps } from './context.ts';
import { createMailer } from './mail/mailer.ts';
import { createPlatformAdmin } from './features/access/admin.service.ts';
import { verifyAuditChain } from './features/audit/audit.service.ts';
import { runAssign } from './assign-command.ts';
import { runRank } from './rank-command.ts';
import { runAwards, runTiers } from './decision-command.ts';
import { runMeetings } from './meeting-command.ts';

const usage = `usage:
  npm run cli -- create-admin --email <email> --name <display name>   create a platform admin (prints a one-time password)
  npm run cli -- audit-verify                                          check the audit log's hash chain
  npm run cli -- migrate                                               run database migrations
  npm run cli -- assign --in <instance.json> --out <result.json> [--dimacs <out.min>]
                                                                       solve a review assignment from a file, with its certificate
  npm run cli -- rank --in <scores.csv> --out <ranking.csv> [--method calibrated|mean|trimmed]
                                                                       rank applications from a file of review scores (app,expert,score)
  npm run cli -- tiers <file.json>                                     propose award tiers from a ranking ({ ranked, tiers, counts? }), printed as JSON
  npm run cli -- awards <file.json>                                    a program award's winners by its rule ({ rule, participations, tracks }), printed as JSON
  npm run cli -- meetings <file.json>                                  schedule 对接会 meetings ({ slots, tables, unavailable?, requests }), printed as JSON`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, dimacs: { type: 'string' }, method: { type: 'string' } },
    });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n${usage}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const command = positionals[0];
  // These work on files alone: no database is opened.
  if (command === 'assign') return runAssign(values);
  if (command === 'rank') return runRank(values);
  if (command === 'tiers') return runTiers(positionals[1]);
  if (command === 'awards') return runAwards(positionals[1]);
  if (command === 'meetings') return runMeetings(positionals[1]);
  const config = loadConfig();
  const database = openDatabase(config);
  const log = pino({ level: 'warn' });
  const deps: Deps = { db: database.db, engine: database.engine, config, log, mailer: createMailer({ smtpUrl: null, from: config.mailFrom, log }), secret: '', now: () => Date.now() };
  try {
    await migrateToLatest(database.db);
    switch (command) {
      case 'migrate':
        console.log('migrations are up to date');
        return 0;
      case 'create-admin': {
        const email = EmailSchema.safeParse(values.email);
        const name = DisplayNameSchema.safeParse(values.name);
        if (!email.success || !name.success) {
          console.error('create-admin needs a valid --email and --name\n' + usage);
          return 2;
        }
        const { password } = await createPlatformAdmin(deps, { email: email.data, displayName: name.data });
        console.log(`platform admin ${email.data} created; one-time password: ${password}`);
        return 0;
      }
      case 'audit-verify': {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(`audit log intact: ${result.rows} rows verified`);
          return 0;
        }
        console.error(`audit log TAMPERED: first bad row seq=${result.firstBadSeq} (${result.reason}); ${result.rows} rows read`);
        return 1;
      }
      default:
        console.error(usage);
        return 2;
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
