// Messages of the job progress bar (shell/job-progress.tsx) and the platform admin's job page
// (admin/jobs-page.tsx); jobs.en.ts must match these keys.
export const jobsZhCN = {
  'job.queued': '排队中',
  'job.running': '处理中',
  'job.succeeded': '已完成',
  'job.dead': '失败',
  'job.retrying': '上次失败，稍后自动重试：{error}',
  'job.progress': '已完成 {done} / {total}',
  'job.loadFailed': '无法读取任务状态',
  'job.failed': '任务失败：{error}',
  'job.download': '下载文件（{name}）',
  'jobs.title': '后台任务',
  'jobs.hint': '邮件、评审提醒、推送与导出等在后台运行，失败后按退避间隔自动重试；用尽重试次数的任务进入“失败”（死信），可在此重新排队或丢弃，操作记入审计日志。',
  'jobs.kind': '类型',
  'jobs.summary': '内容',
  'jobs.attempts': '尝试次数',
  'jobs.error': '最后错误',
  'jobs.updatedAt': '更新时间',
  'jobs.runAt': '下次运行',
  'jobs.actions': '操作',
  'jobs.retry': '重新排队',
  'jobs.discard': '丢弃',
  'jobs.discardConfirm': '丢弃后该任务不再执行，确定吗？',
  'jobs.retried': '已重新排队',
  'jobs.discarded': '已丢弃',
  'jobs.empty': '没有此状态的任务',
  'jobs.more': '加载更多',
  'jobs.refresh': '刷新',
} as const;

export type JobsMessageKey = keyof typeof jobsZhCN;
export type JobsMessages = Record<JobsMessageKey, string>;
