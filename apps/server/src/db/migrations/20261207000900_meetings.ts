import type { Kysely } from 'kysely';

// 对接会 (matchmaking meetings) and what comes of matchmaking: deals with their 交易佣金 and IP
// service requests routed to providers (features/meetings, features/deals).
export async function up(db: Kysely<any>): Promise<void> {
  /** An event: a day's session cut into slots of slot_minutes, with `tables` meetings per slot. */
  await db.schema
    .createTable('meeting_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    /** Asia/Shanghai wall time: YYYY-MM-DD and HH:MM. */
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('tables', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** open | scheduled | closed */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The last scheduler run: counts, optimal, bound, nodes. */
    .addColumn('report_json', 'text')
    .addColumn('scheduled_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  /** Who is invited: a technology owner (with the entry) or an approved investor, bank, buyer or provider. */
  await db.schema
    .createTable('meeting_participants')
    .addColumn('event_id', 'text', (c) => c.notNull().references('meeting_events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** technology | investor | bank | buyer | service_provider */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('catalog_entry_id', 'text')
    /** Slot indices the participant cannot meet in (JSON array). */
    .addColumn('unavailable_json', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_participants_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('meeting_participants_user_idx').on('meeting_participants').column('user_id').execute();

  /** A 1:1 request; once accepted the scheduler gives it a slot and table or the reason it has none. */
  await db.schema
    .createTable('meeting_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('meeting_events.id').onDelete('cascade'))
    .addColumn('from_user_id', 'text', (c) => c.notNull())
    .addColumn('to_user_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('catalog_entry_id', 'text')
    /** pending | accepted | declined | withdrawn */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_note', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('slot_index', 'integer')
    .addColumn('table_no', 'integer')
    /** Why the last run could not place it (JSON), null when placed or not yet run. */
    .addColumn('unscheduled_json', 'text')
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('responded_at', 'bigint')
    .execute();
  /** One request per ordered pair and event: a repeat is refused by the database, not only by a read. */
  await db.schema.createIndex('meeting_requests_pair_idx').on('meeting_requests').columns(['event_id', 'from_user_id', 'to_user_id']).unique().execute();
  await db.schema.createIndex('meeting_requests_to_idx').on('meeting_requests').columns(['to_user_id', 'event_id']).execute();

  /** A deal recorded by one side and confirmed by the other; amounts in whole 元, commission in 分. */
  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
    .addColumn('deal_date', 'text', (c) => c.notNull())
    .addColumn('via_platform', 'integer', (c) => c.notNull())
    /** pending | confirmed | declined */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('counterpart_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('catalog_entry_id', 'text')
    .addColumn('meeting_request_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('response_note', 'text')
    /** Computed by the rules in force when it was confirmed (kept with the rules, JSON). */
    .addColumn('commission_fen', 'bigint')
    .addColumn('commission_json', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deals_recorded_by_idx').on('deals').column('recorded_by').execute();
  await db.schema.createIndex('deals_counterpart_idx').on('deals').column('counterpart_user_id').execute();

  /** 知识产权服务: a technology owner's request, routed to the approved providers that fit. */
  await db.schema
    .createTable('service_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requester_user_id', 'text', (c) => c.notNull().references('users.id'))
    /** patent_search | valuation | pledge */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('catalog_entry_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    /** open | accepted | completed | unrouted | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The provider who accepted it. */
    .addColumn('provider_user_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_requests_requester_idx').on('service_requests').column('requester_user_id').execute();

  /** Each provider a request went to, with its answer. */
  await db.schema
    .createTable('service_routes')
    .addColumn('request_id', 'text', (c) => c.notNull().references('service_requests.id').onDelete('cascade'))
    .addColumn('provider_user_id', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    /** pending | accepted | declined | completed | closed (another provider took it) */
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('answered_at', 'bigint')
    .addPrimaryKeyConstraint('service_routes_pk', ['request_id', 'provider_user_id'])
    .execute();
  await db.schema.createIndex('service_routes_provider_idx').on('service_routes').column('provider_user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['service_routes', 'service_requests', 'deals', 'meeting_requests', 'meeting_participants', 'meeting_events']) await db.schema.dropTable(t).execute();
}
