import { AppError, isPlatformAdmin, type ApplicationDetail } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { fileOfApplication } from '../files/file.service.ts';
import { pdfOfApplication } from '../documents/document.service.ts';
import { isPrivateDraft } from './application-access.ts';
import { findApplication, type ApplicationRow } from './application.repository.ts';
import { applicationDetail } from './application.service.ts';

// A draft is its applicant's until submitted (application-access.ts). The one way past that is a
// platform admin who states why (a support case, a legal request): each opening — the view, a
// file, the PDF — writes an audit row with the reason before anything is read. POST with the
// CSRF token, so no link or image on another site can make an admin's browser write one.

type Target = { kind: 'view' } | { kind: 'file'; fileId: string } | { kind: 'pdf' };

async function openAudited(deps: Deps, actor: Actor | null, id: string, reason: string, target: Target, requestId: string | null): Promise<ApplicationRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有平台管理员可以说明理由后查看申报书', en: 'Only a platform admin may open an application this way, with a reason' } });
  const row = await findApplication(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      actorId: actor.userId, action: 'application.admin_open', entity: 'application', entityId: id, requestId,
      after: { reason, ...target, status: row.status, draft: isPrivateDraft(row) },
    }, deps.now());
  });
  return row;
}

export async function adminOpenApplication(deps: Deps, actor: Actor | null, id: string, reason: string, requestId: string | null): Promise<ApplicationDetail> {
  const row = await openAudited(deps, actor, id, reason, { kind: 'view' }, requestId);
  return applicationDetail(deps, actor!, row);
}

export async function adminOpenFile(deps: Deps, actor: Actor | null, id: string, fileId: string, reason: string, requestId: string | null) {
  const row = await openAudited(deps, actor, id, reason, { kind: 'file', fileId }, requestId);
  return fileOfApplication(deps, actor, row, fileId);
}

export async function adminOpenPdf(deps: Deps, actor: Actor | null, id: string, reason: string, requestId: string | null) {
  const row = await openAudited(deps, actor, id, reason, { kind: 'pdf' }, requestId);
  return pdfOfApplication(deps, actor, row);
}
