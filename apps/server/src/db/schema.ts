// Table types for Kysely. Times are epoch milliseconds, booleans 0/1, JSON as text:
// the same on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  created_at: number;
  updated_at: number;
}
export interface SessionsTable {
  id: string; // sha256 of the cookie token: a leaked table does not leak sessions
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}
export interface LoginAttemptsTable {
  email: string;
  failures: number;
  last_failed_at: number;
  locked_until: number | null;
}
export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}
export interface GrantsTable {
  id: string;
  user_id: string;
  role: string;
  program_id: string | null;
  track_id: string | null;
  created_at: number;
  created_by: string | null;
}
export interface ProgramsTable {
  id: string;
  slug: string;
  name: string;
  year: number;
  organizers_json: string;
  status: string;
  summary: string;
  definition_json: string | null;
  created_at: number;
  updated_at: number;
  created_by: string | null;
  next_number: number;
}
export interface AuditLogTable {
  seq: number;
  at: number;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}
export interface SettingsTable {
  key: string;
  value: string;
}

export interface FormVersionsTable {
  program_id: string;
  form_id: string;
  version: number;
  definition_json: string;
  created_at: number;
}
export interface OrganizationsTable {
  id: string;
  name: string;
  credit_code: string;
  region_code: string;
  kind: string;
  /** 所有制性质 (recommendation/reach.ts), '' when not stated. */
  ownership: Generated<string>;
  address: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  owner_user_id: string;
  created_at: number;
  updated_at: number;
}
export interface ApplicationsTable {
  id: string;
  number: string;
  program_id: string;
  track_id: string;
  organization_id: string;
  applicant_user_id: string;
  status: string;
  form_id: string;
  form_version: number;
  answers_json: string;
  revision: number;
  search_text: string;
  region_code: string;
  deadline_override: number | null;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  /** The recommending unit the applicant names (recommended tracks only). */
  unit_id: string | null;
  /** 1, 2, … per program, track and organization (unique): the track's applicationsPerOrganization caps it. Defaults to 1. */
  slot?: number;
}
/** 多级遴选: an application fed from another program (migration 20261208000600). */
export interface ProgramFeedItemsTable {
  target_application_id: string;
  target_program_id: string;
  feed_id: string;
  source_program_id: string;
  source_application_id: string;
  unit_id: string;
  opinion: string;
  mapped_json: string;
  fed_by: string;
  fed_at: number;
  state: string;
  decided_at: number | null;
}
export interface ApplicationEventsTable {
  id: string;
  application_id: string;
  at: number;
  status: string;
  note: string | null;
  actor_id: string | null;
}
export interface FilesTable {
  sha256: string;
  size: number;
  mime: string;
  created_at: number;
}
export interface ApplicationFilesTable {
  id: string;
  application_id: string;
  field_path: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
  uploaded_by: string;
  created_at: number;
}

export interface ApplicationVersionsTable {
  application_id: string;
  version_no: number;
  answers_json: string;
  form_version: number;
  submitted_at: number;
  submitted_by: string;
}
export interface ScreeningsTable {
  id: string;
  application_id: string;
  version_no: number;
  checklist_json: string;
  rules_json: string | null;
  outcome: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: number | null;
  released_at: number | null;
  revision: number;
  created_at: number;
  updated_at: number;
}
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: number;
  read_at: number | null;
}
export interface UnitDeadlineOverridesTable {
  program_id: string;
  unit_id: string;
  until: number;
  updated_at: number;
  updated_by: string | null;
}

export interface RecommendingUnitsTable {
  id: string;
  program_id: string;
  definition_unit_id: string | null;
  name: string;
  region_code: string;
  channels_json: string;
  contacts_json: string;
  admin_emails_json: string;
  invite_token_hash: string | null;
  created_at: number;
  updated_at: number;
}
export interface UnitMembersTable {
  unit_id: string;
  user_id: string;
  created_at: number;
}
export interface UnitInvitationsTable {
  token_hash: string;
  unit_id: string;
  email: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
}
export interface NominationsTable {
  application_id: string;
  program_id: string;
  unit_id: string;
  track_id: string;
  status: string;
  opinion: string | null;
  stamped_file_id: string | null;
  reason: string | null;
  decided_by: string;
  decided_at: number;
  /** The quota ledger keys the endorsement took (JSON array); null on rows older than scoped quotas. */
  quota_keys_json: string | null;
  /** The unit's order of preference among its endorsements (推荐排序), 1 first. */
  preference: number | null;
}
export interface QuotaUsageTable {
  unit_id: string;
  track_id: string;
  used: number;
}

