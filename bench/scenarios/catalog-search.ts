// The public catalog's search at 10,000 published entries on SQLite, through the HTTP API
// (GET /api/public/catalog/search, no session): a mix of Chinese queries and filters, each
// connection cycling through them. The entries are seeded straight into the database before
// the server starts (realistic 推广目录 wording per 2024 产业指导目录 field, organizations in ten
// provinces); the first search builds the server's index, timed and logged, before measuring.
// In the GET group: its baseline is bare Fastify answering {ok:true}. The run also logs the
// in-process search times (the domain index alone) and a naive LIKE scan of the same rows.
// Aim (issue 11): p99 ≤ 50 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { CatalogSearchIndex, childRegions, greenCatalogue2024, type CatalogFieldsInput } from '@lvping/domain';
import { migrateToLatest, openDatabase } from '../../apps/server/src/db/database.ts';
import { startLvping } from '../lvping.ts';
import { measure } from '../measure.ts';
import type { Scenario } from '../scenario.ts';
import { stats } from './timed-runs.ts';

const ENTRIES = Number(process.env.BENCH_CATALOG_ENTRIES ?? 10_000);

/** Per field: the technologies, the processes and the places they apply, as the catalogue words them. */
const VOCAB: Record<string, { tech: string[]; process: string[]; scope: string[] }> = {
  'glt2024-1': {
    tech: ['余热余压回收发电', '高效永磁同步电机', '工业锅炉节能改造', '变频调速节能', '二氧化碳捕集利用', '烧结烟气余热利用', '空压机系统节能', '高效换热器'],
    process: ['采用双压余热锅炉回收中低温烟气显热', '永磁同步电机与变频器一体化设计', '富氧燃烧与烟气再循环', '化学吸收法捕集烟气中的二氧化碳', '螺杆膨胀机回收低品位余热'],
    scope: ['钢铁、水泥、玻璃行业', '石化、化工园区', '工业园区公用工程', '有色金属冶炼企业'],
  },
  'glt2024-2': {
    tech: ['工业污水深度处理', '挥发性有机物治理', '脱硫脱硝一体化', '土壤修复', '膜生物反应器', '臭氧催化氧化', '重金属废水处理', '噪声治理'],
    process: ['MBR膜生物反应器与反渗透组合工艺', '蓄热式催化燃烧处理VOCs', 'SCR脱硝与湿法脱硫协同', '原位化学氧化修复污染土壤', '芬顿氧化与生化处理耦合'],
    scope: ['印染、造纸、化工废水', '工业涂装与包装印刷', '燃煤电厂与工业窑炉', '污染场地与矿区'],
  },
  'glt2024-3': {
    tech: ['退役光伏组件回收', '废旧动力电池梯次利用', '建筑垃圾资源化', '废塑料化学回收', '赤泥综合利用', '再生铝保级利用', '废旧纺织品再生', '餐厨垃圾资源化'],
    process: ['热解除胶与物理分选回收玻璃和金属', '湿法冶金回收锂钴镍', '破碎筛分制备再生骨料', '催化裂解制取再生油品', '厌氧发酵产沼气'],
    scope: ['光伏电站退役组件', '新能源汽车退役电池', '城市更新与拆迁工程', '再生资源产业园'],
  },
  'glt2024-4': {
    tech: ['光伏组件高效制造', '全钒液流电池储能', '碱性电解水制氢', '质子交换膜燃料电池', '分散式风电', '智能电网调度', '生物质气化发电', '压缩空气储能'],
    process: ['TOPCon电池钝化接触工艺', '功率与容量解耦的液流电池电堆', '大标方碱性电解槽与可再生能源耦合', '膜电极与双极板国产化', '虚拟电厂聚合分布式资源'],
    scope: ['光伏电站与风电场配套', '工业园区微电网', '电网侧调峰调频', '化工、冶金绿氢替代'],
  },
  'glt2024-5': {
    tech: ['矿山生态修复', '湿地保护与修复', '林业碳汇计量', '水土流失综合治理', '荒漠化防治', '海洋生态修复'],
    process: ['边坡生态袋与植被恢复', '人工湿地水质净化', '遥感与样地结合的碳汇监测', '梯田与淤地坝综合治理', '草方格沙障固沙'],
    scope: ['废弃矿山与采石场', '河湖湿地', '国有林场与集体林区', '黄土高原与西北地区'],
  },
  'glt2024-6': {
    tech: ['超低能耗建筑', '建筑光伏一体化', '公共建筑能效提升', '绿色交通充换电设施', '海绵城市雨水利用', '区域集中供冷供热'],
    process: ['高性能围护结构与新风热回收', '光伏幕墙与建筑构件一体化', '楼宇自控与能源管理平台', '大功率直流快充与有序充电', '透水铺装与雨水调蓄'],
    scope: ['新建居住与公共建筑', '既有建筑改造', '城市道路与停车场', '产业园区与新城'],
  },
  'glt2024-7': {
    tech: ['合同能源管理', '碳排放核算与管理', '节能诊断服务', '绿色金融评估', '能源审计', '碳足迹认证'],
    process: ['能耗在线监测与节能量核定', '企业碳排放数据管理平台', '重点用能设备能效诊断', '环境效益量化与信息披露', '产品全生命周期碳足迹核算'],
    scope: ['重点用能单位', '控排企业', '中小制造企业', '金融机构与园区'],
  },
};
const MODIFIERS = ['高效', '智能', '低温', '模块化', '大型', '新型', '集成', '数字化', '低成本', '长寿命'];
const SUFFIXES = ['技术', '系统', '成套装备', '工艺', '技术及装备', '解决方案'];
const PROVINCES = ['11', '31', '32', '33', '37', '41', '42', '44', '51', '61'];

