import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { webhookBodySchema, webhookEvents, type WebhookEvent } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { solveAssignment } from './support/jobs.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { deliverDueWebhooks } from '../src/features/webhooks/webhook-delivery.ts';
import { emitWebhookEvent } from '../src/features/webhooks/webhook-outbox.ts';
import { endpointUrlProblem } from '../src/features/webhooks/webhook-target.ts';
import type { Actor, Deps } from '../src/context.ts';
import { actorOf, applicantWithOrg, samplePdf } from './support/journey.ts';
import { creditCode as screeningCreditCode, withRole } from './support/screening.ts';
import { acceptedExpertsFor, openReviewProgram, submittedForReview } from './support/review.ts';
import { startSmtpServer } from './support/smtp.ts';
import { applicantAccount, openRecProgram, recProgram, stampedPage, submittedCandidate, unitIds, unitMember } from './support/recommendation-fixture.ts';
import { startWebhookReceiver, type Received } from './support/webhook-receiver.ts';

// Webhooks end to end on both engines: endpoints registered over the API, real submit /
// endorse / screening changes writing the outbox, the worker driven tick by tick with its
// clock, a real receiver on 127.0.0.1 checking signatures, retries, the log, and the OpenAPI
// document's events.

/** The receiver's own check, written from the README's recipe rather than the server's code. */
function validSignature(r: Received, secret: string): boolean {
  const ts = r.headers['x-lvping-timestamp'] as string;
  const expected = createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex');
  return r.headers['x-lvping-signature'] === `t=${ts},v1=${expected}`;
}