export interface ExpertsTable {
  id: string;
  name: string;
  org_name: string;
  org_credit_code: string | null;
  org_parent_group: string | null;
  region_code: string | null;
  title: string;
  fields_json: string;
  keywords_json: string;
  bio: string;
  email: string;
  phone: string | null;
  user_id: string | null;
  search_text: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}
export interface ProgramExpertsTable {
  program_id: string;
  expert_id: string;
  track_id: string | null;
  status: string;
  max_load: number | null;
  availability_note: string | null;
  invite_token_hash: string | null;
  invited_by: string | null;
  invited_at: number;
  responded_at: number | null;
}
export interface ExpertDeclaredConflictsTable {
  id: string;
  program_id: string;
  expert_id: string;
  application_id: string | null;
  org_name: string | null;
  reason: string;
  declared_at: number;
  source: string;
  declared_by: string | null;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  password_resets: PasswordResetsTable;
  grants: GrantsTable;
  programs: ProgramsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  form_versions: FormVersionsTable;
  organizations: OrganizationsTable;
  review_assignment_runs: ReviewAssignmentRunsTable;
  review_assignments: ReviewAssignmentsTable;
  review_pair_rules: ReviewPairRulesTable;
  review_entries: ReviewEntriesTable;
  review_sheets: ReviewSheetsTable;
  review_reminders: ReviewRemindersTable;
  review_visits: ReviewVisitsTable;
  review_slots: ReviewSlotsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  program_feed_items: ProgramFeedItemsTable;
  files: FilesTable;
  application_files: ApplicationFilesTable;
  application_versions: ApplicationVersionsTable;
  screenings: ScreeningsTable;
  notifications: NotificationsTable;
  unit_deadline_overrides: UnitDeadlineOverridesTable;
  recommending_units: RecommendingUnitsTable;
  unit_members: UnitMembersTable;
  unit_invitations: UnitInvitationsTable;
  nominations: NominationsTable;
  quota_usage: QuotaUsageTable;
  experts: ExpertsTable;
  program_experts: ProgramExpertsTable;
  expert_declared_conflicts: ExpertDeclaredConflictsTable;
  program_outcomes: ProgramOutcomesTable;
  decisions: DecisionsTable;
  decision_corrections: DecisionCorrectionsTable;
  program_award_winners: ProgramAwardWinnersTable;
  committee_reviews: CommitteeReviewsTable;
  decision_tier_counts: DecisionTierCountsTable;
  publicities: PublicitiesTable;
  publicity_items: PublicityItemsTable;
  objections: ObjectionsTable;
  objection_events: ObjectionEventsTable;
  objection_files: ObjectionFilesTable;
  certificates: CertificatesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  catalog_entries: CatalogEntriesTable;
  catalog_versions: CatalogVersionsTable;
  tech_needs: TechNeedsTable;
  match_profiles: MatchProfilesTable;
  match_interests: MatchInterestsTable;
  match_introductions: MatchIntroductionsTable;
  need_milestones: NeedMilestonesTable;
  need_milestone_reports: NeedMilestoneReportsTable;
  need_milestone_scores: NeedMilestoneScoresTable;
  catalog_events: CatalogEventsTable;
  catalog_generation: CatalogGenerationTable;
  meeting_events: MeetingEventsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_requests: MeetingRequestsTable;
  deals: DealsTable;
  service_requests: ServiceRequestsTable;
  service_routes: ServiceRoutesTable;
  rate_limits: RateLimitsTable;
  pending_registrations: PendingRegistrationsTable;
  jobs: JobsTable;
}

// Generated is re-exported for later tables with database-assigned columns.
export type { Generated };

export interface ReviewAssignmentRunsTable {
  id: string;
  program_id: string;
  created_by: string;
  created_at: number;
  objective: number;
  upper_bound: number;
  optimal: number;
  seconds: number;
  load_cost: number;
  require_strong: number;
  round_id: string;
}
export interface ReviewAssignmentsTable {
  id: string;
  program_id: string;
  application_id: string;
  expert_id: string;
  affinity: number;
  status: string;
  source: string;
  declined_reason: string | null;
  created_at: number;
  published_at: number | null;
  round_id: string;
  confirmed_at: number | null;
}
export interface ReviewEntriesTable {
  program_id: string;
  round_id: string;
  application_id: string;
  entered_at: number;
  entered_by: string | null;
  reason: string | null;
}
export interface ReviewSheetsTable {
  assignment_id: string;
  program_id: string;
  round_id: string;
  application_id: string;
  expert_id: string;
  sheet_json: string;
  total: number | null;
  status: string;
  revision: number;
  started_at: number;
  updated_at: number;
  submitted_at: number | null;
  unlock_reason: string | null;
  unlocked_at: number | null;
}
export interface ReviewRemindersTable {
  id: string;
  program_id: string;
  round_id: string;
  due_at: number;
  created_by: string;
  created_at: number;
  sent_at: number | null;
  sent_count: number | null;
}
export interface ReviewVisitsTable {
  program_id: string;
  round_id: string;
  application_id: string;
  visit_date: string;
  team: string;
  address: string;
  report_file_id: string | null;
  updated_at: number;
}
export interface ReviewSlotsTable {
  program_id: string;
  round_id: string;
  application_id: string;
  panel: string;
  starts_at: number;
  place: string;
  updated_at: number;
}
export interface ReviewPairRulesTable {
  program_id: string;
  application_id: string;
  expert_id: string;
  kind: string;
  reason: string;
  created_by: string;
  created_at: number;
  round_id: string;
}

