import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { approvedProfile, catalogEntry, organizationOf, techNeed, userWith } from './support/match-fixture.ts';

// Who sees what (issue 11, 角色与隐私): every role — anonymous, an applicant with a pending
// profile, a technology's owner, an investor, a bank, a buyer (who also posted a need), an IP
// service provider, the catalog organizer, a platform admin — against every /api/match endpoint
// and the public catalog and needs endpoints. Each response's status is the expected one, and
// each private value (contacts, the unpublished entry) appears in exactly the roles' responses
// that may hold it: the contacts only to their own side, to an introduced side, and to the
// catalog organizer reviewing profiles; the unpublished entry and the technology's contact to
// nobody but the introduced investor (its contact) — never to the public.

type Role = 'anonymous' | 'applicant' | 'owner' | 'investor' | 'bank' | 'buyer' | 'service_provider' | 'catalog_organizer' | 'platform_admin';
const roles: Role[] = ['anonymous', 'applicant', 'owner', 'investor', 'bank', 'buyer', 'service_provider', 'catalog_organizer', 'platform_admin'];

const secrets = {
  techContact: '0371-60001111', ownerOrgContact: '0371-60002222', investor: '13900003333', bank: '0371-60004444', buyer: '0371-60005555',
  needContact: '010-60006666', applicant: '13900007777', unpublished: '秘密未发布的氢能技术',
} as const;
type Secret = keyof typeof secrets;

/** The private values each role may come across (everything else must never reach it). */
const mayHold: Record<Role, Secret[]> = {
  anonymous: [],
  applicant: ['applicant'],
  owner: ['investor'], // introduced to the investor; the bank's interest is one-sided
  investor: ['investor', 'techContact'],
  bank: ['bank'],
  buyer: ['buyer'],
  service_provider: [],
  catalog_organizer: ['investor', 'bank', 'buyer', 'applicant'], // reviewing profiles
  platform_admin: ['investor', 'bank', 'buyer', 'applicant'],
};

