import ICAL from 'ical.js';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, book, kyivDate, type World, world } from './booking-fixture';
import { buildTestApp, createUser, expectProblem, inject, type TestApp } from './helper';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
});

const day = () => kyivDate(7 + Math.floor(Math.random() * 150));

describe('requesting a room', () => {
  it('books a free slot; the room’s rule makes it confirmed or pending', async () => {
    const d = day();
    const res = await book(t, w.member, {
      roomId: w.roomId,
      organizationId: w.orgId,
      start: at(d, '10:00'),
      end: at(d, '12:00'),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({
      status: 'confirmed',
      roomId: w.roomId,
      organizationId: w.orgId,
      canCancel: true,
      canManage: false,
    });

    const strict = await world(t, { requiresApproval: true });
    const pending = await book(t, strict.member, {
      roomId: strict.roomId,
      organizationId: strict.orgId,
      start: at(d, '10:00'),
      end: at(d, '12:00'),
    });
    expect(pending.json().items[0].status).toBe('pending');
    // The hub's manager is told a decision is needed.
    const mgr = await inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: strict.manager });
    expect(mgr.json().unread).toBe(1);
    expect(mgr.json().items[0].title.uk).toMatch(/Новий запит/);
    expect(mgr.json().items[0].title.en).toMatch(/New booking request/);
  });

  it('answers each broken rule with its own problem code and books nothing', async () => {
    const rules = await world(t, {
      minMinutes: 60,
      maxMinutes: 180,
      leadMinutes: 24 * 60,
      horizonDays: 30,
      monthlyQuotaHours: 3,
    });
    const d = kyivDate(10);
    const base = { roomId: rules.roomId, organizationId: rules.orgId };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ start: at(d, '06:00'), end: at(d, '08:30') }, 400, 'outside_opening_hours'],
      [{ start: at(d, '21:00'), end: at(addOne(d), '09:00') }, 400, 'too_long'],
      [{ start: at(d, '10:00'), end: at(d, '10:30') }, 400, 'too_short'],
      [{ start: at(d, '10:00'), end: at(d, '14:00') }, 400, 'too_long'],
      [{ start: at(kyivDate(0), '21:00'), end: at(kyivDate(0), '22:00') }, 400, 'lead_time'],
      [{ start: at(kyivDate(45), '10:00'), end: at(kyivDate(45), '11:00') }, 400, 'too_far_ahead'],
      [{ start: at(d, '10:00'), end: at(d, '11:00'), attendees: 21 }, 400, 'over_capacity'],
      [{ start: at(d, '11:00'), end: at(d, '10:00') }, 400, 'invalid_interval'],
    ];
    for (const [payload, status, code] of cases) {
      expectProblem(await book(t, rules.member, { ...base, ...payload }), status, code);
    }
    // Quota: 3 hours a month per organisation in this room.
    expect(
      (await book(t, rules.member, { ...base, start: at(d, '10:00'), end: at(d, '12:00') })).statusCode,
    ).toBe(201);
    const over = expectProblem(
      await book(t, rules.member, { ...base, start: at(d, '14:00'), end: at(d, '16:00') }),
      409,
      'quota_exceeded',
    );
    expect(over.detail).toMatch(/3 hours/);
    const rows = await t.db.selectFrom('bookings').select('id').where('roomId', '=', rules.roomId).execute();
    expect(rows).toHaveLength(1);
  });

  it('answers booking_conflict with the clashing intervals, and respects the buffer', async () => {
    const buffered = await world(t, { bufferMinutes: 30 });
    const d = day();
    const base = { roomId: buffered.roomId, organizationId: buffered.orgId };
    expect(
      (await book(t, buffered.member, { ...base, start: at(d, '10:00'), end: at(d, '12:00') })).statusCode,
    ).toBe(201);
    const clash = await book(t, buffered.outsider, {
      roomId: buffered.roomId,
      organizationId: buffered.otherOrgId,
      start: at(d, '11:00'),
      end: at(d, '13:00'),
    });
    const p = expectProblem(clash, 409, 'booking_conflict');
    expect((p as unknown as { conflicts: unknown[] }).conflicts).toEqual([
      { start: at(d, '10:00'), end: at(d, '12:00') },
    ]);
    expect(clash.body).not.toContain('Зустріч громади');
    // 12:00–12:30 is the buffer.
    expectProblem(
      await book(t, buffered.outsider, {
        roomId: buffered.roomId,
        organizationId: buffered.otherOrgId,
        start: at(d, '12:15'),
        end: at(d, '13:00'),
      }),
      409,
      'booking_conflict',
    );
    expect(
      (
        await book(t, buffered.outsider, {
          roomId: buffered.roomId,
          organizationId: buffered.otherOrgId,
          start: at(d, '12:30'),
          end: at(d, '13:30'),
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lets only members of a verified organisation book for it', async () => {
    const d = day();
    const payload = { roomId: w.roomId, organizationId: w.orgId, start: at(d, '15:00'), end: at(d, '16:00') };
    expectProblem(await book(t, null, payload), 401, 'unauthorized');
    expectProblem(await book(t, w.outsider, payload), 403, 'forbidden');
    expectProblem(await book(t, await createUser(t), payload), 403, 'forbidden');
    expectProblem(await book(t, w.districtAdmin, payload), 403, 'forbidden');
    const draftOrg = (
      await t.db
        .insertInto('organizations')
        .values({ nameUk: 'Чернетка', nameEn: 'Draft', status: 'submitted', legalForm: 'other' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const applicant = await createUser(t, [{ role: 'ngo_owner', organizationId: draftOrg }]);
    expectProblem(
      await book(t, applicant, { ...payload, organizationId: draftOrg }),
      409,
      'organization_not_verified',
    );
    // The hub's manager may book for an organisation (e.g. on the phone).
    expect((await book(t, w.manager, payload)).statusCode).toBe(201);
  });

  it('the database itself refuses overlapping rows, whatever the application does', async () => {
    const d = day();
    const insert = (start: string, end: string) =>
      sql`insert into bookings (room_id, kind, organization_id, status, period, blocked)
          values (${w.bigRoomId}, 'booking', ${w.orgId}, 'confirmed', tstzrange(${start}::timestamptz, ${end}::timestamptz), tstzrange(${start}::timestamptz, ${end}::timestamptz))`.execute(
        t.db,
      );
    await insert(at(d, '08:00'), at(d, '09:00'));
    await expect(insert(at(d, '08:30'), at(d, '09:30'))).rejects.toMatchObject({ code: '23P01' });
    // Declined and cancelled bookings do not hold the room.
    await sql`update bookings set status = 'cancelled' where room_id = ${w.bigRoomId} and lower(period) = ${at(d, '08:00')}::timestamptz`.execute(
      t.db,
    );
    await insert(at(d, '08:30'), at(d, '09:30'));
  });
});

function addOne(date: string) {
  return kyivDate(0) === date
    ? date
    : new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('recurring requests', () => {
  it('keep Tuesday 18:00–20:00 local across the March 2027 clock change, in the API and the feed', async () => {
    const res = await book(t, w.member, {
      roomId: w.bigRoomId,
      organizationId: w.orgId,
      start: at('2027-03-16', '18:00'),
      end: at('2027-03-16', '20:00'),
      recurrence: { frequency: 'weekly', count: 3 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items;
    expect(items.map((b: { start: string }) => b.start)).toEqual([
      '2027-03-16T16:00:00.000Z',
      '2027-03-23T16:00:00.000Z',
      '2027-03-30T15:00:00.000Z',
    ]);
    expect(new Set(items.map((b: { seriesId: string }) => b.seriesId)).size).toBe(1);

    const ics = await inject(t, { method: 'GET', url: `/api/v1/rooms/${w.bigRoomId}/calendar.ics` });
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const mine = events.filter((e) =>
      items.some((b: { id: string }) => e.uid === `booking-${b.id}@vcentri.kyiv.ua`),
    );
    expect(mine.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-03-16T16:00:00.000Z',
      '2027-03-23T16:00:00.000Z',
      '2027-03-30T15:00:00.000Z',
    ]);
    for (const e of mine) {
      expect(e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()).toBe(2 * 3600_000);
      expect(e.summary).not.toContain('Зустріч громади');
      expect(e.summary).toMatch(/Booked/);
    }
  });

  it('preview says per date what is free; all-or-nothing books none on a clash; free mode books the rest', async () => {
    const first = kyivDate(14);
    const third = kyivDate(28);
    // Someone else holds the third Wednesday... (any weekday: same weekday each week)
    expect(
      (
        await book(t, w.outsider, {
          roomId: w.roomId,
          organizationId: w.otherOrgId,
          start: at(third, '18:30'),
          end: at(third, '19:30'),
        })
      ).statusCode,
    ).toBe(201);
    const series = {
      roomId: w.roomId,
      organizationId: w.orgId,
      start: at(first, '18:00'),
      end: at(first, '20:00'),
      recurrence: { frequency: 'weekly', count: 4 },
    };
    const preview = await inject(t, {
      method: 'POST',
      url: '/api/v1/bookings/preview',
      as: w.member,
      payload: { title: 'Курс', attendees: 10, ...series },
    });
    expect(preview.statusCode).toBe(200);
    expect(
      preview
        .json()
        .occurrences.map((o: { date: string; ok: boolean; code: string | null }) => [o.date, o.ok, o.code]),
    ).toEqual([
      [first, true, null],
      [kyivDate(21), true, null],
      [third, false, 'booking_conflict'],
      [kyivDate(35), true, null],
    ]);
    const all = expectProblem(await book(t, w.member, series), 409, 'booking_conflict');
    expect((all as unknown as { occurrences: unknown[] }).occurrences).toHaveLength(4);
    expect(
      await t.db
        .selectFrom('bookings')
        .select('id')
        .where('organizationId', '=', w.orgId)
        .where(sql<boolean>`lower(period) = ${at(first, '18:00')}::timestamptz`)
        .execute(),
    ).toEqual([]);

    const free = await book(t, w.member, { ...series, mode: 'free' });
    expect(free.statusCode).toBe(201);
    expect(free.json().items.map((b: { start: string }) => b.start)).toEqual([
      at(first, '18:00'),
      at(kyivDate(21), '18:00'),
      at(kyivDate(35), '18:00'),
    ]);
    expect(free.json().skipped.map((o: { date: string; code: string }) => [o.date, o.code])).toEqual([
      [third, 'booking_conflict'],
    ]);

    // Cancel one occurrence, then the rest of the series from the second one.
    const [a, b, c] = free.json().items;
    const one = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${c.id}/cancel`,
      as: w.member,
      payload: { scope: 'one' },
    });
    expect(one.json().items.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [c.id, 'cancelled'],
    ]);
    const rest = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${b.id}/cancel`,
      as: w.member,
      payload: { scope: 'following' },
    });
    expect(rest.json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const firstNow = await inject(t, { method: 'GET', url: `/api/v1/bookings/${a.id}`, as: w.member });
    expect(firstNow.json().status).toBe('confirmed');
  });
});

describe('approvals, declines, cancellations by role', () => {
  it('only the hub’s managers and city admins decide; organisers cancel their own; others see nothing', async () => {
    const strict = await world(t, { requiresApproval: true });
    const d = day();
    const make = async (start: string) =>
      (
        await book(t, strict.member, {
          roomId: strict.roomId,
          organizationId: strict.orgId,
          start: at(d, start),
          end: at(d, `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`),
        })
      ).json().items[0].id as string;
    const id = await make('09:00');
    const act = (who: typeof strict.member | null, action: string, payload?: object) =>
      inject(t, {
        method: 'POST',
        url: `/api/v1/bookings/${id}/${action}`,
        as: who,
        ...(payload ? { payload } : {}),
      });

    expect((await act(null, 'approve')).statusCode).toBe(401);
    expect((await act(strict.outsider, 'approve')).statusCode).toBe(404);
    expect((await act(strict.otherManager, 'approve')).statusCode).toBe(404);
    expect((await act(strict.member, 'approve')).statusCode).toBe(403);
    expect((await act(strict.districtAdmin, 'approve')).statusCode).toBe(403);
    expectProblem(await act(strict.manager, 'decline'), 400, 'validation_failed');
    const approved = await act(strict.manager, 'approve');
    expect(approved.json().status).toBe('confirmed');
    expectProblem(await act(strict.manager, 'approve'), 409, 'invalid_transition');
    expectProblem(await act(strict.manager, 'decline', { reason: 'Пізно' }), 409, 'invalid_transition');

    // The organiser was told, in both languages.
    const notes = await inject(t, {
      method: 'GET',
      url: '/api/v1/me/notifications?unread=true',
      as: strict.member,
    });
    expect(notes.json().items[0]).toMatchObject({
      kind: 'booking.confirmed',
      title: { uk: expect.stringMatching(/підтверджено/), en: expect.stringMatching(/confirmed/) },
    });
    await inject(t, { method: 'POST', url: '/api/v1/me/notifications/read-all', as: strict.member });
    expect(
      (await inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: strict.member })).json().unread,
    ).toBe(0);

    const id2 = await make('12:00');
    const declined = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${id2}/decline`,
      as: strict.admin,
      payload: { reason: 'Зала на ремонті' },
    });
    expect(declined.json()).toMatchObject({ status: 'declined', decisionReason: 'Зала на ремонті' });

    expect(
      (await inject(t, { method: 'POST', url: `/api/v1/bookings/${id}/cancel`, as: strict.outsider }))
        .statusCode,
    ).toBe(404);
    expect(
      (await inject(t, { method: 'POST', url: `/api/v1/bookings/${id}/cancel`, as: strict.districtAdmin }))
        .statusCode,
    ).toBe(403);
    const cancelled = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${id}/cancel`,
      as: strict.member,
      payload: { reason: 'Перенесли' },
    });
    expect(cancelled.json().items[0].status).toBe('cancelled');
    // The slot is free again.
    expect(
      (
        await book(t, strict.member, {
          roomId: strict.roomId,
          organizationId: strict.orgId,
          start: at(d, '09:00'),
          end: at(d, '10:00'),
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lists bookings by scope: organisation, hub manager, district; others get none', async () => {
    const d = day();
    const mine = (
      await book(t, w.member, {
        roomId: w.roomId,
        organizationId: w.orgId,
        start: at(d, '16:00'),
        end: at(d, '17:00'),
      })
    ).json().items[0].id;
    const ids = async (who: typeof w.member, query = '') =>
      (
        await inject(t, {
          method: 'GET',
          url: `/api/v1/bookings?limit=500&from=${encodeURIComponent(at(d, '00:00'))}&to=${encodeURIComponent(at(d, '23:59'))}${query}`,
          as: who,
        })
      )
        .json()
        .items.map((b: { id: string }) => b.id);
    expect(await ids(w.member)).toContain(mine);
    expect(await ids(w.manager)).toContain(mine);
    expect(await ids(w.districtAdmin)).toContain(mine);
    expect(await ids(w.admin)).toContain(mine);
    expect(await ids(w.otherManager)).not.toContain(mine);
    expect(await ids(w.outsider)).not.toContain(mine);
    expect(await ids(await createUser(t))).toEqual([]);
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/bookings/${mine}`, as: w.outsider })).statusCode,
    ).toBe(404);
    const darnytskyi = await createUser(t, [{ role: 'district_admin', district: 'darnytskyi' }]);
    expect(await ids(darnytskyi)).not.toContain(mine);
  });

  it('gives a district its per-hub counts and booked hours', async () => {
    const s = await world(t);
    const d = day();
    await book(t, s.member, {
      roomId: s.roomId,
      organizationId: s.orgId,
      start: at(d, '10:00'),
      end: at(d, '12:30'),
    });
    await book(t, s.outsider, {
      roomId: s.bigRoomId,
      organizationId: s.otherOrgId,
      start: at(d, '10:00'),
      end: at(d, '11:00'),
    });
    const res = await inject(t, {
      method: 'GET',
      url: `/api/v1/stats/bookings?from=${encodeURIComponent(at(d, '00:00'))}&to=${encodeURIComponent(at(d, '23:59'))}`,
      as: s.districtAdmin,
    });
    expect(res.statusCode).toBe(200);
    const hub = res.json().items.find((h: { hubId: string }) => h.hubId === s.hubId);
    expect(hub).toMatchObject({ bookings: 2, bookedHours: 3.5, organizations: 2, district: 'obolonskyi' });
    expect(res.json().items.every((h: { district: string }) => h.district === 'obolonskyi')).toBe(true);
    expect(
      (
        await inject(t, {
          method: 'GET',
          url: `/api/v1/stats/bookings?district=darnytskyi&from=${encodeURIComponent(at(d, '00:00'))}&to=${encodeURIComponent(at(d, '23:59'))}`,
          as: s.districtAdmin,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await inject(t, {
          method: 'GET',
          url: `/api/v1/stats/bookings?from=${encodeURIComponent(at(d, '00:00'))}&to=${encodeURIComponent(at(d, '23:59'))}`,
          as: s.member,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('availability', () => {
  it('shows opening hours minus bookings and buffers; titles only to those who may see them', async () => {
    const a = await world(t, { bufferMinutes: 15 });
    const d = day();
    await book(t, a.member, {
      roomId: a.roomId,
      organizationId: a.orgId,
      start: at(d, '10:00'),
      end: at(d, '11:00'),
      title: 'Приватна нарада',
    });
    const url = `/api/v1/rooms/${a.roomId}/availability?from=${encodeURIComponent(at(d, '00:00'))}&to=${encodeURIComponent(at(kyivDate(0) === d ? d : d, '23:59'))}`;
    const pub = (await inject(t, { method: 'GET', url })).json();
    expect(pub.open).toEqual([{ start: at(d, '08:00'), end: at(d, '22:00') }]);
    expect(pub.free).toEqual([
      { start: at(d, '08:00'), end: at(d, '10:00') },
      { start: at(d, '11:15'), end: at(d, '22:00') },
    ]);
    expect(pub.busy.map((b: { kind: string; title: string | null }) => [b.kind, b.title])).toEqual([
      ['booking', null],
      ['buffer', null],
    ]);
    expect(JSON.stringify(pub)).not.toContain('Приватна');
    const insider = (await inject(t, { method: 'GET', url, as: a.member })).json();
    expect(insider.busy[0].title).toBe('Приватна нарада');
    expect((await inject(t, { method: 'GET', url, as: a.outsider })).json().busy[0].title).toBeNull();
    expect((await inject(t, { method: 'GET', url, as: a.manager })).json().busy[0].title).toBe(
      'Приватна нарада',
    );
  });

  it('honours dated exceptions: a holiday closes the hub', async () => {
    const e = await world(t);
    const d = day();
    const ex = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${e.hubId}/exceptions`,
      as: e.manager,
      payload: { date: d, note: 'Свято' },
    });
    expect(ex.statusCode).toBe(201);
    expectProblem(
      await book(t, e.member, {
        roomId: e.roomId,
        organizationId: e.orgId,
        start: at(d, '10:00'),
        end: at(d, '11:00'),
      }),
      400,
      'outside_opening_hours',
    );
    const av = (
      await inject(t, {
        method: 'GET',
        url: `/api/v1/rooms/${e.roomId}/availability?from=${encodeURIComponent(at(d, '00:00'))}&to=${encodeURIComponent(at(d, '23:59'))}`,
      })
    ).json();
    expect(av.open).toEqual([]);
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/hubs/${e.hubId}/exceptions`,
          as: e.otherManager,
          payload: { date: kyivDate(3) },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('closures', () => {
  it('flags affected bookings, tells organisers, offers alternatives (same hub first, then nearest), and moves atomically', async () => {
    const c = await world(t);
    const d = day();
    const victim = (
      await book(t, c.member, {
        roomId: c.roomId,
        organizationId: c.orgId,
        start: at(d, '18:00'),
        end: at(d, '20:00'),
        attendees: 15,
      })
    ).json().items[0];
    // Rooms elsewhere: a small one nearby (too small), a big one nearby, one far away.
    const room = async (hub: string, capacity: number) =>
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/hubs/${hub}/rooms`,
          as: c.admin,
          payload: {
            name: { uk: 'Зала', en: 'Hall' },
            capacity,
            rules: { requiresApproval: false, horizonDays: 400 },
          },
        })
      ).json().id;
    const tooSmall = await room(c.otherHubId, 10);
    const nearby = await room(c.otherHubId, 30);
    const far = await room(c.farHubId, 30);

    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/hubs/${c.hubId}/closures`,
          as: c.member,
          payload: { start: at(d, '17:00'), end: at(d, '21:00'), reason: 'Повітряна тривога' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/hubs/${c.hubId}/closures`,
          as: c.otherManager,
          payload: { start: at(d, '17:00'), end: at(d, '21:00'), reason: 'Повітряна тривога' },
        })
      ).statusCode,
    ).toBe(403);
    const res = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${c.hubId}/closures`,
      as: c.manager,
      payload: {
        roomId: c.roomId,
        start: at(d, '17:00'),
        end: at(d, '21:00'),
        reason: 'Відключення світла',
        kind: 'power_cut',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [affected] = res.json().affected;
    expect(affected.booking).toMatchObject({
      id: victim.id,
      status: 'disrupted',
      disruption: { reason: 'Відключення світла', kind: 'power_cut' },
    });
    const alt = affected.alternatives.map((a: { roomId: string }) => a.roomId);
    expect(alt[0]).toBe(c.bigRoomId); // same hub first
    expect(alt).toContain(nearby);
    // Then other hubs by distance (the shared test database holds other tests' hubs too, so the
    // far room may fall outside the first ten; the order is what matters).
    const others = affected.alternatives.filter((a: { sameHub: boolean }) => !a.sameHub);
    const distances = others.map((a: { distanceKm: number }) => a.distanceKm);
    expect(distances).toEqual([...distances].sort((x: number, y: number) => x - y));
    expect(affected.alternatives.every((a: { capacity: number }) => a.capacity >= 15)).toBe(true);
    expect(alt).not.toContain(tooSmall);
    expect(alt).not.toContain(c.roomId);

    const note = (
      await inject(t, { method: 'GET', url: '/api/v1/me/notifications?unread=true', as: c.member })
    ).json().items[0];
    expect(note.kind).toBe('booking.disrupted');
    expect(note.body.uk).toMatch(/Відключення світла/);

    // New requests for the closed window are refused.
    expectProblem(
      await book(t, c.outsider, {
        roomId: c.roomId,
        organizationId: c.otherOrgId,
        start: at(d, '19:00'),
        end: at(d, '20:00'),
      }),
      409,
      'room_closed',
    );

    // Someone takes the nearby room meanwhile: moving there fails cleanly, the booking stays put.
    expect(
      (
        await book(t, c.outsider, {
          roomId: nearby,
          organizationId: c.otherOrgId,
          start: at(d, '19:00'),
          end: at(d, '20:00'),
        })
      ).statusCode,
    ).toBe(201);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/bookings/${victim.id}/move`,
        as: c.member,
        payload: { roomId: nearby },
      }),
      409,
      'booking_conflict',
    );
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/bookings/${victim.id}`, as: c.member })).json(),
    ).toMatchObject({ roomId: c.roomId, status: 'disrupted' });
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/bookings/${victim.id}/move`,
          as: c.outsider,
          payload: { roomId: far },
        })
      ).statusCode,
    ).toBe(404);

    const moved = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${victim.id}/move`,
      as: c.member,
      payload: { roomId: c.bigRoomId },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      roomId: c.bigRoomId,
      status: 'confirmed',
      start: victim.start,
      end: victim.end,
      disruption: null,
    });
  });

  it('a whole-hub closure closes every room, and overlapping closures merge', async () => {
    const c = await world(t);
    const d = day();
    const first = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${c.hubId}/closures`,
      as: c.manager,
      payload: { start: at(d, '10:00'), end: at(d, '12:00'), reason: 'Тривога', kind: 'air_raid' },
    });
    expect(first.statusCode).toBe(201);
    const second = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${c.hubId}/closures`,
      as: c.admin,
      payload: {
        roomId: c.bigRoomId,
        start: at(d, '11:00'),
        end: at(d, '13:00'),
        reason: 'Ремонт',
        kind: 'maintenance',
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    for (const roomId of [c.roomId, c.bigRoomId]) {
      expectProblem(
        await book(t, c.member, {
          roomId,
          organizationId: c.orgId,
          start: at(d, '10:30'),
          end: at(d, '11:30'),
        }),
        409,
        'room_closed',
      );
    }
    expectProblem(
      await book(t, c.member, {
        roomId: c.bigRoomId,
        organizationId: c.orgId,
        start: at(d, '12:00'),
        end: at(d, '13:00'),
      }),
      409,
      'room_closed',
    );
    expect(
      (
        await book(t, c.member, {
          roomId: c.roomId,
          organizationId: c.orgId,
          start: at(d, '12:00'),
          end: at(d, '13:00'),
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('managing hubs and rooms', () => {
  it('city admins create hubs; a hub’s manager edits its rooms and hours; others cannot', async () => {
    const m = await world(t);
    const patch = (who: typeof m.member, url: string, payload: object) =>
      inject(t, { method: 'PATCH', url, as: who, payload });
    expect(
      (
        await patch(m.manager, `/api/v1/rooms/${m.roomId}`, { capacity: 25, rules: { bufferMinutes: 10 } })
      ).json(),
    ).toMatchObject({ capacity: 25, rules: { bufferMinutes: 10 } });
    expect((await patch(m.otherManager, `/api/v1/rooms/${m.roomId}`, { capacity: 5 })).statusCode).toBe(403);
    expect((await patch(m.member, `/api/v1/rooms/${m.roomId}`, { capacity: 5 })).statusCode).toBe(403);
    expectProblem(
      await patch(m.manager, `/api/v1/rooms/${m.roomId}`, { rules: { minMinutes: 300, maxMinutes: 60 } }),
      400,
      'validation_failed',
    );
    const hours = await patch(m.manager, `/api/v1/hubs/${m.hubId}`, {
      openingHours: [{ weekday: 1, opens: '09:00', closes: '18:00' }],
    });
    expect(hours.json().openingHours).toEqual([{ weekday: 1, opens: '09:00', closes: '18:00' }]);
    expect((await patch(m.manager, `/api/v1/hubs/${m.hubId}`, { district: 'pecherskyi' })).statusCode).toBe(
      403,
    );
    expectProblem(
      await patch(m.manager, `/api/v1/hubs/${m.hubId}`, {
        openingHours: [{ weekday: 1, opens: '18:00', closes: '09:00' }],
      }),
      400,
      'validation_failed',
    );
    expect(
      (await inject(t, { method: 'POST', url: '/api/v1/hubs', as: m.manager, payload: {} })).statusCode,
    ).toBe(403);
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/hubs/${m.hubId}/rooms`,
          as: m.outsider,
          payload: { name: { uk: 'x', en: 'x' }, capacity: 3 },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('calendar feeds', () => {
  it('keep a cancelled booking in the feed as STATUS:CANCELLED with the same UID, and list hub bookings', async () => {
    const f = await world(t);
    const d = kyivDate(40);
    const made = (
      await book(t, f.member, {
        roomId: f.roomId,
        organizationId: f.orgId,
        start: at(d, '09:00'),
        end: at(d, '10:00'),
      })
    ).json().items[0];
    const uid = `booking-${made.id}@vcentri.kyiv.ua`;
    const eventOf = async (url: string) => {
      const body = (await inject(t, { method: 'GET', url })).body;
      const cal = new ICAL.Component(ICAL.parse(body));
      return cal.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === uid);
    };
    expect((await eventOf(`/api/v1/hubs/${f.hubId}/calendar.ics`))?.getFirstPropertyValue('status')).toBe(
      'CONFIRMED',
    );
    await inject(t, { method: 'POST', url: `/api/v1/bookings/${made.id}/cancel`, as: f.member });
    const cancelled = await eventOf(`/api/v1/rooms/${f.roomId}/calendar.ics`);
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(Number(cancelled?.getFirstPropertyValue('sequence'))).toBeGreaterThan(0);
    expectProblem(
      await inject(t, {
        method: 'GET',
        url: '/api/v1/rooms/00000000-0000-4000-8000-000000000000/calendar.ics',
      }),
      404,
      'not_found',
    );
  });
});
