import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, type MatchProfileInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { actorOf } from './support/journey.ts';
import { decodeMail, startSmtpServer } from './support/smtp.ts';
import { grantRole } from '../src/features/access/grant.service.ts';
import { approvedProfile, catalogEntry, organizationOf, techNeed, userWith } from './support/match-fixture.ts';

// 供需匹配 end to end: an investor's profile from application to approval (which grants the
// investor role, made by the catalog organizer, audited), the matched lists both ways with
// their explanations and hard filters, and interest → mutual introduction → contacts → withdraw.

const techContact = { name: '王工', phone: '0371-66668888', email: 'wang@tech.example.cn' };
const investorContact = { name: '赵投', phone: '13911112222', email: 'zhao@fund.example.cn' };
const investorInput: MatchProfileInput = {
  kind: 'investor', orgName: '绿能创投', contact: investorContact, fieldIds: ['glt2024-4'], regions: [],
  description: '关注光伏、钙钛矿电池与新型储能项目', stages: ['A', 'B'], ticketMin: 500, ticketMax: 5000,
};

describeEachEngine('matchmaking: profiles, matches, interest and introductions', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let organizer: Client;
  let owner1: { client: Client; userId: string; orgId: string };
  let owner2: { client: Client; userId: string; orgId: string };
  let investor: Client;
  let bank: Client;
  let buyer: Client;
  let poster: Client;
  let plain: Client;
  const ids = { solar: '', storage: '', mbr: '', draft: '', need: '', investor: '', bank: '', buyer: '' };
  const mailTo = async (to: string, subject: string) => {
    for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 25))) {
      const m = smtp.mails.find((x) => x.to.includes(to) && decodeMail(x.raw).subject.includes(subject));
      if (m) return decodeMail(m.raw);
    }
    throw new Error(`no mail “${subject}” to ${to}`);
  };
  const notices = async (c: Client) => ((await c.get('/api/notifications?limit=50')).json().items as { kind: string; title: string }[]);

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    organizer = (await userWith(h, 'catalog@example.com', 'catalog_organizer')).client;
    const o1 = await userWith(h, 'owner1@example.com');
    owner1 = { ...o1, orgId: await organizationOf(o1.client, '郑州光电科技有限公司', '410105', { name: '刘总', phone: '0371-12345678', email: 'liu@zz.example.cn' }) };
    const o2 = await userWith(h, 'owner2@example.com');
    owner2 = { ...o2, orgId: await organizationOf(o2.client, '深圳储能科技有限公司', '440305', { name: '陈总', phone: '0755-12345678', email: 'chen@sz.example.cn' }) };
    ids.solar = await catalogEntry(h, owner1, { name: '钙钛矿叠层光伏组件', fieldId: 'glt2024-4', trl: 7, scope: '适用于分布式光伏电站和建筑光伏一体化', process: '钙钛矿与晶硅叠层电池封装工艺', contact: techContact });
    ids.mbr = await catalogEntry(h, owner1, { name: 'MBR膜生物反应器污水处理工艺', fieldId: 'glt2024-2', trl: 5, scope: '适用于工业园区污水处理提标改造', process: '膜生物反应器与脱氮除磷组合工艺', contact: techContact });
    ids.draft = await catalogEntry(h, owner1, { name: '钙钛矿光伏组件回收技术', fieldId: 'glt2024-4', trl: 7, scope: '适用于退役光伏组件的回收利用', process: '钙钛矿组件拆解与材料回收工艺', contact: techContact }, 'pending');
    ids.storage = await catalogEntry(h, owner2, { name: '储能电站热失控预警系统', fieldId: 'glt2024-4', trl: 9, scope: '适用于锂离子电池储能电站的安全监测', process: '多传感器融合的热失控预警算法', contact: { name: '陈工', phone: '0755-88886666', email: 'chen@tech.example.cn' } });
    const p = await userWith(h, 'poster@example.com');
    poster = p.client;
    ids.need = await techNeed(h, { userId: p.userId, orgId: await organizationOf(p.client, '某能源集团有限公司', '110105', { name: '孙总', phone: '010-55556666', email: 'sun@energy.example.cn' }) },
      { problem: '钙钛矿光伏组件稳定性提升', description: '提高钙钛矿组件在湿热环境下的寿命', fieldId: 'glt2024-4', contact: { name: '孙工', phone: '010-66667777', email: 'need@energy.example.cn' } });
    investor = (await userWith(h, 'investor@example.com')).client;
    bank = (await userWith(h, 'bank@example.com')).client;
    buyer = (await userWith(h, 'buyer@example.com')).client;
    plain = (await userWith(h, 'plain@example.com')).client;
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  test('a profile: bad input names its fields, then pending → rejected with a note → re-applied → approved, which grants the role (by the catalog organizer, audited)', async () => {
    const bad = await investor.post('/api/match/profiles', { ...investorInput, fieldIds: ['glt2099-1'], ticketMin: 9000, ticketMax: 100 });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.fields.map((f: { path: string }) => f.path).sort(), ['fieldIds.0', 'ticketMax']);
    assert.deepEqual((await investor.get('/api/match/profiles/mine')).json().items, [], 'a refused application creates nothing');

    const applied = await investor.post('/api/match/profiles', investorInput);
    assert.equal(applied.statusCode, 200, applied.body);
    ids.investor = applied.json().id;
    assert.equal(applied.json().status, 'pending');
    assert.ok(!(await investor.get('/api/auth/me')).json().grants.some((g: { role: string }) => g.role === 'investor'));
    assert.ok((await notices(organizer)).some((n) => n.kind === 'match.profile.pending' && n.title.includes('绿能创投')));

    assert.equal((await investor.get('/api/match/profiles')).statusCode, 403, 'only the catalog organizer reviews');
    assert.equal((await investor.post(`/api/match/profiles/${ids.investor}/review`, { decision: 'approve' })).statusCode, 403);
    const queue = (await organizer.get('/api/match/profiles?status=pending')).json().items;
    assert.deepEqual(queue.map((p: { id: string }) => p.id), [ids.investor]);
    assert.equal(queue[0].profile.contact.phone, investorContact.phone, 'the organizer reviews the applicant’s contact');

    const noNote = await organizer.post(`/api/match/profiles/${ids.investor}/review`, { decision: 'reject' });
    assert.equal(noNote.statusCode, 400);
    assert.equal(noNote.json().error.fields[0].path, 'note');
    const rejected = await organizer.post(`/api/match/profiles/${ids.investor}/review`, { decision: 'reject', note: '请补充投资案例' });
    assert.equal(rejected.json().status, 'rejected');
    assert.equal(rejected.json().reviewNote, '请补充投资案例');
    assert.match((await mailTo('investor@example.com', '未通过')).text, /请补充投资案例/);
    assert.equal((await organizer.post(`/api/match/profiles/${ids.investor}/review`, { decision: 'approve' })).statusCode, 409, 'a rejected profile is not pending');

    const again = await investor.post('/api/match/profiles', { ...investorInput, description: `${investorInput.description}，已投资多个光伏项目` });
    assert.equal(again.json().id, ids.investor, 'one profile per kind: re-applying edits it');
    assert.equal(again.json().status, 'pending');
    assert.equal(again.json().reviewNote, null);

    const approved = await organizer.post(`/api/match/profiles/${ids.investor}/review`, { decision: 'approve' });
    assert.equal(approved.json().status, 'approved');
    assert.deepEqual((await investor.get('/api/auth/me')).json().grants, [{ role: 'investor', programId: null, trackId: null }]);
    assert.match((await mailTo('investor@example.com', '已通过')).subject, /绿能创投/);
    const organizerId = (await actorOf(h, organizer)).userId;
    const investorId = (await actorOf(h, investor)).userId;
    const audit = await h.deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'entity_id', 'after_json']).where('action', 'in', ['grant.create', 'match.profile.approve']).where('actor_id', '=', organizerId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => [a.action, a.entity_id]), [['grant.create', investorId], ['match.profile.approve', ids.investor]]);
    assert.equal(JSON.parse(audit[0].after_json!).role, 'investor');
    assert.equal((await organizer.post(`/api/match/profiles/${ids.investor}/review`, { decision: 'approve' })).statusCode, 409);

    // The catalog organizer makes exactly these grants, nothing else.
    const organizerActor = await actorOf(h, organizer);
    for (const role of ['service_provider', 'catalog_organizer', 'platform_admin'] as const) {
      await assert.rejects(grantRole(h.deps, organizerActor, { userId: investorId, role, programId: null, trackId: null }), (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN', role);
    }
    assert.equal((await h.deps.db.selectFrom('grants').select('role').where('user_id', '=', investorId).execute()).length, 1);

    ids.bank = await approvedProfile(bank, organizer, {
      kind: 'bank', orgName: '中原银行', contact: { name: '钱经理', phone: '0371-99998888', email: 'qian@bank.example.cn' }, fieldIds: [], regions: ['410000'], description: '服务河南绿色企业',
      products: [
        { name: '光伏贷', kind: 'green_credit', amountMin: 100, amountMax: 3000, rateNote: 'LPR减20BP', regions: [], fieldIds: ['glt2024-4'] },
        { name: '知识产权质押贷', kind: 'ip_pledge', amountMin: 50, amountMax: 1000, rateNote: '', regions: [], fieldIds: [] },
      ],
    });
    ids.buyer = await approvedProfile(buyer, organizer, { kind: 'buyer', orgName: '郑州水务集团', contact: { name: '周工', phone: '0371-77776666', email: 'zhou@water.example.cn' }, fieldIds: ['glt2024-2'], regions: ['410000'], description: '', needText: '需要污水处理膜工艺，用于提标改造，脱氮除磷' });
    assert.deepEqual((await bank.get('/api/auth/me')).json().grants, [{ role: 'bank', programId: null, trackId: null }]);
  });

  test('matched lists both ways, best first, each with why; the hard filters exclude field, stage and region misfits', async () => {
    const solar = await owner1.client.get(`/api/match/entries/${ids.solar}/matches`);
    assert.equal(solar.statusCode, 200, solar.body);
    const items = solar.json().items as { counterpart: { type: string; id: string }; explanation: { score: number; sharedTerms: string[]; filters: { filter: string; result: string; values: string[] }[]; products: string[] } }[];
    assert.deepEqual(items.map((i) => i.counterpart.id), [ids.need, ids.investor, ids.bank], 'the 钙钛矿 need, the A/B investor, the 河南 bank; not the water buyer');
    assert.ok(items[0].explanation.sharedTerms.includes('钙钛矿'));
    assert.deepEqual(items[1].explanation.filters.find((f) => f.filter === 'stage'), { filter: 'stage', result: 'matched', values: ['A', 'B'] });
    assert.deepEqual(items[2].explanation.products, ['光伏贷', '知识产权质押贷']);
    assert.deepEqual(items[2].explanation.filters.find((f) => f.filter === 'region'), { filter: 'region', result: 'matched', values: ['410000'] });
    assert.ok(!solar.body.includes(investorContact.phone) && !solar.body.includes('0371-99998888') && !solar.body.includes('010-66667777'), 'no contact in a list');

    const storage = (await owner2.client.get(`/api/match/entries/${ids.storage}/matches`)).json();
    assert.deepEqual(storage.items.map((i: { counterpart: { id: string } }) => i.counterpart.id), [ids.investor, ids.need], 'the 深圳 technology is outside the 河南 bank’s region');

    const forInvestor = (await investor.get(`/api/match/profiles/${ids.investor}/matches`)).json();
    assert.deepEqual(forInvestor.items.map((i: { technology: { entryId: string } }) => i.technology.entryId), [ids.solar, ids.storage], 'never the unpublished one, nor the 污水 field');
    assert.equal(forInvestor.items[0].technology.organizationName, '郑州光电科技有限公司');
    assert.equal(forInvestor.items[0].technology.regionCode, '410105');
    const forBuyer = (await buyer.get(`/api/match/profiles/${ids.buyer}/matches`)).json();
    assert.deepEqual(forBuyer.items.map((i: { technology: { entryId: string } }) => i.technology.entryId), [ids.mbr]);
    for (const term of ['污水处理', '提标改造', '脱氮除磷']) assert.ok(forBuyer.items[0].explanation.sharedTerms.includes(term), term);
    const forNeed = (await poster.get(`/api/match/needs/${ids.need}/matches`)).json();
    assert.equal(forNeed.items[0].technology.entryId, ids.solar);
    assert.ok(!JSON.stringify(forInvestor).includes(techContact.phone) && !JSON.stringify(forNeed).includes(techContact.email));

    // Who sees which list.
    assert.equal((await owner2.client.get(`/api/match/entries/${ids.solar}/matches`)).statusCode, 403);
    assert.equal((await investor.get(`/api/match/entries/${ids.solar}/matches`)).statusCode, 403);
    assert.equal((await buyer.get(`/api/match/profiles/${ids.investor}/matches`)).statusCode, 404, 'a profile is nobody else’s business');
    assert.equal((await plain.get(`/api/match/needs/${ids.need}/matches`)).statusCode, 403);
    assert.equal((await owner1.client.get(`/api/match/entries/${ids.draft}/matches`)).statusCode, 409, 'not published yet');
    assert.equal((await owner2.client.get(`/api/match/entries/${ids.draft}/matches`)).statusCode, 404, 'an unpublished entry does not exist for others');
    for (const url of [`/api/match/entries/${ids.solar}/matches`, `/api/match/profiles/${ids.investor}/matches`, `/api/match/needs/${ids.need}/matches`]) {
      assert.equal((await organizer.get(url)).statusCode, 200, url);
    }
    const mine = (await owner1.client.get('/api/match/mine')).json();
    assert.deepEqual(mine.entries.map((e: { entryId: string }) => e.entryId).sort(), [ids.solar, ids.mbr, ids.draft].sort());
    assert.equal(mine.organizer, false);
  });

  test('interest: one side, then the other → introduced, contacts shown to the two sides only, both told; withdraw hides them again', async () => {
    const pairReq = { entryId: ids.solar, counterpartType: 'profile', counterpartId: ids.investor };
    const first = await investor.post('/api/match/interests', pairReq);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().mySide, 'counterpart');
    assert.equal(first.json().interest.status, 'counterpart_interested');
    assert.equal(first.json().contact, null);
    assert.equal((await investor.post('/api/match/interests', pairReq)).statusCode, 409, 'once');

    const inbox = (await owner1.client.get('/api/match/interests')).json().items;
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0].mySide, 'technology');
    assert.deepEqual(inbox[0].interest, { technology: false, counterpart: true, status: 'counterpart_interested' });
    assert.equal(inbox[0].contact, null, 'not before both agree');
    assert.ok(!JSON.stringify(inbox).includes(investorContact.phone));
    assert.ok((await notices(owner1.client)).some((n) => n.kind === 'match.interest'));
    const listed = (await owner1.client.get(`/api/match/entries/${ids.solar}/matches`)).json().items.find((i: { counterpart: { id: string } }) => i.counterpart.id === ids.investor);
    assert.deepEqual(listed.interest, { technology: false, counterpart: true, status: 'counterpart_interested' });

    const mutual = await owner1.client.post('/api/match/interests', pairReq);
    assert.equal(mutual.statusCode, 200, mutual.body);
    assert.equal(mutual.json().interest.status, 'mutual');
    assert.deepEqual(mutual.json().contact, { organization: '绿能创投', ...investorContact });
    assert.ok(mutual.json().introducedAt > 0);
    const investorSide = (await investor.get('/api/match/interests')).json().items;
    assert.deepEqual(investorSide[0].contact, { organization: '郑州光电科技有限公司', ...techContact }, 'the version’s contact');
    for (const c of [investor, owner1.client]) assert.ok((await notices(c)).some((n) => n.kind === 'match.introduction'));
    assert.match((await mailTo('investor@example.com', '对接成功')).text, /钙钛矿叠层光伏组件/);
    assert.match((await mailTo('owner1@example.com', '对接成功')).text, /绿能创投/);
    assert.equal((await h.deps.db.selectFrom('match_introductions').selectAll().execute()).length, 1);

    assert.deepEqual((await buyer.get('/api/match/interests')).json().items, [], 'not the buyer’s pair');
    const all = await organizer.get('/api/match/interests?all=1');
    assert.equal(all.json().items.length, 1);
    assert.equal(all.json().items[0].contact, null, 'the organizer sees the pair, not the contacts');
    assert.equal((await investor.get('/api/match/interests?all=1')).statusCode, 403);

    const withdrawn = await investor.post('/api/match/interests/withdraw', pairReq);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().interest.status, 'technology_interested');
    assert.equal(withdrawn.json().contact, null);
    assert.equal((await owner1.client.get('/api/match/interests')).json().items[0].contact, null, 'hidden again');
    assert.ok((await notices(owner1.client)).some((n) => n.kind === 'match.withdrawn'));
    assert.equal((await investor.post('/api/match/interests/withdraw', pairReq)).statusCode, 409);
    const intro = await h.deps.db.selectFrom('match_introductions').selectAll().executeTakeFirstOrThrow();
    assert.ok(intro.ended_at !== null);

    // The technology's owner can start too: interest in the need reaches its poster.
    const toNeed = await owner1.client.post('/api/match/interests', { entryId: ids.solar, counterpartType: 'need', counterpartId: ids.need });
    assert.equal(toNeed.json().interest.status, 'technology_interested');
    const posterInbox = (await poster.get('/api/match/interests')).json().items;
    assert.deepEqual(posterInbox.map((i: { mySide: string; technology: { entryId: string } }) => [i.mySide, i.technology.entryId]), [['counterpart', ids.solar]]);
    const both = await poster.post('/api/match/interests', { entryId: ids.solar, counterpartType: 'need', counterpartId: ids.need });
    assert.deepEqual(both.json().contact, { organization: '郑州光电科技有限公司', ...techContact });
    assert.equal((await owner1.client.get('/api/match/interests')).json().items.find((i: { counterpart: { id: string } }) => i.counterpart.id === ids.need).contact.phone, '010-66667777');
  });

  test('403s and clear refusals: not a side, not signed in, not published, bad input', async () => {
    const req = { entryId: ids.storage, counterpartType: 'profile', counterpartId: ids.investor };
    const before = (await h.deps.db.selectFrom('match_interests').selectAll().execute()).length;
    assert.equal((await bank.post('/api/match/interests', req)).statusCode, 403, 'the bank is not this profile’s holder');
    assert.equal((await plain.post('/api/match/interests', req)).statusCode, 403);
    assert.equal((await owner1.client.post('/api/match/interests', req)).statusCode, 403, 'not the owner of this technology');
    assert.equal((await investor.post('/api/match/interests', { ...req, entryId: ids.draft })).statusCode, 404, 'unpublished');
    const bad = await investor.post('/api/match/interests', { ...req, counterpartType: 'deal' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].path, 'counterpartType');
    assert.equal((await h.deps.db.selectFrom('match_interests').selectAll().execute()).length, before, 'refusals changed nothing');

    const anon = h.client();
    await anon.start();
    for (const url of ['/api/match/mine', '/api/match/profiles/mine', `/api/match/entries/${ids.solar}/matches`, '/api/match/interests']) assert.equal((await anon.get(url)).statusCode, 401, url);
    assert.equal((await anon.post('/api/match/profiles', investorInput)).statusCode, 401);

    // A withdrawn profile is no longer matched, and its holder's list says why.
    const w = await buyer.post(`/api/match/profiles/${ids.buyer}/withdraw`, {});
    assert.equal(w.json().status, 'withdrawn');
    assert.equal((await buyer.get(`/api/match/profiles/${ids.buyer}/matches`)).statusCode, 409);
    assert.ok(!(await owner1.client.get(`/api/match/entries/${ids.mbr}/matches`)).json().items.some((i: { counterpart: { id: string } }) => i.counterpart.id === ids.buyer));
    assert.equal((await bank.post(`/api/match/profiles/${ids.buyer}/withdraw`, {})).statusCode, 404, 'not the bank’s to withdraw');
  });
});