describeEachEngine('matchmaking privacy: each role sees only what it should', (engine) => {
  let h: Harness;
  const clients = {} as Record<Role, Client>;
  const ids = { entry: '', unpublished: '', need: '', investor: '', bank: '', buyer: '', applicant: '' };

  before(async () => {
    h = await startHarness(engine);
    clients.anonymous = await h.client().start();
    clients.catalog_organizer = (await userWith(h, 'catalog@example.com', 'catalog_organizer')).client;
    clients.platform_admin = (await userWith(h, 'admin@example.com', 'platform_admin')).client;
    clients.service_provider = (await userWith(h, 'ip@example.com', 'service_provider')).client;
    const owner = await userWith(h, 'owner@example.com');
    clients.owner = owner.client;
    const orgId = await organizationOf(owner.client, '郑州光电科技有限公司', '410105', { name: '刘总', phone: secrets.ownerOrgContact, email: 'liu@zz.example.cn' });
    const contact = { name: '王工', phone: secrets.techContact, email: 'wang@tech.example.cn' };
    ids.entry = await catalogEntry(h, { userId: owner.userId, orgId }, { name: '钙钛矿叠层光伏组件', fieldId: 'glt2024-4', trl: 7, scope: '适用于分布式光伏电站和建筑光伏一体化', process: '钙钛矿与晶硅叠层电池封装工艺', contact });
    ids.unpublished = await catalogEntry(h, { userId: owner.userId, orgId }, { name: secrets.unpublished, fieldId: 'glt2024-4', trl: 7, scope: '适用于光伏电站配套的电解水制氢', process: '碱性电解槽与光伏耦合制氢工艺', contact }, 'pending');

    const org = clients.catalog_organizer;
    for (const role of ['investor', 'bank', 'buyer', 'applicant'] as const) clients[role] = (await userWith(h, `${role}@example.com`)).client;
    ids.investor = await approvedProfile(clients.investor, org, {
      kind: 'investor', orgName: '绿能创投', contact: { name: '赵投', phone: secrets.investor, email: 'zhao@fund.example.cn' }, fieldIds: ['glt2024-4'], regions: [], description: '关注光伏、钙钛矿电池', stages: ['A', 'B'], ticketMin: 500, ticketMax: 5000,
    });
    ids.bank = await approvedProfile(clients.bank, org, {
      kind: 'bank', orgName: '中原银行', contact: { name: '钱经理', phone: secrets.bank, email: 'qian@bank.example.cn' }, fieldIds: ['glt2024-4'], regions: ['410000'], description: '服务河南光伏企业',
      products: [{ name: '光伏贷', kind: 'green_credit', amountMin: 100, amountMax: 3000, rateNote: '', regions: [], fieldIds: [] }],
    });
    ids.buyer = await approvedProfile(clients.buyer, org, { kind: 'buyer', orgName: '某能源集团', contact: { name: '孙总', phone: secrets.buyer, email: 'sun@energy.example.cn' }, fieldIds: ['glt2024-4'], regions: [], description: '', needText: '需要光伏组件与储能技术' });
    const buyerUser = (await h.deps.db.selectFrom('users').select('id').where('email', '=', 'buyer@example.com').executeTakeFirstOrThrow()).id;
    ids.need = await techNeed(h, { userId: buyerUser, orgId: await organizationOf(clients.buyer, '某能源集团有限公司', '110105', { name: '孙总', phone: '010-60008888', email: 'sun@energy.example.cn' }) },
      { problem: '钙钛矿光伏组件稳定性提升', description: '提高钙钛矿组件在湿热环境下的寿命', fieldId: 'glt2024-4', contact: { name: '孙工', phone: secrets.needContact, email: 'need@energy.example.cn' } });
    const applied = await clients.applicant.post('/api/match/profiles', { kind: 'investor', orgName: '申请中资本', contact: { name: '吴投', phone: secrets.applicant, email: 'wu@cap.example.cn' }, stages: ['seed'], ticketMin: 10, ticketMax: 100 });
    assert.equal(applied.statusCode, 200, applied.body);
    ids.applicant = applied.json().id;

    // The investor and the owner are introduced; the bank's interest stays one-sided.
    const pair = { entryId: ids.entry, counterpartType: 'profile' };
    assert.equal((await clients.investor.post('/api/match/interests', { ...pair, counterpartId: ids.investor })).statusCode, 200);
    assert.equal((await clients.owner.post('/api/match/interests', { ...pair, counterpartId: ids.investor })).json().interest.status, 'mutual');
    assert.equal((await clients.bank.post('/api/match/interests', { ...pair, counterpartId: ids.bank })).json().interest.status, 'counterpart_interested');
  });
  after(() => h.close());

  // Expected status per role: a default for the signed-in, with the exceptions.
  const S = (signedIn: number, except: Partial<Record<Role, number>> = {}) => (r: Role) => (except[r] ?? (r === 'anonymous' ? 401 : signedIn));
  const staff = { catalog_organizer: 200, platform_admin: 200 } as const;
  const endpoints = (): { url: string; status: (r: Role) => number }[] => [
    { url: '/api/match/mine', status: S(200) },
    { url: '/api/match/profiles/mine', status: S(200) },
    { url: '/api/match/profiles', status: S(403, staff) },
    { url: `/api/match/profiles/${ids.investor}`, status: S(404, { ...staff, investor: 200 }) },
    { url: `/api/match/profiles/${ids.applicant}`, status: S(404, { ...staff, applicant: 200 }) },
    { url: `/api/match/entries/${ids.entry}/matches`, status: S(403, { ...staff, owner: 200 }) },
    { url: `/api/match/entries/${ids.unpublished}/matches`, status: S(404, { catalog_organizer: 409, platform_admin: 409, owner: 409 }) },
    { url: `/api/match/profiles/${ids.investor}/matches`, status: S(404, { ...staff, investor: 200 }) },
    { url: `/api/match/profiles/${ids.bank}/matches`, status: S(404, { ...staff, bank: 200 }) },
    { url: `/api/match/profiles/${ids.buyer}/matches`, status: S(404, { ...staff, buyer: 200 }) },
    { url: `/api/match/profiles/${ids.applicant}/matches`, status: S(404, { ...staff, applicant: 409 }) },
    { url: `/api/match/needs/${ids.need}/matches`, status: S(403, { ...staff, buyer: 200 }) },
    { url: '/api/match/interests', status: S(200) },
    { url: '/api/match/interests?all=1', status: S(403, staff) },
    // The public catalog and needs (features/catalog, features/needs): anyone, never a contact.
    { url: '/api/public/catalog/search?q=钙钛矿', status: () => 200 },
    { url: `/api/public/catalog/entries/${ids.entry}`, status: () => 200 },
    { url: `/api/public/catalog/entries/${ids.unpublished}`, status: () => 404 },
    { url: '/api/public/catalog/export.xlsx', status: () => 200 },
    { url: '/api/needs/public', status: () => 200 },
    { url: `/api/needs/public/${ids.need}`, status: () => 200 },
  ];

  for (const role of roles) {
    test(`${role}: the expected answer from every endpoint, and only its own private values`, async () => {
      const c = clients[role];
      const seen = new Set<Secret>();
      for (const e of endpoints()) {
        const res = await c.get(encodeURI(e.url));
        assert.equal(res.statusCode, e.status(role), `${role} GET ${e.url}: ${res.body.slice(0, 300)}`);
        // The Excel file is a zip: its shared strings are compressed, so check its text form.
        const body = e.url.endsWith('.xlsx') ? await xlsxText(res.rawPayload) : res.body;
        for (const [k, v] of Object.entries(secrets) as [Secret, string][]) if (body.includes(v)) seen.add(k);
      }
      assert.deepEqual([...seen].sort(), [...mayHold[role]].sort(), `${role} came across exactly these private values`);
    });
  }

  test('the public search finds the published technology, never the unpublished one', async () => {
    const r = (await clients.anonymous.get(encodeURI('/api/public/catalog/search?q=钙钛矿'))).body;
    assert.ok(r.includes(ids.entry));
    assert.ok(!r.includes(ids.unpublished));
    const matches = (await clients.investor.get(`/api/match/profiles/${ids.investor}/matches`)).json().items;
    assert.deepEqual(matches.map((m: { technology: { entryId: string } }) => m.technology.entryId), [ids.entry], 'an investor is matched with published technologies only');
  });
});

/** The text of every XML part of an .xlsx (exceljs reads it back; its cells as one string). */
async function xlsxText(buf: Buffer): Promise<string> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? '')))));
  return out.join('\n');
}
