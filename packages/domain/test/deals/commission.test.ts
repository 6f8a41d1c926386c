import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommissionRulesSchema, computeCommission, defaultCommissionRules, wanToYuan, type CommissionRules } from '../../src/deals/commission.ts';
import { RecordDealSchema } from '../../src/deals/deal-api.schema.ts';

const rules = (r: CommissionRules['rules']): CommissionRules => CommissionRulesSchema.parse({ rules: r });
const wan = (n: number) => wanToYuan(n);

describe('交易佣金 (commission)', () => {
  const license = rules([{ kind: 'license', tiers: [{ upToWan: 100, ratePercent: 5 }, { upToWan: null, ratePercent: 3 }], minWan: 0.5, maxWan: 20 }]);

  it('charges marginal tiers: 5% of the first 100万, 3% above', () => {
    assert.equal(computeCommission(license, 'license', wan(80)).commissionFen, 4_0000_00, '80万 × 5% = 4万');
    assert.equal(computeCommission(license, 'license', wan(100)).commissionFen, 5_0000_00, 'exactly at the tier end');
    const c = computeCommission(license, 'license', wan(300));
    assert.equal(c.commissionFen, 11_0000_00, '5万 + 200万 × 3% = 11万');
    assert.deepEqual(c.parts, [{ fromYuan: 0, toYuan: 1_000_000, rateBp: 500, baseYuan: 1_000_000 }, { fromYuan: 1_000_000, toYuan: null, rateBp: 300, baseYuan: 2_000_000 }]);
    assert.equal(c.clamped, null);
  });

  it('applies the minimum and the maximum, never charging more than the deal', () => {
    const small = computeCommission(license, 'license', wan(2));
    assert.equal(small.commissionFen, 5000_00, '2万 × 5% = 1000元 < the 5000元 minimum');
    assert.equal(small.clamped, 'min');
    assert.equal(computeCommission(license, 'license', 3000).commissionFen, 3000_00, 'a 3000元 deal pays at most 3000元');
    const big = computeCommission(license, 'license', wan(1000));
    assert.equal(big.commissionFen, 20_0000_00, '5万 + 900万 × 3% = 32万, capped at 20万');
    assert.equal(big.clamped, 'max');
  });

  it('rounds once, half up, to the fen', () => {
    const r = rules([{ kind: 'purchase', tiers: [{ upToWan: 0.0001, ratePercent: 0.05 }, { upToWan: null, ratePercent: 0.05 }], minWan: null, maxWan: null }]);
    // 1元 × 0.05% = 0.05分 per tier; a 3元 deal is 0.15分 → 0分; a 10元 deal 0.5分 → 1分.
    assert.equal(computeCommission(r, 'purchase', 3).commissionFen, 0);
    assert.equal(computeCommission(r, 'purchase', 10).commissionFen, 1);
    assert.equal(computeCommission(r, 'purchase', 9).commissionFen, 0);
  });

  it('charges nothing for a kind without a rule or a zero amount', () => {
    assert.deepEqual(computeCommission(license, 'loan', wan(50)), { kind: 'loan', amountYuan: 500_000, commissionFen: 0, parts: [], clamped: null, ruled: false });
    assert.equal(computeCommission(license, 'license', 0).commissionFen, 0);
    assert.throws(() => computeCommission(license, 'license', 1.5));
  });

  it('stays exact at the largest amount', () => {
    const c = computeCommission(defaultCommissionRules, 'purchase', wan(10_000_000));
    // 100万×3% + 400万×2% + 9,999,500万×1% = 3万 + 8万 + 99,995万
    assert.equal(c.commissionFen, (3 + 8 + 99_995) * 10_000 * 100);
  });

  it('refuses rules that do not make sense, naming the field', () => {
    const bad = CommissionRulesSchema.safeParse({ rules: [
      { kind: 'license', tiers: [{ upToWan: 100, ratePercent: 5 }, { upToWan: 50, ratePercent: 3 }, { upToWan: null, ratePercent: 1 }] },
      { kind: 'license', tiers: [{ upToWan: 10, ratePercent: 5 }] },
      { kind: 'loan', tiers: [{ upToWan: null, ratePercent: 1.234 }], minWan: 10, maxWan: 5 },
    ] });
    assert.equal(bad.success, false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    for (const p of ['rules.0.tiers.1.upToWan', 'rules.1.kind', 'rules.1.tiers.0.upToWan', 'rules.2.tiers.0.ratePercent', 'rules.2.maxWan']) assert.ok(paths.includes(p), `${p} in ${paths}`);
  });

  it('a deal names its other side once and its amount to the yuan', () => {
    const base = { kind: 'license', amountWan: 12.5, date: '2026-12-18', viaPlatform: true };
    assert.equal(RecordDealSchema.safeParse({ ...base, counterpartEmail: 'a@b.cn' }).success, true);
    assert.equal(RecordDealSchema.safeParse(base).success, false);
    assert.equal(RecordDealSchema.safeParse({ ...base, counterpartEmail: 'a@b.cn', counterpartUserId: 'u' }).success, false);
    assert.equal(RecordDealSchema.safeParse({ ...base, amountWan: 1.23456, counterpartEmail: 'a@b.cn' }).success, false);
    assert.equal(RecordDealSchema.safeParse({ ...base, amountWan: 0, counterpartEmail: 'a@b.cn' }).success, false);
  });
});
