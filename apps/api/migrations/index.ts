// Every migration, by name. The names sort in the order they run; a test checks that every file
// in this folder is listed here, so the bundled server and the tests run the same set.
import type { Migration } from 'kysely';
import * as m20261128000000 from './20261128000000_foundation';
import * as m20261128010000 from './20261128010000_registry';
import * as m20261128020000 from './20261128020000_bookings';
import * as m20261128030000 from './20261128030000_events';
import * as m20261201000200 from './20261201000200_rate_limit_counters';
import * as m20261201000300 from './20261201000300_idempotency';
import * as m20261202000000 from './20261202000000_volunteering';
import * as m20261202010000 from './20261202010000_jobs';
import * as m20261202020000 from './20261202020000_volunteer_codes';
import * as m20261203000000 from './20261203000000_certificates';
import * as m20261204010000 from './20261204010000_bookings_at_scale';
import * as m20261204020000 from './20261204020000_event_stats';
import * as m20261205000000 from './20261205000000_privacy';
import * as m20261210000000 from './20261210000000_data_versions';
import * as m20261215100000 from './20261215100000_events_hub';
import * as m20261215100100 from './20261215100100_booking_org_bits';
import * as m20261216100000 from './20261216100000_auth_data_versions';
import * as m20261220000000 from './20261220000000_room_activity';
import * as m20261220010000 from './20261220010000_surveys';
import * as m20261220020000 from './20261220020000_action_plan';
import * as m20261220030000 from './20261220030000_reports';

export const migrations: Record<string, Migration> = {
  '20261128000000_foundation': m20261128000000,
  '20261128010000_registry': m20261128010000,
  '20261128020000_bookings': m20261128020000,
  '20261128030000_events': m20261128030000,
  '20261201000200_rate_limit_counters': m20261201000200,
  '20261201000300_idempotency': m20261201000300,
  '20261202000000_volunteering': m20261202000000,
  '20261202010000_jobs': m20261202010000,
  '20261202020000_volunteer_codes': m20261202020000,
  '20261203000000_certificates': m20261203000000,
  '20261204010000_bookings_at_scale': m20261204010000,
  '20261204020000_event_stats': m20261204020000,
  '20261205000000_privacy': m20261205000000,
  '20261210000000_data_versions': m20261210000000,
  '20261215100000_events_hub': m20261215100000,
  '20261215100100_booking_org_bits': m20261215100100,
  '20261216100000_auth_data_versions': m20261216100000,
  '20261220000000_room_activity': m20261220000000,
  '20261220010000_surveys': m20261220010000,
  '20261220020000_action_plan': m20261220020000,
  '20261220030000_reports': m20261220030000,
};
