import type { DecisionBlock } from './decision-definition.schema.ts';

// A program's outcome after its last review round: one state machine for decisions, committee
// approval, 公示 and publication. Services ask `nextOutcome` and refuse what it refuses, with
// the allowed next steps in the message.
//
//   deciding ──submit──▶ with_committee ──approve (enough members)──▶ approved
//      ▲  │                    │ propose_changes                         │ open_publicity ──▶ in_publicity
//      │  └──finalize (no committee)──▶ approved                         │                       │ close (period over, objections ruled)
//      └──────── reopen (before publication) ◀──────────────────────────┘                       ▼
//                                             approved ─publish (no 公示 required)─▶ published ◀─ publicity_closed

export const outcomeStatuses = ['deciding', 'with_committee', 'approved', 'in_publicity', 'publicity_closed', 'published'] as const;
export type OutcomeStatus = (typeof outcomeStatuses)[number];

export const outcomeStatusNames: Record<OutcomeStatus, { 'zh-CN': string; en: string }> = {
  deciding: { 'zh-CN': '拟定中', en: 'Deciding' },
  with_committee: { 'zh-CN': '委员会审定中', en: 'With the committee' },
  approved: { 'zh-CN': '已审定', en: 'Approved' },
  in_publicity: { 'zh-CN': '公示中', en: 'In public announcement' },
  publicity_closed: { 'zh-CN': '公示结束', en: 'Announcement closed' },
  published: { 'zh-CN': '已发布', en: 'Published' },
};

export type OutcomeEvent = 'submit' | 'approve' | 'propose_changes' | 'finalize' | 'reopen' | 'open_publicity' | 'close_publicity' | 'publish';

const transitions: Record<OutcomeEvent, Partial<Record<OutcomeStatus, OutcomeStatus>>> = {
  submit: { deciding: 'with_committee' },
  approve: { with_committee: 'approved' },
  propose_changes: { with_committee: 'deciding' },
  finalize: { deciding: 'approved' },
  reopen: { with_committee: 'deciding', approved: 'deciding', publicity_closed: 'deciding' },
  open_publicity: { approved: 'in_publicity' },
  close_publicity: { in_publicity: 'publicity_closed' },
  publish: { approved: 'published', publicity_closed: 'published' },
};

/** Where the event takes the outcome, or null with the reason (both languages) it may not happen. */
export function nextOutcome(status: OutcomeStatus, event: OutcomeEvent, d: DecisionBlock): { to: OutcomeStatus } | { refused: { zh: string; en: string } } {
  const committee = d.approval.by === 'committee';
  const resultsPublicity = d.publicity.results;
  if (event === 'submit' && !committee) return { refused: { zh: '本活动不需要委员会审定：请直接确定名单', en: 'this program needs no committee approval: finalize the list instead' } };
  if (event === 'finalize' && committee) return { refused: { zh: '本活动的名单须经委员会审定，不能由主办方直接确定', en: 'this program needs the committee’s approval: submit the list to the committee' } };
  if (event === 'open_publicity' && !resultsPublicity) return { refused: { zh: '本活动未设评比结果公示', en: 'this program holds no results 公示' } };
  if (event === 'publish' && status === 'approved' && resultsPublicity?.required) return { refused: { zh: '评比结果须先公示，公示结束后方可发布', en: 'the results must go through 公示 before they are published' } };
  const to = transitions[event][status];
  if (to) return { to };
  const allowed = (Object.keys(transitions) as OutcomeEvent[]).filter((e) => transitions[e][status]);
  const name = outcomeStatusNames[status];
  return { refused: { zh: `当前状态“${name['zh-CN']}”下不能执行 ${event}；可执行：${allowed.join('、') || '无'}`, en: `cannot ${event} while ${name.en.toLowerCase()}; allowed: ${allowed.join(', ') || 'nothing'}` } };
}

/** Decisions may be edited by the organizer only while deciding; later only through an objection's ruling or, once published, a correction. */
export const decisionsEditable = (s: OutcomeStatus): boolean => s === 'deciding';
