import ICAL from 'ical.js';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import {
  buildTestApp,
  createUser,
  expectProblem,
  inject,
  type TestApp,
  TEST_DATABASE_URL,
  type TestUser,
} from './helper';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
});

let nextDay = 10;
/** A confirmed booking on a day no other booking of this file uses. */
async function confirmedBooking(x: World, days = nextDay++, from = '18:00', to = '20:00') {
  const d = kyivDate(days);
  const res = await book(t, x.member, {
    roomId: x.roomId,
    organizationId: x.orgId,
    start: at(d, from),
    end: at(d, to),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().items[0] as { id: string; start: string; end: string };
}

async function publish(x: World, overrides: Record<string, unknown> = {}, as: TestUser = x.member) {
  const b = await confirmedBooking(x);
  const res = await inject(t, {
    method: 'POST',
    url: '/api/v1/events',
    as,
    payload: {
      bookingId: b.id,
      title: { uk: 'Дебати про парки', en: 'Debate on parks' },
      category: 'debate',
      capacity: 20,
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; start: string; bookingId: string };
}

const registerAs = (u: TestUser, id: string) =>
  inject(t, { method: 'POST', url: `/api/v1/events/${id}/registrations`, as: u });

describe('publishing', () => {
  it('an organisation publishes an event in its confirmed booking; the public lists and shows it', async () => {
    const e = await publish(w, {
      capacity: 15,
      languages: ['uk', 'en'],
      description: { uk: 'Обговорюємо', en: 'We discuss' },
    });
    const b = await t.db
      .selectFrom('bookings')
      .select([sql<Date>`lower(period)`.as('s')])
      .where('id', '=', e.bookingId)
      .executeTakeFirstOrThrow();
    expect(e.start).toBe(b.s.toISOString());
    const pub = await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}` });
    expect(pub.json()).toMatchObject({
      title: { uk: 'Дебати про парки' },
      capacity: 15,
      placesLeft: 15,
      registrationOpen: true,
      canManage: false,
      hubId: w.hubId,
      district: 'obolonskyi',
    });
    const list = await inject(t, {
      method: 'GET',
      url: `/api/v1/events?hubId=${w.hubId}&category=debate&limit=500`,
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(e.id);
    const other = await inject(t, { method: 'GET', url: `/api/v1/events?district=darnytskyi&limit=500` });
    expect(other.json().items.map((x: { id: string }) => x.id)).not.toContain(e.id);
  });

  it('refuses events outside the booking, above the room’s capacity, in unconfirmed or foreign bookings', async () => {
    const b = await confirmedBooking(w);
    const post = (as: TestUser, payload: Record<string, unknown>) =>
      inject(t, {
        method: 'POST',
        url: '/api/v1/events',
        as,
        payload: {
          bookingId: b.id,
          title: { uk: 'Подія', en: 'Event' },
          category: 'meeting',
          capacity: 10,
          ...payload,
        },
      });
    expectProblem(
      await post(w.member, { start: new Date(Date.parse(b.start) - 3600_000).toISOString() }),
      400,
      'outside_booking',
    );
    expectProblem(await post(w.member, { capacity: 21 }), 400, 'over_capacity');
    expectProblem(await post(w.outsider, {}), 404, 'not_found');
    expectProblem(await post(await createUser(t), {}), 404, 'not_found');
    expect((await post(w.manager, {})).statusCode).toBe(201);
    const strict = await world(t, { requiresApproval: true });
    const pending = (
      await book(t, strict.member, {
        roomId: strict.roomId,
        organizationId: strict.orgId,
        start: at(kyivDate(12), '10:00'),
        end: at(kyivDate(12), '11:00'),
      })
    ).json().items[0];
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/events',
        as: strict.member,
        payload: {
          bookingId: pending.id,
          title: { uk: 'Подія', en: 'Event' },
          category: 'meeting',
          capacity: 5,
        },
      }),
      409,
      'booking_not_confirmed',
    );
  });
});

describe('registration with a waiting list', () => {
  it('confirms while places remain, then waitlists; a cancellation moves the first waiting person up and tells them', async () => {
    const e = await publish(w, { capacity: 2 });
    const [a, b, c, d] = await Promise.all([createUser(t), createUser(t), createUser(t), createUser(t)]);
    expect((await registerAs(a!, e.id)).json()).toMatchObject({ status: 'confirmed' });
    expect((await registerAs(b!, e.id)).json()).toMatchObject({ status: 'confirmed' });
    expect((await registerAs(c!, e.id)).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await registerAs(d!, e.id)).json()).toMatchObject({ status: 'waitlisted', position: 2 });
    expectProblem(await registerAs(a!, e.id), 409, 'already_registered');
    expect((await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}`, as: d })).json()).toMatchObject({
      placesLeft: 0,
      waitlisted: 2,
      myRegistration: { status: 'waitlisted', position: 2 },
    });

    expect(
      (await inject(t, { method: 'DELETE', url: `/api/v1/events/${e.id}/registrations/me`, as: a }))
        .statusCode,
    ).toBe(204);
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}`, as: c })).json().myRegistration,
    ).toMatchObject({ status: 'confirmed', position: null });
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}`, as: d })).json().myRegistration,
    ).toMatchObject({ status: 'waitlisted', position: 1 });
    const note = (await inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: c })).json().items[0];
    expect(note).toMatchObject({
      kind: 'event.promoted',
      title: { uk: expect.stringMatching(/місце/), en: expect.stringMatching(/place/) },
    });
    expectProblem(
      await inject(t, { method: 'DELETE', url: `/api/v1/events/${e.id}/registrations/me`, as: a }),
      404,
      'not_registered',
    );
    // Someone waiting leaves: the list closes the gap.
    const e2 = await publish(w, { capacity: 1 });
    const [p, q, r, s] = await Promise.all([createUser(t), createUser(t), createUser(t), createUser(t)]);
    for (const u of [p, q, r, s]) await registerAs(u!, e2.id);
    await inject(t, { method: 'DELETE', url: `/api/v1/events/${e2.id}/registrations/me`, as: q });
    const list = (
      await inject(t, { method: 'GET', url: `/api/v1/events/${e2.id}/registrations`, as: w.member })
    ).json().items;
    expect(
      list
        .filter((x: { status: string }) => x.status === 'waitlisted')
        .map((x: { userId: string; position: number }) => [x.userId, x.position]),
    ).toEqual([
      [r!.id, 1],
      [s!.id, 2],
    ]);
  });

  it('closes registration at the start, and open-entry events take none', async () => {
    const e = await publish(w);
    await sql`update events set starts_at = now() - interval '1 minute' where id = ${e.id}`.execute(t.db);
    expectProblem(await registerAs(await createUser(t), e.id), 409, 'registration_closed');
    const open = await publish(w, { registrationRequired: false });
    expectProblem(await registerAs(await createUser(t), open.id), 409, 'registration_not_required');
    expectProblem(
      await inject(t, { method: 'POST', url: `/api/v1/events/${open.id}/registrations` }),
      401,
      'unauthorized',
    );
  });

  it(`100 simultaneous registrations for 20 places: exactly 20 confirmed, 80 waiting at positions 1–80`, async () => {
    const e = await publish(w, { capacity: 20 });
    const people = await Promise.all(Array.from({ length: 100 }, () => createUser(t)));
    const results = await Promise.all(people.map((u) => registerAs(u, e.id)));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const bodies = results.map((r) => r.json());
    expect(bodies.filter((b) => b.status === 'confirmed')).toHaveLength(20);
    const positions = bodies
      .filter((b) => b.status === 'waitlisted')
      .map((b) => b.position)
      .sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const rows = await t.db
      .selectFrom('eventRegistrations')
      .select(['status', 'position'])
      .where('eventId', '=', e.id)
      .execute();
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(
      rows
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position)
        .sort((x, y) => x! - y!),
    ).toEqual(positions);
  });

  it(`${TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded'}: simultaneous cancellations keep the waiting list gapless`, async () => {
    const e = await publish(w, { capacity: 5 });
    const people = await Promise.all(Array.from({ length: 20 }, () => createUser(t)));
    for (const u of people) await registerAs(u, e.id);
    // Ten people leave at once (five confirmed, five waiting).
    await Promise.all(
      people
        .slice(3, 13)
        .map((u) => inject(t, { method: 'DELETE', url: `/api/v1/events/${e.id}/registrations/me`, as: u })),
    );
    const rows = await t.db
      .selectFrom('eventRegistrations')
      .select(['status', 'position'])
      .where('eventId', '=', e.id)
      .where('status', '!=', 'cancelled')
      .execute();
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    expect(
      rows
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position)
        .sort((x, y) => x! - y!),
    ).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('check-in and feedback', () => {
  it('staff check people in by code; attendees rate once after the start; the organiser, hub and district see the results', async () => {
    const e = await publish(w, { capacity: 5 });
    const [a, b] = await Promise.all([createUser(t), createUser(t)]);
    const ra = (await registerAs(a!, e.id)).json();
    await registerAs(b!, e.id);
    expect(ra.code).toMatch(/^[A-Z2-9]{6}$/);
    const checkInAs = (who: TestUser, code: string) =>
      inject(t, { method: 'POST', url: `/api/v1/events/${e.id}/check-in`, as: who, payload: { code } });
    expectProblem(await checkInAs(a!, ra.code), 403, 'forbidden');
    expectProblem(await checkInAs(w.otherManager, ra.code), 403, 'forbidden');
    // Days before the event the door is not open yet: refused, and nobody is marked present.
    const early = expectProblem(await checkInAs(w.manager, ra.code), 409, 'check_in_not_open');
    expect(Date.parse((early as unknown as { opensAt: string }).opensAt)).toBe(
      Date.parse(e.start) - 120 * 60_000,
    );
    const untouched = await t.db
      .selectFrom('eventRegistrations')
      .select('checkedInAt')
      .where('eventId', '=', e.id)
      .execute();
    expect(untouched.map((r) => r.checkedInAt)).toEqual([null, null]);
    // Three hours ahead is still too early; one hour ahead is inside the default 120 minutes.
    const startIn = (hours: number) =>
      sql`update events set starts_at = now() + make_interval(hours => ${hours}), ends_at = now() + make_interval(hours => ${hours + 1}) where id = ${e.id}`.execute(
        t.db,
      );
    await startIn(3);
    expectProblem(await checkInAs(w.manager, ra.code), 409, 'check_in_not_open');
    await startIn(1);
    expectProblem(await checkInAs(w.manager, 'ZZZZZZ'), 404, 'not_found');
    const checked = await checkInAs(w.manager, ra.code.toLowerCase());
    expect(checked.json()).toMatchObject({ userId: a!.id, checkedInAt: expect.any(String) });
    const search = await inject(t, {
      method: 'GET',
      url: `/api/v1/events/${e.id}/registrations?q=${encodeURIComponent(ra.code)}`,
      as: w.member,
    });
    expect(search.json().items.map((x: { userId: string }) => x.userId)).toEqual([a!.id]);

    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/events/${e.id}/feedback`,
        as: a,
        payload: { rating: 5 },
      }),
      409,
      'feedback_too_early',
    );
    await sql`update events set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = ${e.id}`.execute(
      t.db,
    );
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/events/${e.id}/feedback`,
          as: a,
          payload: { rating: 4, comment: 'Корисно!' },
        })
      ).statusCode,
    ).toBe(204);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/events/${e.id}/feedback`,
        as: a,
        payload: { rating: 5 },
      }),
      409,
      'feedback_given',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/events/${e.id}/feedback`,
        as: b,
        payload: { rating: 1 },
      }),
      403,
      'not_checked_in',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/events/${e.id}/feedback`,
        as: a,
        payload: { rating: 6 },
      }),
      400,
      'validation_failed',
    );

    for (const who of [w.member, w.manager, w.districtAdmin, w.admin]) {
      const res = await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}/feedback`, as: who });
      expect(res.json()).toMatchObject({
        count: 1,
        average: 4,
        attended: 1,
        confirmed: 2,
        comments: [{ rating: 4, comment: 'Корисно!' }],
      });
    }
    for (const who of [w.outsider, a!, w.otherManager]) {
      expect(
        (await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}/feedback`, as: who })).statusCode,
      ).toBe(403);
    }
    // Attendance and ratings flow into the district's view of its hubs. The event ran from two
    // hours ago to one hour ago; the window holds it and nothing that starts later.
    const window = `from=${encodeURIComponent(new Date(Date.now() - 3 * 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() - 90 * 60_000).toISOString())}`;
    const stats = await inject(t, {
      method: 'GET',
      url: `/api/v1/stats/events?${window}`,
      as: w.districtAdmin,
    });
    expect(stats.json().items.find((h: { hubId: string }) => h.hubId === w.hubId)).toMatchObject({
      events: 1,
      registrations: 2,
      attended: 1,
      feedbackCount: 1,
      averageRating: 4,
    });
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/stats/events?${window}`, as: w.member })).statusCode,
    ).toBe(403);
  });
});

