// lvping's command line: `npm run cli -- <command>`. Uses the same DATABASE_URL / DATA_DIR as the server.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { EmailSchema, DisplayNameSchema } from '@lvping/domain';
import { loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import type { Deps } from './context.ts';
import { createMailer } from './mail/mailer.ts';
import { createPlatformAdmin } from './features/access/admin.service.ts';
import { describeAnchorProblem, verifyAudit } from './features/audit/audit-verify.service.ts';
import { anchorAuditHead, anchorQuietly } from './features/audit/audit-anchor.service.ts';
import { runAssign } from './assign-command.ts';
import { runRank } from './rank-command.ts';
import { runAwards, runTiers } from './decision-command.ts';
import { runMeetings } from './meeting-command.ts';
import { runBackup, runRestore } from './backup/backup-command.ts';

const usage = `usage:
  npm run cli -- create-admin --email <email> --name <display name>   create a platform admin (prints a one-time password)
  npm run cli -- audit-verify                                          check the audit log's hash chain and its signed anchors
  npm run cli -- audit-anchor                                          sign the audit chain's head into the anchors file now
  npm run cli -- migrate                                               run database migrations
  npm run cli -- assign --in <instance.json> --out <result.json> [--dimacs <out.min>]
                                                                       solve a review assignment from a file, with its certificate
  npm run cli -- rank --in <scores.csv> --out <ranking.csv> [--method calibrated|mean|trimmed]
                                                                       rank applications from a file of review scores (app,expert,score)
  npm run cli -- tiers <file.json>                                     propose award tiers from a ranking ({ ranked, tiers, counts? }), printed as JSON
  npm run cli -- awards <file.json>                                    a program award's winners by its rule ({ rule, participations, tracks }), printed as JSON
  npm run cli -- meetings <file.json>                                  schedule 对接会 meetings ({ slots, tables, unavailable?, requests }), printed as JSON
  npm run cli -- backup --out <file.tar[.gz]> [--logical]              the database and uploaded files in one archive (online; --logical: PostgreSQL as JSON lines, not pg_dump)
  npm run cli -- restore <file>                                        restore a backup into an empty DATA_DIR / empty database, checking every file and table`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, dimacs: { type: 'string' }, method: { type: 'string' }, logical: { type: 'boolean' } },
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
  // These open the database themselves: a restore must find it empty, so nothing migrates it first.
  if (command === 'backup') return runBackup(values);
  if (command === 'restore') return runRestore(positionals[1]);
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
        await anchorQuietly(deps, 'cli.create-admin');
        console.log(`platform admin ${email.data} created; one-time password: ${password}`);
        return 0;
      }
      case 'audit-verify': {
        const { chain, anchors } = await verifyAudit(database.db, config);
        if (chain.ok) console.log(`audit log chain intact: ${chain.rows} rows verified`);
        else console.error(`audit log TAMPERED: first bad row seq=${chain.firstBadSeq} (${chain.reason}); ${chain.rows} rows read`);
        if (anchors.ok) {
          const last = anchors.last ? `; last anchor #${anchors.last.seq} at ${new Date(anchors.last.at).toISOString()} (${anchors.last.reason})` : '';
          const key = anchors.keyConfirmed ? '' : ' (signing key not found here: signatures checked against the file header\'s key only)';
          console.log(`audit anchors intact: ${anchors.anchors} anchors in ${config.audit.anchorsFile} match the chain${last}${key}`);
        } else console.error(`audit anchors FAILED: ${describeAnchorProblem(anchors.problem)}`);
        return chain.ok && anchors.ok ? 0 : 1;
      }
      case 'audit-anchor': {
        const a = await anchorAuditHead(deps, 'cli.audit-anchor');
        console.log(`anchored audit chain head #${a.seq} ${a.hash} in ${config.audit.anchorsFile}`);
        return 0;
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
