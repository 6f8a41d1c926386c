import { formatShanghaiDeadline, type ProgramDefinition } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import type { Mail } from '../../mail/mailer.ts';
import type { Notice } from '../notifications/notification.service.ts';

// The words of screening's notices, in the app and by email, in Chinese first and English after.

export type NoticeKind = 'screening.returned' | 'screening.passed' | 'screening.ineligible';
type About = { applicationId: string; number: string; trackId: string; applicantUserId: string };

export function screeningNotice(
  deps: Deps, kind: NoticeKind, about: About, def: ProgramDefinition, text: { message?: string | null; failedRules?: string[]; deadline?: number },
): { notice: Notice; mail: (to: { email: string; name: string }) => Mail } {
  const track = def.tracks.find((t) => t.id === about.trackId)?.name ?? about.trackId;
  const link = `/applications/${about.applicationId}`;
  const head = `${def.name}（${track}）申报编号 ${about.number}`;
  let title: string;
  let body: string;
  let en: string;
  if (kind === 'screening.returned') {
    title = `申报书 ${about.number} 被退回修改`;
    body = `${head}：初筛退回修改。意见：${text.message ?? ''}` + (text.deadline ? `\n请于 ${formatShanghaiDeadline(text.deadline)}（北京时间）前修改并重新提交。` : '\n请修改后重新提交。');
    en = `Your application ${about.number} was returned for revision. Comments: ${text.message ?? ''}`;
  } else if (kind === 'screening.passed') {
    title = `申报书 ${about.number} 通过初筛`;
    body = `${head}：已通过初筛（形式审查），进入后续评审。`;
    en = `Your application ${about.number} passed screening.`;
  } else {
    title = `申报书 ${about.number} 未通过初筛`;
    const rules = (text.failedRules ?? []).map((r) => `\n· ${r}`).join('');
    body = `${head}：未通过初筛。原因：${text.message ?? ''}${rules}`;
    en = `Your application ${about.number} did not pass screening. Reason: ${text.message ?? ''}`;
  }
  return {
    notice: { userId: about.applicantUserId, kind, title, body, link },
    mail: (to) => ({
      to: to.email,
      subject: `${title} / ${en.split('.')[0]}`,
      text: `${to.name}，您好：\n\n${body}\n\n详情请登录平台查看：${deps.config.publicUrl}${link}\n\n${en}\n`,
    }),
  };
}
