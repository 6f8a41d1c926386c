// An entry's life in the catalog. The public sees an entry only while it is `published`, and then
// only its approved version (published_version): an owner's update is a new version, pending
// review, while the entry stays published with the old one.
//
//   invited ─opt_in→ draft ─submit→ pending ─approve→ published ─suspend→ suspended ─retire→ retired
//                      ↑──reject──────┘          │  ↑ submit (a new version; stays published)
//                                                 └─retire→ retired ─reinstate→ published (also from suspended)

export const catalogEntryStatuses = ['invited', 'draft', 'pending', 'published', 'suspended', 'retired'] as const;
export type CatalogEntryStatus = (typeof catalogEntryStatuses)[number];
export const catalogVersionStatuses = ['draft', 'pending', 'approved', 'rejected', 'superseded'] as const;
export type CatalogVersionStatus = (typeof catalogVersionStatuses)[number];
export type CatalogEvent = 'opt_in' | 'submit' | 'approve' | 'reject' | 'suspend' | 'retire' | 'reinstate';

export const catalogEntryStatusNames: Record<CatalogEntryStatus, { 'zh-CN': string; en: string }> = {
  invited: { 'zh-CN': '已邀请', en: 'Invited' },
  draft: { 'zh-CN': '填写中', en: 'Draft' },
  pending: { 'zh-CN': '待审核', en: 'Pending review' },
  published: { 'zh-CN': '已入目录', en: 'Published' },
  suspended: { 'zh-CN': '暂停展示', en: 'Suspended' },
  retired: { 'zh-CN': '已退出目录', en: 'Retired' },
};

const moves: Record<CatalogEvent, Partial<Record<CatalogEntryStatus, CatalogEntryStatus>>> = {
  opt_in: { invited: 'draft' },
  // An update of a published (or suspended) entry leaves it as it is until the version is approved.
  submit: { draft: 'pending', pending: 'pending', published: 'published', suspended: 'suspended' },
  approve: { pending: 'published', published: 'published', suspended: 'suspended' },
  reject: { pending: 'draft', published: 'published', suspended: 'suspended' },
  suspend: { published: 'suspended' },
  retire: { published: 'retired', suspended: 'retired' },
  reinstate: { suspended: 'published', retired: 'published' },
};

const eventNames: Record<CatalogEvent, { zh: string; en: string }> = {
  opt_in: { zh: '确认加入', en: 'opt in' },
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '审核通过', en: 'approve' },
  reject: { zh: '退回', en: 'reject' },
  suspend: { zh: '暂停', en: 'suspend' },
  retire: { zh: '退出目录', en: 'retire' },
  reinstate: { zh: '恢复', en: 'reinstate' },
};

/** The status after the event, or why it cannot happen (named in both languages). */
export function nextCatalogStatus(from: CatalogEntryStatus, event: CatalogEvent): { to: CatalogEntryStatus } | { refused: { 'zh-CN': string; en: string } } {
  const to = moves[event][from];
  if (to) return { to };
  const name = catalogEntryStatusNames[from];
  return { refused: { 'zh-CN': `条目${name['zh-CN']}，不能${eventNames[event].zh}`, en: `The entry is ${name.en.toLowerCase()}: cannot ${eventNames[event].en}` } };
}

/** Whether the public catalog shows an entry in this status. */
export const isCatalogPublicStatus = (s: string): boolean => s === 'published';