/** The query mix: text alone, text with each filter, filters alone. */
const CATALOG_QUERIES = [
  'q=光伏组件', 'q=余热回收发电', 'q=储能&region=32', 'q=污水处理&trlMin=7', 'q=电解水制氢&co2Min=10000', 'q=二氧化碳捕集&field=glt2024-1',
  'field=glt2024-4&region=41', 'q=高效永磁电机&trlMin=6&trlMax=9', 'q=建筑垃圾 资源化', 'co2Min=50000', 'q=智能电网&region=4101', 'q=生物质气化', 'q=碳足迹&page=2',
  'q=湿地修复&energyMin=100',
].map((p) => `/api/public/catalog/search?${p.replace(/=([^&]+)/g, (_m, v: string) => `=${encodeURIComponent(v)}`)}`);

/** A deterministic PRNG (mulberry32), so every run seeds the same catalog. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticEntry(i: number, random: () => number): CatalogFieldsInput {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const field = greenCatalogue2024[i % greenCatalogue2024.length];
  const v = VOCAB[field.id];
  const tech = pick(v.tech);
  const co2 = Math.round(random() * 80_000);
  return {
    name: `${pick(MODIFIERS)}${tech}${pick(SUFFIXES)}`,
    fieldId: field.id,
    scope: `适用于${pick(v.scope)}的${tech}改造与新建项目，也可用于${pick(v.scope)}。`,
    process: `${pick(v.process)}，${pick(v.process)}；关键设备国产化，配套在线监测与智能控制系统，运行稳定可靠。`,
    parameters: `综合能效提升${5 + Math.floor(random() * 30)}%，设备可用率≥${90 + Math.floor(random() * 9)}%，投资回收期${2 + Math.floor(random() * 6)}年。`,
    benefits: { energySavedTce: Math.round(random() * 30_000), co2ReducedT: co2, others: [{ name: '年节约费用', value: Math.round(random() * 5000), unit: '万元' }] },
    cases: [{ name: `${pick(['某集团', '某公司', '某园区', '某市'])}${tech}示范项目`, place: `${pick(['河南省郑州市', '江苏省苏州市', '广东省深圳市', '四川省成都市', '山东省济南市'])}`, year: 2019 + Math.floor(random() * 6), description: `项目年减排二氧化碳约${co2}吨。` }],
    ip: { kind: pick(['granted_patents', 'pending_patents', 'licensed', 'trade_secret'] as const), detail: `发明专利${1 + Math.floor(random() * 20)}项` },
    trl: 4 + Math.floor(random() * 6),
    contact: { name: '联系人', phone: '010-12345678', email: `contact${i}@example.com` },
  };
}

/** Migrates a fresh SQLite file and writes `n` published entries (and their owners) into it. */
async function seedCatalog(dataDir: string, n: number): Promise<void> {
  const database = openDatabase({ databaseUrl: null, dataDir });
  try {
    await migrateToLatest(database.db);
    const now = Date.now();
    const random = rng(11);
    const counties = PROVINCES.flatMap((p) => childRegions(`${p}0000`).flatMap((c) => childRegions(c.code).slice(0, 4).map((x) => x.code)));
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({ id: 'bench-owner', email: 'owner@bench.example.com', display_name: '目录持有人', password_hash: 'x', must_change_password: 0, disabled: 0, created_at: now, updated_at: now }).execute();
      const orgs = 300;
      for (let o = 0; o < orgs; o++) {
        await trx.insertInto('organizations').values({
          id: `org-${o}`, name: `${pick(random, ['华能', '绿源', '中科', '碳谷', '清源', '新能', '恒通', '蓝天'])}${pick(random, ['环保', '能源', '科技', '节能', '新材料'])}${o}有限公司`, credit_code: `BENCH${String(o).padStart(13, '0')}`,
          region_code: counties[o % counties.length], kind: 'enterprise', address: '—', contact_name: '—', contact_phone: '—', contact_email: 'org@example.com', owner_user_id: 'bench-owner', created_at: now, updated_at: now,
        }).execute();
      }
      for (let i = 0; i < n; i++) {
        const id = `entry-${i}`;
        await trx.insertInto('catalog_entries').values({
          id, organization_id: `org-${i % orgs}`, owner_user_id: 'bench-owner', program_id: null, application_id: null, status: 'published', status_reason: null, published_version: 1, public_seq: i + 1, created_at: now, updated_at: now,
        }).execute();
        await trx.insertInto('catalog_versions').values({
          entry_id: id, version: 1, fields_json: JSON.stringify(syntheticEntry(i, random)), status: 'approved', submitted_by: 'bench-owner', submitted_at: now, reviewed_by: 'bench-owner', reviewed_at: now - i * 1000, review_note: null, created_at: now,
        }).execute();
      }
      await trx.updateTable('catalog_generation').set({ generation: n }).where('id', '=', 1).execute();
    });
  } finally {
    await database.close();
  }
}

