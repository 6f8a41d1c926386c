import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesToFieldErrors } from '../../src/api/zod-issues.ts';
import { catalogPrefillFromAnswers, catalogPublicFields, CatalogFieldsSchema, type CatalogFieldsInput } from '../../src/catalog/catalog-fields.schema.ts';
import { catalogRegionPrefix, catalogSnippet, CatalogSearchIndex, highlightCatalogText, type CatalogDoc } from '../../src/catalog/catalog-search.ts';
import { nextCatalogStatus } from '../../src/catalog/catalog-status.ts';

// The catalog's pure parts: the entry's field schema (with errors in both languages), the status
// machine, and search — terms, filters and BM25 order on a small Chinese set, highlights.

const sampleFields = (over: Partial<CatalogFieldsInput> = {}): CatalogFieldsInput => ({
  name: '钢铁烧结余热高效回收发电技术',
  fieldId: 'glt2024-1',
  scope: '适用于钢铁行业烧结、球团工序的余热回收利用改造。',
  process: '采用双压余热锅炉与补汽凝汽式汽轮机，回收烧结矿显热发电。',
  parameters: '吨矿发电量≥18 kWh，余热回收率≥65%。',
  benefits: { energySavedTce: 12000, co2ReducedT: 31000, others: [{ name: '年发电量', value: 9800, unit: '万kWh' }] },
  cases: [{ name: '某钢铁集团烧结余热发电项目', place: '河南省安阳市', year: 2023, description: '360 m² 烧结机配套。' }],
  ip: { kind: 'granted_patents', detail: 'ZL202110000001.1' },
  trl: 8,
  contact: { name: '王工', phone: '0371-66668888', email: 'wang@example.com' },
  ...over,
});

test('the field schema accepts a complete entry and names each bad field in both languages', () => {
  const ok = CatalogFieldsSchema.parse(sampleFields());
  assert.equal(ok.benefits.co2ReducedT, 31000);
  assert.deepEqual(Object.keys(catalogPublicFields(ok)).includes('contact'), false);

  const bad = CatalogFieldsSchema.safeParse(sampleFields({ trl: 12, cases: [], contact: { name: '王工', phone: 'abc', email: 'x' }, benefits: { energySavedTce: -1, co2ReducedT: null, others: [] } }));
  assert.equal(bad.success, false);
  const errors = issuesToFieldErrors(bad.error!.issues);
  const byPath = new Map(errors.map((e) => [e.path, e.message]));
  assert.deepEqual([...byPath.keys()].sort(), ['benefits.energySavedTce', 'cases', 'contact.email', 'contact.phone', 'trl']);
  assert.equal(byPath.get('trl')!['zh-CN'], '不能大于 9');
  assert.equal(byPath.get('contact.phone')!['zh-CN'], '电话号码格式不正确');
  assert.equal(byPath.get('contact.phone')!.en, 'Not a valid phone number');
  assert.equal(byPath.get('cases')!['zh-CN'], '至少需要 1 项');
  const field = CatalogFieldsSchema.safeParse(sampleFields({ fieldId: '领域' }));
  assert.equal(issuesToFieldErrors(field.error!.issues)[0].message.en, 'Choose a field (a catalogue field or a track)');
});

test('an awarded application prefills the name from its title and the answers whose ids say what they hold', () => {
  const pre = catalogPrefillFromAnswers('光伏组件回收', { basic: { projectName: '光伏组件回收', summary: '退役光伏组件的拆解与材料回收。', revenue: 3 } }, 'green');
  assert.deepEqual(pre, { name: '光伏组件回收', fieldId: 'green', scope: '退役光伏组件的拆解与材料回收。' });
});

test('the status machine: updates keep a published entry published; suspend, retire, reinstate', () => {
  assert.deepEqual(nextCatalogStatus('invited', 'opt_in'), { to: 'draft' });
  assert.deepEqual(nextCatalogStatus('draft', 'submit'), { to: 'pending' });
  assert.deepEqual(nextCatalogStatus('pending', 'approve'), { to: 'published' });
  assert.deepEqual(nextCatalogStatus('published', 'submit'), { to: 'published' });
  assert.deepEqual(nextCatalogStatus('pending', 'reject'), { to: 'draft' });
  assert.deepEqual(nextCatalogStatus('published', 'suspend'), { to: 'suspended' });
  assert.deepEqual(nextCatalogStatus('suspended', 'retire'), { to: 'retired' });
  assert.deepEqual(nextCatalogStatus('retired', 'reinstate'), { to: 'published' });
  const refused = nextCatalogStatus('invited', 'submit');
  assert.ok('refused' in refused);
  assert.equal(refused.refused['zh-CN'], '条目已邀请，不能提交');
  assert.ok('refused' in nextCatalogStatus('retired', 'submit'));
});

const doc = (id: string, name: string, text: string, over: Partial<CatalogDoc> = {}): CatalogDoc => ({
  id, name, texts: [text], fieldId: 'glt2024-4', regionCode: '410105', trl: 7, co2ReducedT: 1000, energySavedTce: 500, publishedAt: 1, ...over,
});