// Outcomes (migration 20261207000400_outcomes): decisions, committee, 公示, objections, certificates, webhooks.
export interface ProgramOutcomesTable {
  program_id: string;
  status: string;
  submission: number;
  revision: number;
  approved_at: number | null;
  published_at: number | null;
  published_by: string | null;
  updated_at: number;
}
export interface DecisionsTable {
  program_id: string;
  application_id: string;
  track_id: string;
  tier_id: string | null;
  proposed_tier_id: string | null;
  rank: number | null;
  score: number | null;
  p_above: number | null;
  reason: string | null;
  removed: number;
  decided_by: string;
  decided_at: number;
}
export interface DecisionCorrectionsTable {
  id: string;
  program_id: string;
  application_id: string;
  from_tier_id: string | null;
  to_tier_id: string | null;
  reason: string;
  created_by: string;
  created_at: number;
}
export interface ProgramAwardWinnersTable {
  program_id: string;
  award_id: string;
  unit_id: string;
  unit_name: string;
  by_rule: number;
  reason: string;
  decided_by: string;
  decided_at: number;
}
export interface DecisionTierCountsTable {
  program_id: string;
  track_id: string;
  tier_id: string;
  count: number;
  set_by: string;
  set_at: number;
}
export interface CommitteeReviewsTable {
  id: string;
  program_id: string;
  submission: number;
  user_id: string;
  verdict: string;
  application_id: string | null;
  proposed_tier_id: string | null;
  body: string;
  created_at: number;
}
export interface PublicitiesTable {
  id: string;
  program_id: string;
  kind: string;
  title: string;
  working_days: number;
  starts_at: number;
  ends_at: number;
  opened_by: string;
  opened_at: number;
  closed_at: number | null;
}
export interface PublicityItemsTable {
  publicity_id: string;
  application_id: string;
  position: number;
  number: string;
  title: string;
  org_name: string;
  track_id: string;
  tier_id: string | null;
  unit_name: string | null;
  removed_at: number | null;
}
export interface ObjectionsTable {
  id: string;
  receipt_no: string;
  program_id: string;
  publicity_id: string;
  application_id: string;
  name: string;
  organization: string;
  phone: string;
  email: string;
  reasons: string;
  file_ids_json: string;
  ip: string | null;
  status: string;
  ruling: string | null;
  ruling_reason: string | null;
  consequence: string | null;
  new_tier_id: string | null;
  ruled_by: string | null;
  ruled_at: number | null;
  created_at: number;
}
export interface ObjectionFilesTable {
  id: string;
  program_id: string;
  objection_id: string | null;
  purpose: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
  uploaded_by: string | null;
  ip: string | null;
  created_at: number;
}
export interface ObjectionEventsTable {
  id: string;
  objection_id: string;
  kind: string;
  body: string;
  file_ids_json: Generated<string>;
  created_by: string | null;
  created_at: number;
}
export interface CertificatesTable {
  serial: string;
  program_id: string;
  application_id: string | null;
  award_id: string | null;
  unit_id: string | null;
  tier_id: string | null;
  tier_name: string;
  organization: string;
  project: string;
  track_name: string;
  issued_at: number;
  revoked_at: number | null;
  revoke_reason: string | null;
}
export interface WebhookEndpointsTable {
  id: string;
  program_id: string;
  url: string;
  secret: string;
  events_json: string;
  active: number;
  created_by: string;
  created_at: number;
}
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  program_id: string;
  event: string;
  payload_json: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