const pick = <T>(random: () => number, xs: readonly T[]) => xs[Math.floor(random() * xs.length)];

/** What the HTTP numbers are made of: the domain index alone on the same entries, and a LIKE scan instead of it. */
async function logInProcess(dataDir: string, log: (m: string) => void): Promise<void> {
  const database = openDatabase({ databaseUrl: null, dataDir });
  try {
    const rows = await database.db.selectFrom('catalog_versions').select(['entry_id', 'fields_json']).execute();
    const ix = new CatalogSearchIndex();
    const t0 = performance.now();
    for (const r of rows) {
      const f = JSON.parse(r.fields_json) as CatalogFieldsInput;
      ix.upsert({ id: r.entry_id, name: f.name, texts: [f.scope, f.process, f.parameters], fieldId: f.fieldId, regionCode: '410105', trl: f.trl, co2ReducedT: f.benefits.co2ReducedT ?? null, energySavedTce: f.benefits.energySavedTce ?? null, publishedAt: 0 });
    }
    log(`in-process index of ${rows.length} entries built in ${(performance.now() - t0).toFixed(0)} ms`);
    const queries = CATALOG_QUERIES.map((u) => Object.fromEntries(new URL(u, 'http://x').searchParams));
    const samples: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (const q of queries) {
        const t = performance.now();
        ix.search({ q: q.q, fieldId: q.field, region: q.region, trlMin: q.trlMin ? Number(q.trlMin) : undefined, co2Min: q.co2Min ? Number(q.co2Min) : undefined });
        samples.push(performance.now() - t);
      }
    }
    const s = stats(samples);
    log(`in-process search (index only): median ${s.medianMs.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms over ${s.runs} searches`);
    const like: number[] = [];
    for (const term of ['光伏组件', '余热回收发电', '污水处理', '碳足迹']) {
      const t = performance.now();
      await sql`select count(*) from catalog_versions where fields_json like ${`%${term}%`}`.execute(database.db);
      like.push(performance.now() - t);
    }
    log(`naive LIKE '%…%' scan of the same rows (count only, no ranking): median ${stats(like).medianMs.toFixed(1)} ms`);
  } finally {
    await database.close();
  }
}

export const catalogSearch: Scenario<{ url: string }> = {
  name: `GET /api/public/catalog/search, ${ENTRIES / 1000}k entries, query mix`,
  engine: 'sqlite',
  aim: { maxP99Ms: 50 },
  async setup(ctx) {
    ctx.signal.throwIfAborted();
    const dataDir = await mkdtemp(join(tmpdir(), 'lvping-bench-catalog-'));
    ctx.defer(() => rm(dataDir, { recursive: true, force: true }));
    let t = performance.now();
    await seedCatalog(dataDir, ENTRIES);
    ctx.log(`seeded ${ENTRIES} published entries in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await logInProcess(dataDir, ctx.log);
    const server = await startLvping(ctx, 'sqlite', { DATA_DIR: dataDir });
    t = performance.now();
    const first = await fetch(`${server.url}${CATALOG_QUERIES[0]}`);
    if (!first.ok) throw new Error(`first search: HTTP ${first.status} ${await first.text()}`);
    const body = (await first.json()) as { total: number };
    ctx.log(`first search (builds the server's index from the database): ${(performance.now() - t).toFixed(0)} ms, ${body.total} results for 光伏组件`);
    for (const path of CATALOG_QUERIES) {
      const r = await fetch(`${server.url}${path}`);
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      const j = (await r.json()) as { total: number };
      ctx.log(`${decodeURIComponent(path.split('?')[1])}: ${j.total} results`);
    }
    return { url: server.url };
  },
  run: ({ url }) => measure(url, { requests: CATALOG_QUERIES.map((path) => ({ method: 'GET', path })) }),
};
