// Messages of creating programs (organizer home), the program status actions (overview tab) and
// the applicant's card for a fed application; lifecycle.en.ts must match these keys.
export const lifecycleZhCN = {
  'lc.copy': '复制现有活动',
  'lc.copySource': '复制哪个活动',
  'lc.copyHint': '复制其定义（阶段、赛道、申报表、规则），作为新的筹备中活动；申报数据不复制。',
  'lc.next': '下一步：{status}',
  'lc.nextConfirm': '将活动状态改为“{status}”？状态只能按阶段顺序前进，不能退回。',
  'lc.last': '已是最后一个状态',
  'lc.calendar': '按阶段日期，当前应为“{status}”',
  'lc.path': '状态顺序：{path}',
  'fd.title': '上级推荐待确认',
  'fd.body': '您在“{source}”的申报 {number} 已由{unit}推荐参加“{target}”。已按活动配置带入 {count} 项内容和附件，原申报的历史记录已导入。确认后即提交并计入{unit}的推荐名额。',
  'fd.opinion': '推荐意见：{opinion}',
  'fd.confirm': '确认参加',
  'fd.confirmQ': '确认后申报即提交，不能再修改（初筛可退回修改）。确认？',
  'fd.decline': '谢绝',
  'fd.reason': '谢绝原因（可不填）',
  'fd.confirmed': '已确认，{unit}的推荐已生效',
  'fd.declined': '已谢绝该推荐',
};
export type LifecycleMessages = Record<keyof typeof lifecycleZhCN, string>;
export type LifecycleMessageKey = keyof typeof lifecycleZhCN;