// 对接 foundations (migration 20261207000500_catalog).
export interface CatalogEntriesTable {
  id: string;
  organization_id: string;
  owner_user_id: string;
  program_id: string | null;
  application_id: string | null;
  status: string;
  status_reason: string | null;
  published_version: number | null;
  public_seq: Generated<number>;
  created_at: number;
  updated_at: number;
}
export interface CatalogVersionsTable {
  entry_id: string;
  version: number;
  fields_json: string;
  status: string;
  submitted_by: string | null;
  submitted_at: number | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  review_note: string | null;
  created_at: number;
}
export interface TechNeedsTable {
  id: string;
  organization_id: string;
  poster_user_id: string;
  fields_json: string;
  status: string;
  review_note: string | null;
  reviewed_by: string | null;
  program_id: string | null;
  track_id: string | null;
  deadline: string | null;
  field_id: string | null;
  region_code: string | null;
  /** 0/1, default 0 (rows inserted without it are not funded). */
  funded: Generated<number>;
  submitted_at: number | null;
  reviewed_at: number | null;
  published_at: number | null;
  closed_at: number | null;
  created_at: number;
  updated_at: number;
}
export interface MatchProfilesTable {
  id: string;
  user_id: string;
  kind: string;
  org_name: string;
  fields_json: string;
  status: string;
  review_note: string | null;
  created_at: number;
  updated_at: number;
}

// The catalog's history and search generation (migration 20261207000600_catalog_more).
export interface CatalogEventsTable {
  id: string;
  entry_id: string;
  at: number;
  kind: string;
  version: number | null;
  reason: string | null;
  actor_id: string | null;
}
export interface CatalogGenerationTable {
  id: number;
  generation: number;
}

// 赛马 milestones of a 揭榜挂帅 program (migration 20261207000700_needs).
export interface NeedMilestonesTable {
  id: string;
  program_id: string;
  application_id: string;
  track_id: string;
  seq: number;
  name: string;
  due_on: string;
  source: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}
export interface NeedMilestoneReportsTable {
  id: string;
  milestone_id: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
  uploaded_by: string;
  created_at: number;
}
export interface NeedMilestoneScoresTable {
  milestone_id: string;
  scorer_id: string;
  score: number;
  comment: string;
  scored_at: number;
}

// 供需匹配 interests and introductions (migration 20261207000800_match).
export interface MatchInterestsTable {
  id: string;
  entry_id: string;
  counterpart_type: string;
  counterpart_id: string;
  technology_user_id: string | null;
  technology_at: number | null;
  counterpart_user_id: string | null;
  counterpart_at: number | null;
  created_at: number;
  updated_at: number;
}
export interface MatchIntroductionsTable {
  id: string;
  interest_id: string;
  introduced_at: number;
  ended_at: number | null;
  ended_by: string | null;
}

// 对接会, deals and IP service requests (migration 20261207000900_meetings).
export interface MeetingEventsTable {
  id: string;
  name: string;
  place: string;
  date: string;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  tables: number;
  description: string;
  status: string;
  report_json: string | null;
  scheduled_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}
export interface MeetingParticipantsTable {
  event_id: string;
  user_id: string;
  kind: string;
  org_name: string;
  catalog_entry_id: string | null;
  unavailable_json: string;
  invited_by: string;
  invited_at: number;
}
export interface MeetingRequestsTable {
  id: string;
  event_id: string;
  from_user_id: string;
  to_user_id: string;
  note: string;
  catalog_entry_id: string | null;
  status: string;
  response_note: string | null;
  priority: number;
  slot_index: number | null;
  table_no: number | null;
  unscheduled_json: string | null;
  held: number;
  created_at: number;
  responded_at: number | null;
}
export interface DealsTable {
  id: string;
  kind: string;
  amount_yuan: number;
  deal_date: string;
  via_platform: number;
  status: string;
  recorded_by: string;
  counterpart_user_id: string;
  catalog_entry_id: string | null;
  meeting_request_id: string | null;
  note: string;
  response_note: string | null;
  commission_fen: number | null;
  commission_json: string | null;
  created_at: number;
  confirmed_at: number | null;
  updated_at: number;
}
export interface ServiceRequestsTable {
  id: string;
  requester_user_id: string;
  kind: string;
  region_code: string;
  catalog_entry_id: string | null;
  description: string;
  status: string;
  provider_user_id: string | null;
  created_at: number;
  updated_at: number;
}
export interface ServiceRoutesTable {
  request_id: string;
  provider_user_id: string;
  org_name: string;
  answer: string;
  note: string | null;
  answered_at: number | null;
}

// The durable job queue (migration 20261208000100_jobs, features/jobs).
export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_until: number | null;
  progress_done: number | null;
  progress_total: number | null;
  result: string | null;
  last_error: string | null;
  owner_user_id: string | null;
  dedupe_key: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

// Rate-limit counters shared by every process (migration 20261208000200_rate_limits, http/rate-limit.ts).
export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: number;
}

// Sign-ups waiting for their emailed link (migration 20261208000210_pending_registrations, features/auth).
export interface PendingRegistrationsTable {
  token_hash: string;
  email: string;
  display_name: string;
  password_hash: string;
  next_path: string | null;
  created_at: number;
  expires_at: number;
}
