import { AppError, JobFileResultSchema } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { findJob } from './job.repository.ts';
import { openJobFile } from './job-files.ts';

// The file a job made, to the user who asked for it and no one else (not even a platform
// admin: an export carries what its owner may read). Everyone else gets 404, as for the job.

const expired = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '文件已过期或不存在，请重新导出', en: 'The file has expired or does not exist; export again' } });

export async function jobDownload(deps: Deps, actor: Actor | null, jobId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findJob(deps.db, jobId);
  if (!row || row.owner_user_id !== actor.userId) throw new AppError('NOT_FOUND');
  if (row.status !== 'succeeded') throw new AppError('CONFLICT', { message: { 'zh-CN': '任务尚未完成', en: 'The job has not finished' } });
  const parsed = JobFileResultSchema.safeParse(row.result === null ? null : JSON.parse(row.result));
  if (!parsed.success) throw new AppError('NOT_FOUND');
  const { file } = parsed.data;
  const opened = await openJobFile(deps.config.dataDir, row.id, file.name);
  if (!opened) throw expired();
  return { name: file.name, mime: file.mime, size: opened.size, stream: opened.stream };
}