describe('cancelling', () => {
  it('cancelling the booking cancels its events and tells registrants; so does cancelling the event', async () => {
    const e = await publish(w);
    const fan = await createUser(t);
    await registerAs(fan, e.id);
    await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${e.bookingId}/cancel`,
      as: w.member,
      payload: { reason: 'Хвороба спікера' },
    });
    expect((await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}` })).json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Хвороба спікера',
      registrationOpen: false,
    });
    const note = (await inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: fan })).json()
      .items[0];
    expect(note.kind).toBe('event.cancelled');
    expect(note.body.uk).toMatch(/Хвороба спікера/);

    const e2 = await publish(w);
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/events/${e2.id}/cancel`,
          as: w.outsider,
          payload: { reason: 'Ніяк' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/events/${e2.id}/cancel`,
          as: w.manager,
          payload: { reason: 'Тривога' },
        })
      ).json().status,
    ).toBe('cancelled');
    const list = await inject(t, { method: 'GET', url: `/api/v1/events?hubId=${w.hubId}&limit=500` });
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(e2.id);
  });
});

describe('calendar feeds', () => {
  it('publishes events as iCalendar (filterable) and one event as a download, parsed by ical.js', async () => {
    const e = await publish(w, { category: 'workshop' });
    const feed = await inject(t, {
      method: 'GET',
      url: `/api/v1/events/calendar.ics?hubId=${w.hubId}&category=workshop`,
    });
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const mine = events.find((x) => x.uid === `event-${e.id}@vcentri.kyiv.ua`)!;
    expect(mine.startDate.toJSDate().toISOString()).toBe(e.start);
    expect(mine.summary).toBe('Дебати про парки / Debate on parks');
    expect(events.every((x) => x.uid.startsWith('event-'))).toBe(true);
    const one = await inject(t, { method: 'GET', url: `/api/v1/events/${e.id}/calendar.ics` });
    expect(one.headers['content-disposition']).toMatch(/attachment/);
    const single = new ICAL.Component(ICAL.parse(one.body)).getAllSubcomponents('vevent');
    expect(single).toHaveLength(1);
  });
});