function smallIndex(): CatalogSearchIndex {
  const ix = new CatalogSearchIndex();
  ix.upsert(doc('pv', '退役光伏组件回收利用技术', '晶硅光伏组件拆解、银铜回收，适用于光伏电站退役组件。', { co2ReducedT: 5000, trl: 8 }));
  ix.upsert(doc('storage', '液流电池储能系统', '全钒液流电池储能，适用于光伏电站与风电场配套储能。', { regionCode: '320505', trl: 6 }));
  ix.upsert(doc('heat', '烧结余热回收发电', '钢铁行业余热回收发电。', { fieldId: 'glt2024-1', co2ReducedT: 31000, energySavedTce: 12000, trl: 9, regionCode: '410500' }));
  ix.upsert(doc('h2', 'PEM电解水制氢装备', '质子交换膜 PEM 电解槽，可与光伏耦合制取绿氢。', { regionCode: '110108', co2ReducedT: null }));
  return ix;
}

test('search ranks by BM25 over the affinity terms: the name counts most, a long query needs most of its words', () => {
  const ix = smallIndex();
  assert.deepEqual(ix.search({ q: '光伏组件回收' }).hits.map((h) => h.id), ['pv']);
  const pv = ix.search({ q: '光伏' }).hits.map((h) => h.id);
  assert.equal(pv[0], 'pv', 'the name holds the term: first');
  assert.deepEqual([...pv].sort(), ['h2', 'pv', 'storage']);
  assert.deepEqual(ix.search({ q: '余热回收' }).hits.map((h) => h.id), ['heat']);
  assert.deepEqual(ix.search({ q: 'pem' }).hits.map((h) => h.id), ['h2'], 'Latin words, case-folded');
  assert.deepEqual(ix.search({ q: 'ＰＥＭ 制氢' }).hits.map((h) => h.id), ['h2'], 'full-width letters are NFKC-normalised');
  assert.deepEqual(ix.search({ q: '光伏 余热' }).hits, [], 'two words: an entry must hold both');
  assert.deepEqual(ix.search({ q: '核聚变' }).hits, []);
});

test('filters: field, region prefix (410000 reads as 41), TRL range and benefit thresholds; no query lists newest first', () => {
  const ix = smallIndex();
  const ids = (f: Parameters<CatalogSearchIndex['search']>[0]) => ix.search(f).hits.map((h) => h.id).sort();
  assert.deepEqual(ids({ q: '光伏', region: '410000' }), ['pv']);
  assert.deepEqual(ids({ q: '回收', fieldId: 'glt2024-1' }), ['heat']);
  assert.deepEqual(ids({ region: '41' }), ['heat', 'pv']);
  assert.deepEqual(ids({ region: '4105' }), ['heat']);
  assert.deepEqual(ids({ trlMin: 8 }), ['heat', 'pv']);
  assert.deepEqual(ids({ trlMax: 6 }), ['storage']);
  assert.deepEqual(ids({ co2Min: 5000 }), ['heat', 'pv']);
  assert.deepEqual(ids({ energyMin: 1000 }), ['heat']);
  assert.deepEqual(ids({ co2Min: 0 }), ['heat', 'pv', 'storage'], 'an entry that states no CO₂ figure never meets a threshold');
  assert.equal(catalogRegionPrefix('410100'), '4101');
  ix.upsert(doc('new', '新条目', '光伏。', { publishedAt: 9 }));
  assert.equal(ix.search({}).hits[0].id, 'new');
  assert.equal(ix.search({}, 1, 2).hits.length, 2);
  assert.equal(ix.search({}).total, 5);
});

test('upsert replaces an entry, remove drops it, and document frequencies follow (also across a compaction)', () => {
  const ix = smallIndex();
  ix.upsert(doc('pv', '钙钛矿叠层电池', '钙钛矿与晶硅叠层。'));
  assert.deepEqual(ix.search({ q: '光伏组件回收' }).hits, []);
  assert.deepEqual(ix.search({ q: '钙钛矿' }).hits.map((h) => h.id), ['pv']);
  ix.remove('storage');
  assert.equal(ix.size, 3);
  assert.deepEqual(ix.search({ q: '液流电池' }).hits, []);
  for (let i = 0; i < 1500; i++) ix.upsert(doc(`x${i}`, `临时条目${i}`, '污水处理'));
  for (let i = 0; i < 1500; i++) ix.remove(`x${i}`);
  assert.equal(ix.size, 3);
  assert.deepEqual(ix.search({ q: '污水处理' }).hits, []);
  assert.deepEqual(ix.search({ q: '钙钛矿' }).hits.map((h) => h.id), ['pv']);
  assert.deepEqual(ix.search({ q: '余热' }).hits.map((h) => h.id), ['heat']);
});

test('highlights mark the characters the query terms cover; a snippet centres on the best text', () => {
  const segs = highlightCatalogText('退役光伏组件回收利用', ['光伏', '伏组', '组件']);
  assert.deepEqual(segs, [{ text: '退役', hit: false }, { text: '光伏组件', hit: true }, { text: '回收利用', hit: false }]);
  assert.deepEqual(highlightCatalogText('PEM电解', ['pem']), [{ text: 'PEM', hit: true }, { text: '电解', hit: false }]);
  const s = catalogSnippet(['无关的文字。', `${'前'.repeat(50)}余热回收发电${'后'.repeat(100)}`], ['余热', '热回', '回收'], 40);
  assert.equal(s[0].text, '…');
  assert.ok(s.some((x) => x.hit && x.text === '余热回收'));
  assert.equal(s[s.length - 1].text, '…');
});
