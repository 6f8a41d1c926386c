// The status events an organizer's endpoint may subscribe to, with what each body's `data`
// carries (webhook-api.schema.ts describes them for OpenAPI).
export const webhookEvents = [
  'application.submitted',
  'application.endorsed',
  'application.screened',
  'review.round_result',
  'outcome.decided',
  'outcome.published',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** What the organizer's form and the OpenAPI document call each event. */
export const webhookEventNames: Record<WebhookEvent, { 'zh-CN': string; en: string }> = {
  'application.submitted': { 'zh-CN': '申报已提交', en: 'Application submitted' },
  'application.endorsed': { 'zh-CN': '推荐单位已推荐', en: 'Endorsed by the recommending unit' },
  'application.screened': { 'zh-CN': '初筛已决定（通过/未通过）', en: 'Screened (passed or failed)' },
  'review.round_result': { 'zh-CN': '评审轮次结果（晋级/淘汰）', en: 'Review round result (advanced / eliminated)' },
  'outcome.decided': { 'zh-CN': '评选结果已审定', en: 'Outcome decided' },
  'outcome.published': { 'zh-CN': '评选结果已发布', en: 'Results published' },
};