describe('open data: events', () => {
  it('lists published events with counts and no personal data, in CSV and JSON', async () => {
    const e = await publish(w, { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 4 }, () => createUser(t)));
    for (const u of people) await registerAs(u, e.id);
    const cat = (await inject(t, { method: 'GET', url: '/api/v1/open-data' }))
      .json()
      .items.find((d: { id: string }) => d.id === 'events');
    expect(cat.title.en).toMatch(/Events/);
    const json = (await inject(t, { method: 'GET', url: '/api/v1/open-data/events.json' })).json();
    const rec = json.records.find((r: { id: string }) => r.id === e.id);
    expect(rec).toMatchObject({
      capacity: 3,
      registrations: 3,
      waitlisted: 1,
      attended: 0,
      district: 'obolonskyi',
      status: 'published',
    });
    const csv = await inject(t, { method: 'GET', url: '/api/v1/open-data/events.csv' });
    expect(csv.body.split('\r\n')[0]).toBe(cat.fields.map((x: { name: string }) => x.name).join(','));
    for (const u of people) expect(csv.body).not.toContain(u.email);
    expect(JSON.stringify(json)).not.toMatch(/@test\.vcentri/);
  });
});

describe('one step for hub managers', () => {
  it('books the room for an organisation and publishes the event together; others may not', async () => {
    const d = kyivDate(60);
    const payload = (roomId: string) => ({
      booking: { roomId, organizationId: w.orgId, start: at(d, '12:00'), end: at(d, '14:00') },
      title: { uk: 'Відкриті двері хабу', en: 'Hub open day' },
      category: 'meeting',
      capacity: 20,
    });
    expect(
      (await inject(t, { method: 'POST', url: '/api/v1/events', as: w.member, payload: payload(w.roomId) }))
        .statusCode,
    ).toBe(403);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/events',
        as: w.manager,
        payload: { ...payload(w.roomId), capacity: 21 },
      }),
      400,
      'over_capacity',
    );
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/events',
      as: w.manager,
      payload: payload(w.roomId),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      start: at(d, '12:00'),
      end: at(d, '14:00'),
      roomId: w.roomId,
      organizationId: w.orgId,
    });
    const booking = await inject(t, {
      method: 'GET',
      url: `/api/v1/bookings/${res.json().bookingId}`,
      as: w.member,
    });
    expect(booking.json().status).toBe('confirmed');
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/events',
        as: w.manager,
        payload: { ...payload(w.roomId), bookingId: res.json().bookingId },
      }),
      400,
      'validation_failed',
    );
  });
});
