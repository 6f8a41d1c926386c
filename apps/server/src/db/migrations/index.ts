import type { Migration } from 'kysely';
import * as foundation from './20261122000100_foundation.ts';
import * as applications from './20261122000200_applications.ts';
import * as screening from './20261122000400_screening.ts';
import * as recommendation from './20261122000500_recommendation.ts';
import * as experts from './20261207000100_experts.ts';
import * as assignment from './20261207000200_assignment.ts';
import * as reviewRounds from './20261207000300_review_rounds.ts';
import * as outcomes from './20261207000400_outcomes.ts';
import * as catalog from './20261207000500_catalog.ts';
import * as catalogMore from './20261207000600_catalog_more.ts';
import * as needs from './20261207000700_needs.ts';
import * as match from './20261207000800_match.ts';
import * as meetings from './20261207000900_meetings.ts';
import * as jobs from './20261208000100_jobs.ts';
import * as rateLimits from './20261208000200_rate_limits.ts';
import * as pendingRegistrations from './20261208000210_pending_registrations.ts';
import * as unitsReach from './20261208000500_units_reach.ts';
import * as programFeeds from './20261208000600_program_feeds.ts';
import * as appLimit from './20261208000700_app_limit.ts';

// Timestamped names sort into the order they run. Add new migrations here.
export const migrations: Record<string, Migration> = {
  '20261122000100_foundation': foundation,
  '20261122000200_applications': applications,
  '20261122000400_screening': screening,
  '20261122000500_recommendation': recommendation,
  '20261207000100_experts': experts,
  '20261207000200_assignment': assignment,
  '20261207000300_review_rounds': reviewRounds,
  '20261207000400_outcomes': outcomes,
  '20261207000500_catalog': catalog,
  '20261207000600_catalog_more': catalogMore,
  '20261207000700_needs': needs,
  '20261207000800_match': match,
  '20261207000900_meetings': meetings,
  '20261208000100_jobs': jobs,
  '20261208000200_rate_limits': rateLimits,
  '20261208000210_pending_registrations': pendingRegistrations,
  '20261208000500_units_reach': unitsReach,
  '20261208000600_program_feeds': programFeeds,
  '20261208000700_app_limit': appLimit,
};