describeEachEngine('webhooks: endpoints, signed deliveries, retries, the log, OpenAPI', (engine) => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let adminClient: Client;
  let admin: Actor;
  let programId: string;
  let organizer: Client;
  let applicant: Awaited<ReturnType<typeof applicantAccount>>;
  let jia: Awaited<ReturnType<typeof unitMember>>;
  let units: Record<string, string>;
  let n = 0;
  const base = () => `/api/programs/${programId}/webhooks`;
  const tick = (at = Date.now()) => deliverDueWebhooks({ ...h.deps, now: () => at } satisfies Deps);
  const register = async (path: string, events: WebhookEvent[]) => {
    const r = await organizer.post(base(), { url: receiver.url(path), events });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as { endpoint: { id: string; events: string[]; active: boolean }; secret: string };
  };
  const log = async (endpointId: string) => {
    const r = await organizer.get(`${base()}/${endpointId}/deliveries`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json().items as { id: string; event: string; status: string; attempts: number; lastStatus: number | null; lastError: string | null; nextAttemptAt: number | null; payload: string }[];
  };
  const submitDirect = () => submittedCandidate(h, applicant.actor, programId, 'direct', undefined, ++n);
  const revisionOf = async (id: string) => (await organizer.get(`/api/applications/${id}/screening`)).json().revision as number;

  before(async () => {
    receiver = await startWebhookReceiver();
    smtp = await startSmtpServer();
    // The timer is off: every test drives the worker itself, with its own clock.
    h = await startHarness(engine, { smtpUrl: smtp.url, webhooks: { allowInsecureLoopback: true, tickMs: 0, timeoutMs: 2000 } });
    const first = (await ensureFirstAdmin(h.deps))!;
    adminClient = h.client();
    await adminClient.login(first.email, first.password);
    admin = await actorOf(h, adminClient);
    programId = await openRecProgram(h, admin, recProgram('webhooks'));
    organizer = await withRole(h, admin, 'organizer@example.com', 'organizer', programId);
    applicant = await applicantAccount(h, 'applicant@example.com');
    units = await unitIds(applicant.client, programId);
    jia = await unitMember(h, 'jia@example.com', units['甲单位'], programId);
  });
  after(async () => {
    await h.close();
    await receiver.close();
    await smtp.close();
  });

  test('bad endpoints are refused with the field and the reason, and nothing is stored', async () => {
    const refused = async (body: unknown, path: string, pattern?: RegExp) => {
      const r = await organizer.post(base(), body);
      assert.equal(r.statusCode, 400, r.body);
      const fields = r.json().error.fields as { path: string; message: { 'zh-CN': string; en: string } }[];
      assert.deepEqual(fields.map((f) => f.path), [path]);
      if (pattern) assert.match(fields[0].message.en, pattern);
    };
    await refused({ url: 'http://hooks.example.com/lvping', events: ['application.submitted'] }, 'url', /https/);
    await refused({ url: 'https://10.1.2.3/hook', events: ['application.submitted'] }, 'url', /private/);
    await refused({ url: 'https://169.254.169.254/latest/meta-data', events: ['application.submitted'] }, 'url', /private|link-local/);
    await refused({ url: 'https://[fd00::1]/hook', events: ['application.submitted'] }, 'url', /private/);
    await refused({ url: 'https://user:pw@hooks.example.com/', events: ['application.submitted'] }, 'url', /password/);
    await refused({ url: 'not a url', events: ['application.submitted'] }, 'url');
    await refused({ url: 'https://hooks.example.com/', events: ['application.deleted'] }, 'events.0');
    await refused({ url: 'https://hooks.example.com/', events: [] }, 'events');
    await refused({ url: 'https://hooks.example.com/', events: ['application.submitted'], secret: 'mine' }, 'secret');
    assert.deepEqual((await organizer.get(base())).json().endpoints, []);
    // Loopback over plain http only where the configuration allows it (tests, development), never in production.
    const prod = { allowInsecureLoopback: false, tickMs: 0, timeoutMs: 10_000 };
    assert.match(endpointUrlProblem('http://127.0.0.1:8080/hook', prod)!.message.en, /https/);
    assert.match(endpointUrlProblem('https://localhost/hook', prod)!.message.en, /this machine/);
    assert.match(endpointUrlProblem('https://[::ffff:127.0.0.1]/hook', prod)!.message.en, /this machine/);
    assert.equal(endpointUrlProblem('https://hooks.example.com/lvping', prod), null);
    assert.equal(endpointUrlProblem('http://127.0.0.1:8080/hook', { ...prod, allowInsecureLoopback: true }), null);
    assert.ok(endpointUrlProblem('http://10.0.0.1/hook', { ...prod, allowInsecureLoopback: true }), 'the flag opens loopback only');
  });

  test('only the program’s organizers reach any endpoint route', async () => {
    const { endpoint } = await register('/hooks/guarded', ['application.submitted']);
    const one = `${base()}/${endpoint.id}`;
    const calls = (c: Client) => [
      c.get(base()), c.post(base(), { url: 'https://hooks.example.com/', events: ['application.submitted'] }),
      c.request('PATCH', one, { active: false }), c.post(`${one}/rotate-secret`, {}), c.request('DELETE', one),
      c.get(`${one}/deliveries`), c.post(`${one}/deliveries/some-id/redeliver`, {}),
    ];
    for (const [who, c] of [['applicant', applicant.client], ['recommender', jia.client]] as const) {
      for (const r of await Promise.all(calls(c))) assert.equal(r.statusCode, 403, `${who}: ${r.body}`);
    }
    const anonymous = await h.client().start();
    for (const r of await Promise.all(calls(anonymous))) assert.equal(r.statusCode, 401);
    // An organizer of another program is a stranger here.
    const other = await openRecProgram(h, admin, recProgram('webhooks-other'));
    const elsewhere = await withRole(h, admin, 'other-organizer@example.com', 'organizer', other);
    for (const r of await Promise.all(calls(elsewhere))) assert.equal(r.statusCode, 403);
    // Another program's path does not reach this endpoint, even for its own organizer.
    assert.equal((await elsewhere.get(`/api/programs/${other}/webhooks/${endpoint.id}/deliveries`)).statusCode, 404);
    assert.equal((await organizer.get(base())).json().endpoints.find((e: { id: string }) => e.id === endpoint.id).active, true, 'unchanged');
    assert.equal((await organizer.request('DELETE', one)).statusCode, 200);
  });

  test('submit, endorse and screening arrive signed, with the event’s data; the secret is shown once', async () => {
    const created = await register('/hooks/main', ['application.submitted', 'application.endorsed', 'application.screened']);
    assert.match(created.secret, /^whsec_.{20,}/);
    const listed = (await organizer.get(base())).json();
    assert.deepEqual(listed.events, [...webhookEvents]);
    const mine = listed.endpoints.find((e: { id: string }) => e.id === created.endpoint.id);
    assert.equal(JSON.stringify(listed).includes(created.secret), false, 'the list never shows the secret');
    assert.equal(mine.secretHint, created.secret.slice(-4));
    const audit = await h.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', created.endpoint.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['webhook.create']);
    assert.equal(JSON.stringify(audit).includes(created.secret), false, 'nor does the audit log');

    // A direct-entry application: submitted, then passed at screening.
    const direct = await submitDirect();
    const pass = await organizer.post(`/api/applications/${direct}/screening/decision`, { outcome: 'pass', baseRevision: await revisionOf(direct) });
    assert.equal(pass.statusCode, 200, pass.body);
    // A recommended one: submitted, endorsed by 甲单位, then failed at screening.
    const rec = await submittedCandidate(h, applicant.actor, programId, 'rec', units['甲单位'], ++n);
    const endorse = await jia.client.post(`/api/recommendation/candidates/${rec}/endorse`, { opinion: '同意推荐。', stampedFileId: await stampedPage(jia.client, rec) });
    assert.equal(endorse.statusCode, 200, endorse.body);
    const fail = await organizer.post(`/api/applications/${rec}/screening/decision`, { outcome: 'fail', reason: '申报材料与推荐赛道不符', baseRevision: await revisionOf(rec) });
    assert.equal(fail.statusCode, 200, fail.body);
    assert.equal(receiver.at('/hooks/main').length, 0, 'nothing is sent before the worker runs');

    assert.deepEqual(await tick(), { delivered: 5, retrying: 0, failed: 0 });
    const got = receiver.at('/hooks/main');
    assert.equal(got.length, 5);
    for (const r of got) {
      assert.ok(validSignature(r, created.secret), `signature of ${r.body}`);
      assert.equal(r.headers['content-type'], 'application/json');
      assert.ok(Math.abs(Number(r.headers['x-lvping-timestamp']) - Date.now() / 1000) < 60);
      const body = webhookBodySchema(r.headers['x-lvping-event'] as WebhookEvent).parse(JSON.parse(r.body));
      assert.equal(body.programId, programId);
      assert.equal(body.event, r.headers['x-lvping-event']);
    }
    const bodies = got.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
    const of = (event: string, id: string) => bodies.filter((b) => b.event === event && b.data.applicationId === id).map((b) => b.data);
    const number = async (id: string) => (await h.deps.db.selectFrom('applications').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
    assert.deepEqual(of('application.submitted', direct).map((d) => [d.number, d.trackId, d.status, d.resubmission]), [[await number(direct), 'direct', 'submitted', false]]);
    assert.deepEqual(of('application.screened', direct).map((d) => [d.outcome, d.status, d.versionNo]), [['pass', 'eligible', 1]]);
    assert.deepEqual(of('application.submitted', rec).map((d) => d.trackId), ['rec']);
    assert.deepEqual(of('application.endorsed', rec).map((d) => [d.unitId, d.unitName]), [[units['甲单位'], '甲单位']]);
    assert.deepEqual(of('application.screened', rec).map((d) => [d.outcome, d.status]), [['fail', 'ineligible']]);
    assert.equal(got.some((r) => r.body.includes('申报材料与推荐赛道不符')), false, 'a failure’s reason is not sent');

    const entries = await log(created.endpoint.id);
    assert.equal(entries.length, 5);
    for (const e of entries) assert.deepEqual([e.status, e.attempts, e.lastStatus, e.lastError, e.nextAttemptAt], ['delivered', 1, 200, null, null]);
    assert.deepEqual(new Set(got.map((r) => r.headers['x-lvping-delivery'])), new Set(entries.map((e) => e.id)));
    assert.deepEqual(await tick(), { delivered: 0, retrying: 0, failed: 0 }, 'each is sent once');

    // Only the events subscribed to: an endpoint for endorsements gets no submissions.
    const onlyEndorsed = await register('/hooks/endorsed-only', ['application.endorsed']);
    await submitDirect();
    await tick();
    assert.equal(receiver.at('/hooks/endorsed-only').length, 0);
    assert.deepEqual(await log(onlyEndorsed.endpoint.id), []);
    assert.equal(receiver.at('/hooks/main').length, 6);

    // Rotating the secret: what follows is signed with the new one only.
    const rotated = await organizer.post(`${base()}/${created.endpoint.id}/rotate-secret`, {});
    assert.equal(rotated.statusCode, 200, rotated.body);
    const secret2 = rotated.json().secret as string;
    assert.notEqual(secret2, created.secret);
    await submitDirect();
    await tick();
    const last = receiver.at('/hooks/main').at(-1)!;
    assert.deepEqual([validSignature(last, secret2), validSignature(last, created.secret)], [true, false]);
    for (const id of [created.endpoint.id, onlyEndorsed.endpoint.id]) assert.equal((await organizer.request('DELETE', `${base()}/${id}`)).statusCode, 200);
  });

  test('a receiver answering 500 twice is retried on the schedule and delivered on the third attempt', async () => {
    const { endpoint } = await register('/hooks/flaky', ['application.submitted']);
    receiver.failNext('/hooks/flaky', 2);
    await submitDirect();
    const t0 = Date.now();
    assert.deepEqual(await tick(t0 + 10), { delivered: 0, retrying: 1, failed: 0 });
    let [d] = await log(endpoint.id);
    assert.deepEqual([d.status, d.attempts, d.lastStatus, d.lastError], ['pending', 1, 500, 'HTTP 500: receiver is down']);
    assert.equal(d.nextAttemptAt, t0 + 10 + 30_000, 'the first retry after 30 s');
    assert.deepEqual(await tick(t0 + 10 + 29_000), { delivered: 0, retrying: 0, failed: 0 }, 'not before it is due');
    assert.deepEqual(await tick(t0 + 10 + 30_000), { delivered: 0, retrying: 1, failed: 0 });
    [d] = await log(endpoint.id);
    assert.deepEqual([d.attempts, d.nextAttemptAt], [2, t0 + 10 + 30_000 + 120_000], 'then after 2 min');
    assert.deepEqual(await tick(t0 + 10 + 150_000), { delivered: 1, retrying: 0, failed: 0 });
    [d] = await log(endpoint.id);
    assert.deepEqual([d.status, d.attempts, d.lastStatus, d.lastError, d.nextAttemptAt], ['delivered', 3, 200, null, null]);
    const got = receiver.at('/hooks/flaky');
    assert.equal(got.length, 3);
    assert.equal(new Set(got.map((r) => r.headers['x-lvping-delivery'])).size, 1, 'one delivery, three attempts');
    assert.equal(new Set(got.map((r) => JSON.parse(r.body).id)).size, 1, 'the same event id each time');
    assert.equal((await organizer.request('DELETE', `${base()}/${endpoint.id}`)).statusCode, 200);
  });

  test('after the last attempt a delivery fails; the organizer redelivers it', async () => {
    const { endpoint } = await register('/hooks/down', ['application.submitted']);
    receiver.failNext('/hooks/down', 100, 503);
    await submitDirect();
    let t = Date.now();
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await tick(t));
      const [d] = await log(endpoint.id);
      t = d.nextAttemptAt ?? t;
    }
    assert.deepEqual(results.map((r) => r.failed), [0, 0, 0, 0, 0, 1]);
    const [d] = await log(endpoint.id);
    assert.deepEqual([d.status, d.attempts, d.lastStatus, d.nextAttemptAt], ['failed', 6, 503, null]);
    assert.deepEqual(await tick(t + 86_400_000), { delivered: 0, retrying: 0, failed: 0 }, 'failed stays failed');
    assert.equal(receiver.at('/hooks/down').length, 6);

    receiver.failNext('/hooks/down', 0);
    const again = await organizer.post(`${base()}/${endpoint.id}/deliveries/${d.id}/redeliver`, {});
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual([again.json().status, again.json().attempts], ['pending', 0]);
    assert.equal((await organizer.post(`${base()}/${endpoint.id}/deliveries/${d.id}/redeliver`, {})).statusCode, 409, 'already waiting');
    assert.deepEqual(await tick(), { delivered: 1, retrying: 0, failed: 0 });
    assert.deepEqual((await log(endpoint.id)).map((x) => [x.status, x.attempts]), [['delivered', 1]]);
    assert.equal((await organizer.post(`${base()}/${endpoint.id}/deliveries/nope/redeliver`, {})).statusCode, 404);
    const audit = await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', endpoint.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['webhook.create', 'webhook.redeliver']);
    assert.equal((await organizer.request('DELETE', `${base()}/${endpoint.id}`)).statusCode, 200);
  });

  test('a disabled endpoint gets nothing: what waited stops, nothing new is queued; a deleted one is gone', async () => {
    const { endpoint } = await register('/hooks/paused', ['application.submitted']);
    const one = `${base()}/${endpoint.id}`;
    await submitDirect();
    const off = await organizer.request('PATCH', one, { active: false });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().active, false);
    await submitDirect();
    await tick();
    assert.equal(receiver.at('/hooks/paused').length, 0);
    const entries = await log(endpoint.id);
    assert.deepEqual(entries.map((e) => [e.status, e.attempts, e.lastError]), [['failed', 0, 'endpoint disabled before delivery']], 'only the one queued before');
    assert.equal((await organizer.post(`${one}/deliveries/${entries[0].id}/redeliver`, {})).statusCode, 409, 'enable it first');

    const on = await organizer.request('PATCH', one, { active: true, events: ['application.submitted', 'application.screened'] });
    assert.deepEqual([on.json().active, on.json().events], [true, ['application.submitted', 'application.screened']]);
    assert.equal((await organizer.request('PATCH', one, { url: 'http://hooks.example.com/' })).statusCode, 400, 'a change is checked like a new one');
    assert.equal((await organizer.post(`${one}/deliveries/${entries[0].id}/redeliver`, {})).statusCode, 200);
    await tick();
    assert.equal(receiver.at('/hooks/paused').length, 1);

    assert.deepEqual((await organizer.request('DELETE', one)).json(), { deleted: true });
    await submitDirect();
    await tick();
    assert.equal(receiver.at('/hooks/paused').length, 1);
    assert.equal((await organizer.get(`${one}/deliveries`)).statusCode, 404);
    assert.equal((await organizer.request('DELETE', one)).statusCode, 404);
    const left = await h.deps.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpoint.id).execute();
    assert.deepEqual(left, [], 'its log went with it');
    const audit = await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', endpoint.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['webhook.create', 'webhook.update', 'webhook.update', 'webhook.redeliver', 'webhook.delete']);
  });

  test('two workers racing over the same due deliveries send each exactly once', async () => {
    const { endpoint } = await register('/hooks/race', ['application.submitted']);
    const now = Date.now();
    await h.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 45; i++) await emitWebhookEvent(trx, programId, 'application.submitted', { applicationId: `a${i}`, number: `N${i}`, trackId: 'direct', status: 'submitted', resubmission: false, submittedAt: now }, now);
    });
    // A second process on the same database: its own connection pool.
    const second = h.testDb.open();
    receiver.setDelay(15);
    try {
      const workers = [h.deps, { ...h.deps, db: second.db }];
      for (let round = 0; round < 5; round++) await Promise.all(workers.map((w) => deliverDueWebhooks({ ...w, now: () => now + 1 })));
    } finally {
      receiver.setDelay(0);
      await second.close();
    }
    const got = receiver.at('/hooks/race').map((r) => r.headers['x-lvping-delivery'] as string);
    assert.equal(got.length, 45, 'no delivery sent twice');
    assert.equal(new Set(got).size, 45, 'every delivery sent');
    assert.deepEqual(new Set((await log(endpoint.id)).map((e) => `${e.status}/${e.attempts}`)), new Set(['delivered/1']));
    assert.equal((await organizer.request('DELETE', `${base()}/${endpoint.id}`)).statusCode, 200);
  });

  test('advancing a review round sends one event with who advanced and who was eliminated', async () => {
    const rp = await openReviewProgram(h, admin, 'webhooks-rounds');
    const hook = await adminClient.post(`/api/programs/${rp}/webhooks`, { url: receiver.url('/hooks/rounds'), events: ['review.round_result'] });
    assert.equal(hook.statusCode, 200, hook.body);
    const apps: { id: string; number: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const a = await applicantWithOrg(h, `round-applicant${i}@example.com`, screeningCreditCode(700 + i));
      const app = await submittedForReview(a.client, rp, a.orgId, { projectName: `余热回收${i}`, summary: '工业余热回收利用。' }, { name: '李四', phone: '13800000000' }, samplePdf);
      assert.equal((await adminClient.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: app.revision })).statusCode, 200);
      apps.push(app);
    }
    await acceptedExpertsFor(h, adminClient, smtp, rp, [
      { name: '余热专家', orgName: '清华大学', keywords: ['余热回收'], bio: '工业余热回收利用。' },
      { name: '节能专家', orgName: '同济大学', keywords: ['节能'], bio: '工业节能。' },
    ], 'wexpert');
    await solveAssignment(h, adminClient, rp, { loadCost: 0 });
    assert.equal((await adminClient.post(`/api/programs/${rp}/assignment/publish`, {})).statusCode, 200);
    const advanced = await adminClient.post(`/api/programs/${rp}/review/rounds/chuping/advance`, { include: [apps[0].id], reason: '评审委员会复议决定' });
    assert.equal(advanced.statusCode, 200, advanced.body);
    assert.deepEqual(await tick(), { delivered: 1, retrying: 0, failed: 0 });
    const [got] = receiver.at('/hooks/rounds');
    assert.ok(validSignature(got, hook.json().secret));
    const body = webhookBodySchema('review.round_result').parse(JSON.parse(got.body));
    assert.deepEqual([body.programId, body.data.roundId, body.data.roundName, body.data.nextRoundId, body.data.nextRoundName], [rp, 'chuping', '初评', 'luyan', '路演答辩']);
    assert.deepEqual(body.data.advanced, [{ applicationId: apps[0].id, number: apps[0].number, trackId: 'green' }]);
    assert.deepEqual(body.data.eliminated, [{ applicationId: apps[1].id, number: apps[1].number, trackId: 'green' }]);
  });

  test('the OpenAPI document describes every event’s body and headers', async () => {
    const doc = (await h.client().get('/api/docs/json')).json();
    assert.match(doc.openapi, /^3\.1/);
    assert.deepEqual(Object.keys(doc.webhooks).sort(), [...webhookEvents].sort());
    const submitted = doc.webhooks['application.submitted'].post;
    const schema = submitted.requestBody.content['application/json'].schema;
    assert.deepEqual(schema.properties.event, { type: 'string', const: 'application.submitted' });
    assert.deepEqual(schema.properties.data.required.sort(), ['applicationId', 'number', 'resubmission', 'status', 'submittedAt', 'trackId']);
    assert.deepEqual(submitted.parameters.map((p: { name: string }) => p.name), ['X-Lvping-Event', 'X-Lvping-Delivery', 'X-Lvping-Timestamp', 'X-Lvping-Signature']);
    assert.ok(doc.webhooks['review.round_result'].post.requestBody.content['application/json'].schema.properties.data.properties.advanced);
    assert.ok(doc.paths['/api/programs/{programId}/webhooks'].post, 'and the endpoint routes');
  });
});
