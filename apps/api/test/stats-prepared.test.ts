// The statistics and a hub's staff event list go as named prepared statements (issue 12): one
// statement text per endpoint (and list shape) whatever the window, district or hub, so each is
// parsed and planned once per connection. A text that varied would become a new prepared
// statement per request (db/database.ts bounds them, and then prepares nothing more).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prepared, preparedTexts } from '../src/db/database';
import { STAFF_LIST_PREPARED_TEXTS } from '../src/modules/events/events.service';
import { hubBookingStatsQuery, STATS_PREPARED_TEXTS } from '../src/modules/stats/booking-stats';
import { hubEventStatsQuery } from '../src/modules/stats/event-stats';
import { at, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, inject, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

async function get(as: World['admin'], url: string) {
  const res = await inject(t, { method: 'GET', url: `/api/v1${url}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const window = (from: string, to: string) => new URLSearchParams({ from, to }).toString();

it('keeps one statement text per statistics endpoint and per staff list, whatever the window, district or hub', async () => {
  const w = await world(t);
  const d = kyivDate(30);
  const quarter = window(at(d, '00:00'), at(kyivDate(122), '00:00'));
  const ragged = window(at(d, '10:30'), at(kyivDate(100), '12:15'));
  const inADay = window(at(d, '10:30'), at(d, '12:15'));
  await get(w.admin, `/stats/bookings?${quarter}`);
  await get(w.admin, `/stats/events?${quarter}`);
  for (const who of [w.districtAdmin, w.manager, w.otherManager])
    await get(who, `/events?${inADay}&hubId=${w.hubId}`);
  await get(w.manager, `/events?hubId=${w.hubId}&includeCancelled=true`);
  await get(w.manager, `/events?hubId=${w.hubId}&includeCancelled=true&limit=10&offset=10`);
  await get(w.manager, `/events?${ragged}&hubId=${w.hubId}&includeCancelled=true`);
  // The files of a worker share these marks (isolate: false): counted from here on.
  const marked = texts();
  // Two statistics statements, two texts (each family is bounded apart: db/database.ts).
  expect(preparedTexts(STATS_PREPARED_TEXTS)).toBe(2);

  // The statements the endpoints ran are already marked: marking them again, for another window
  // and district, adds no text.
  const other = { from: at(d, '10:30'), to: at(kyivDate(33), '12:15'), district: 'obolonskyi' };
  prepared(hubBookingStatsQuery(t.db, other), STATS_PREPARED_TEXTS);
  prepared(hubEventStatsQuery(t.db, other), STATS_PREPARED_TEXTS);
  expect(texts()).toEqual(marked);
  await get(w.admin, `/stats/bookings?${ragged}`);
  await get(w.admin, `/stats/bookings?${inADay}&district=obolonskyi`);
  await get(w.districtAdmin, `/stats/bookings?${ragged}`);
  await get(w.districtAdmin, `/stats/events?${inADay}`);
  // The same list shapes for another hub, window and offset: the same texts.
  await get(w.otherManager, `/events?hubId=${w.otherHubId}&includeCancelled=true`);
  await get(w.otherManager, `/events?hubId=${w.otherHubId}&includeCancelled=true&limit=10&offset=30`);
  await get(w.otherManager, `/events?${quarter}&hubId=${w.otherHubId}&includeCancelled=true`);
  // A page size the lists are not planned for goes with its size as a parameter: one text for
  // every such size (list-count.ts).
  await get(w.manager, `/events?hubId=${w.hubId}&includeCancelled=true&limit=7`);
  const withOddSize = texts();
  await get(w.manager, `/events?hubId=${w.hubId}&includeCancelled=true&limit=9`);
  expect(texts()).toEqual(withOddSize);
});

/** The prepared texts marked so far: single-shape statements, statistics, staff event lists. */
const texts = () => [
  preparedTexts(),
  preparedTexts(STATS_PREPARED_TEXTS),
  preparedTexts(STAFF_LIST_PREPARED_TEXTS),
];
