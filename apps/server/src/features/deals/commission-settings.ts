import { AppError, CommissionRulesSchema, defaultCommissionRules, isPlatformAdmin, type CommissionRules } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { getSetting } from '../system/settings.repository.ts';
import { putSetting } from './deal.repository.ts';

// The platform's 交易佣金 rules live in `settings` (key commission-rules), edited by platform
// admins; until then the domain's defaults apply. A confirmed deal keeps the rules it was
// computed with, so a later edit never changes what was charged.

const KEY = 'commission-rules';

export async function currentCommissionRules(db: Db): Promise<CommissionRules> {
  const text = await getSetting(db, KEY);
  return text ? CommissionRulesSchema.parse(JSON.parse(text)) : defaultCommissionRules;
}

export async function readCommissionRules(deps: Deps, actor: Actor | null): Promise<CommissionRules & { canEdit: boolean }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return { ...(await currentCommissionRules(deps.db)), canEdit: isPlatformAdmin(actor) };
}

export async function saveCommissionRules(deps: Deps, actor: Actor | null, rules: CommissionRules, requestId: string | null = null): Promise<CommissionRules & { canEdit: boolean }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有平台管理员可以修改佣金规则', en: 'Only platform admins edit the commission rules' } });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await currentCommissionRules(trx);
    await putSetting(trx, KEY, JSON.stringify(rules));
    await appendAudit(trx, { actorId: actor.userId, action: 'deal.commission_rules', entity: 'settings', entityId: KEY, before, after: rules, requestId }, now);
  });
  return { ...rules, canEdit: true };
}
