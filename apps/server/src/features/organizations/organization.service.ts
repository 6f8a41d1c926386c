import { AppError, type Organization, type OrganizationInput } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findOrganizationByCreditCode, insertOrganization, listOrganizationsOf, type OrganizationRow } from './organization.repository.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

export function toOrganization(r: OrganizationRow): Organization {
  return {
    id: r.id, name: r.name, creditCode: r.credit_code, regionCode: r.region_code, kind: r.kind as Organization['kind'], ...(r.ownership ? { ownership: r.ownership as NonNullable<Organization['ownership']> } : {}),
    address: r.address, contactName: r.contact_name, contactPhone: r.contact_phone, contactEmail: r.contact_email, createdAt: r.created_at,
  };
}

const codeTaken = () =>
  new AppError('CONFLICT', {
    message: { 'zh-CN': '该统一社会信用代码已由其他账号注册', en: 'This credit code is already registered by another account' },
    fields: [{ path: 'creditCode', message: { 'zh-CN': '已被注册', en: 'already registered' } }],
  });

/** Registers the applicant's organization; a credit code belongs to one account. */
export async function createOrganization(deps: Deps, actor: Actor, input: OrganizationInput, requestId: string | null = null): Promise<Organization> {
  const now = deps.now();
  const row: OrganizationRow = {
    id: newId(), name: input.name, credit_code: input.creditCode, region_code: input.regionCode, kind: input.kind, ownership: input.ownership ?? '', address: input.address,
    contact_name: input.contactName, contact_phone: input.contactPhone, contact_email: input.contactEmail,
    owner_user_id: actor.userId, created_at: now, updated_at: now,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (await findOrganizationByCreditCode(trx, input.creditCode)) throw codeTaken();
      await insertOrganization(trx, row);
      await appendAudit(trx, { actorId: actor.userId, action: 'organization.create', entity: 'organization', entityId: row.id, after: input, requestId }, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken();
    throw e;
  }
  return toOrganization(row);
}

export async function listMyOrganizations(deps: Deps, actor: Actor): Promise<Organization[]> {
  return (await listOrganizationsOf(deps.db, actor.userId)).map(toOrganization);
}
