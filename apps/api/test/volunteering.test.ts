// Volunteer programs and shifts: who may run them, who sees drafts, the public lists, places in
// booked rooms, series, and notifications when a shift changes or is cancelled.
import { beforeAll, describe, expect, it } from 'vitest';
import { bookedSlot, world } from './booking-fixture';
import {
  createHub,
  createOrganization,
  createUser,
  expectProblem,
  inject,
  type TestApp,
  buildTestApp,
} from './helper';
import {
  createProgram,
  createShift,
  kyivDate,
  ngoWithProgram,
  ok,
  programInput,
  publish,
  shiftInput,
  signUp,
  volunteer,
} from './volunteering-fixture';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});

const url = (p: string) => `/api/v1/volunteering${p}`;

describe('programs: who runs them', () => {
  it('an NGO’s member runs its program: a draft only its people see, then published, then closed', async () => {
    const orgId = await createOrganization(t);
    const member = await createUser(t, [{ role: 'ngo_member', organizationId: orgId }]);
    const otherOrg = await createOrganization(t);
    const otherNgo = await createUser(t, [{ role: 'ngo_owner', organizationId: otherOrg }]);
    const resident = await createUser(t);
    const p = await createProgram(t, member, { organizationId: orgId, skills: ['Cooking'] });
    expect(p.status).toBe('draft');
    expect(
      (await ok(inject(t, { method: 'GET', url: url(`/programs/${p.id}`), as: member }))).canManage,
    ).toBe(true);
    expectProblem(await inject(t, { method: 'GET', url: url(`/programs/${p.id}`) }), 404, 'not_found');
    expectProblem(
      await inject(t, { method: 'GET', url: url(`/programs/${p.id}`), as: otherNgo }),
      404,
      'not_found',
    );
    const listed = await ok(inject(t, { method: 'GET', url: url('/programs?limit=100&skill=cooking') }));
    expect(listed.items.map((x: { id: string }) => x.id)).not.toContain(p.id);

    // Another NGO may not edit it, even once published.
    await publish(t, member, p.id);
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/programs/${p.id}`),
        as: otherNgo,
        payload: { minAge: 18 },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/programs/${p.id}`),
        as: resident,
        payload: { minAge: 18 },
      }),
      403,
      'forbidden',
    );
    const pub = await ok(inject(t, { method: 'GET', url: url(`/programs/${p.id}`) }));
    expect(pub).toMatchObject({
      status: 'published',
      runBy: 'organization',
      canManage: false,
      skills: ['cooking'],
    });
    const found = await ok(
      inject(t, {
        method: 'GET',
        url: url('/programs?limit=100&skill=cooking&cause=elderly&district=obolonskyi'),
      }),
    );
    expect(found.items.map((x: { id: string }) => x.id)).toContain(p.id);
    const other = await ok(
      inject(t, { method: 'GET', url: url('/programs?limit=100&skill=cooking&cause=animals') }),
    );
    expect(other.items.map((x: { id: string }) => x.id)).not.toContain(p.id);

    // The city may edit any program; published never goes back to draft.
    const admin = await createUser(t, [{ role: 'city_admin' }]);
    await ok(
      inject(t, { method: 'PATCH', url: url(`/programs/${p.id}`), as: admin, payload: { minAge: 16 } }),
    );
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/programs/${p.id}`),
        as: member,
        payload: { status: 'draft' },
      }),
      409,
      'invalid_transition',
    );
    await ok(
      inject(t, {
        method: 'PATCH',
        url: url(`/programs/${p.id}`),
        as: member,
        payload: { status: 'closed' },
      }),
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/programs/${p.id}/shifts`),
        as: member,
        payload: shiftInput(kyivDate(5), '10:00', '12:00'),
      }),
      409,
      'program_closed',
    );
  });

  it('an unverified organisation, a stranger and a resident cannot start programs', async () => {
    const pending = await createOrganization(t, 'submitted');
    const owner = await createUser(t, [{ role: 'ngo_owner', organizationId: pending }]);
    const res = await inject(t, {
      method: 'POST',
      url: url('/programs'),
      as: owner,
      payload: programInput({ organizationId: pending }),
    });
    expectProblem(res, 403, 'organization_not_verified');
    const verified = await createOrganization(t);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/programs'),
        as: owner,
        payload: programInput({ organizationId: verified }),
      }),
      403,
      'forbidden',
    );
    const resident = await createUser(t);
    expectProblem(
      await inject(t, { method: 'POST', url: url('/programs'), as: resident, payload: programInput() }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, { method: 'POST', url: url('/programs'), payload: programInput() }),
      401,
      'unauthorized',
    );
  });

  it('a hub manager runs programs of their hub, a district admin of their district, the city its own', async () => {
    const hubId = await createHub(t);
    const otherHub = await createHub(t);
    const manager = await createUser(t, [{ role: 'hub_manager', hubId }]);
    const hubProgram = await createProgram(t, manager, { hubId });
    expect(
      (await ok(inject(t, { method: 'GET', url: url(`/programs/${hubProgram.id}`), as: manager }))).runBy,
    ).toBe('hub');
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/programs'),
        as: manager,
        payload: programInput({ hubId: otherHub }),
      }),
      403,
      'forbidden',
    );
    const otherManager = await createUser(t, [{ role: 'hub_manager', hubId: otherHub }]);
    expectProblem(
      await inject(t, { method: 'GET', url: url(`/programs/${hubProgram.id}`), as: otherManager }),
      404,
      'not_found',
    );

    const da = await createUser(t, [{ role: 'district_admin', district: 'darnytskyi' }]);
    const dp = await createProgram(t, da, { ownerDistrict: 'darnytskyi' });
    await publish(t, da, dp.id);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/programs'),
        as: da,
        payload: programInput({ ownerDistrict: 'podilskyi' }),
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/programs/${dp.id}`),
        as: manager,
        payload: { minAge: 14 },
      }),
      403,
      'forbidden',
    );

    const admin = await createUser(t, [{ role: 'city_admin' }]);
    const cp = await createProgram(t, admin);
    expect((await ok(inject(t, { method: 'GET', url: url(`/programs/${cp.id}`), as: admin }))).runBy).toBe(
      'city',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/programs'),
        as: admin,
        payload: programInput({ hubId, ownerDistrict: 'podilskyi' }),
      }),
      400,
      'validation_failed',
    );
  });
});

describe('programs: the list of one’s own (managed=true)', () => {
  const ids = async (as: Parameters<typeof inject>[1]['as'], query = '') =>
    (
      (await ok(inject(t, { method: 'GET', url: url(`/programs?managed=true&limit=100${query}`), as }))) as {
        items: { id: string }[];
      }
    ).items
      .map((p) => p.id)
      .sort();

  it('lists, in every status, exactly the programs each person runs', async () => {
    const { orgId, owner, programId: published } = await ngoWithProgram(t);
    const draft = await createProgram(t, owner, { organizationId: orgId });
    const member = await createUser(t, [{ role: 'ngo_member', organizationId: orgId }]);
    const hubId = await createHub(t);
    const manager = await createUser(t, [{ role: 'hub_manager', hubId }]);
    const hubDraft = await createProgram(t, manager, { hubId });
    const da = await createUser(t, [{ role: 'district_admin', district: 'sviatoshynskyi' }]);
    const districtDraft = await createProgram(t, da, { ownerDistrict: 'sviatoshynskyi' });
    const admin = await createUser(t, [{ role: 'city_admin' }]);
    const cityDraft = await createProgram(t, admin);
    const resident = await createUser(t);

    expect(await ids(owner)).toEqual([published, draft.id].sort());
    expect(await ids(member)).toEqual([published, draft.id].sort());
    expect(await ids(owner, '&status=draft')).toEqual([draft.id]);
    expect(await ids(manager)).toEqual([hubDraft.id]);
    // A district's programs are shared by every test (and every earlier run on a kept database):
    // the district administrator sees this one and none of the organisation's, hub's or city's.
    const districtList = await ids(da);
    expect(districtList).toContain(districtDraft.id);
    for (const id of [published, draft.id, hubDraft.id, cityDraft.id]) expect(districtList).not.toContain(id);
    expect(await ids(resident)).toEqual([]);
    const all = await ids(admin);
    for (const id of [published, draft.id, hubDraft.id, districtDraft.id, cityDraft.id])
      expect(all).toContain(id);
    // The public list still shows published programs only.
    const open = (await ok(inject(t, { method: 'GET', url: url('/programs?limit=100') }))) as {
      items: { id: string; status: string }[];
    };
    expect(open.items.every((p) => p.status === 'published')).toBe(true);
    expect(open.items.map((p) => p.id)).not.toContain(draft.id);
    expectProblem(
      await inject(t, { method: 'GET', url: url('/programs?managed=true') }),
      401,
      'unauthorized',
    );
  });
});

describe('finding shifts and programs', () => {
  it('by language, step-free access and the volunteer’s age, counted by the API', async () => {
    const district = 'desnianskyi';
    const { owner, orgId } = await ngoWithProgram(t, { districts: [district] });
    const adults = await createProgram(t, owner, {
      organizationId: orgId,
      minAge: 18,
      languages: ['uk', 'en'],
      districts: [district],
    });
    await publish(t, owner, adults.id);
    const teens = await createProgram(t, owner, {
      organizationId: orgId,
      minAge: 14,
      languages: ['uk'],
      districts: [district],
    });
    await publish(t, owner, teens.id);
    const a = await createShift(
      t,
      owner,
      adults.id,
      shiftInput(kyivDate(25), '10:00', '12:00', { district, stepFree: false }),
    );
    const b = await createShift(
      t,
      owner,
      teens.id,
      shiftInput(kyivDate(25), '14:00', '16:00', { district, stepFree: true }),
    );
    const shifts = async (query: string) =>
      (
        (await ok(
          inject(t, { method: 'GET', url: url(`/shifts?district=${district}&programId=${query}`) }),
        )) as { items: { id: string; minAge: number; languages: string[] }[]; total: number }
      ).items.map((s) => s.id);
    const both = async (extra: string) => [
      ...(await shifts(`${adults.id}${extra}`)),
      ...(await shifts(`${teens.id}${extra}`)),
    ];
    expect(await both('')).toEqual([a.id, b.id]);
    expect(await both('&language=en')).toEqual([a.id]);
    expect(await both('&stepFree=true')).toEqual([b.id]);
    expect(await both('&age=16')).toEqual([b.id]);
    expect(await both('&age=18')).toEqual([a.id, b.id]);
    const one = (await ok(inject(t, { method: 'GET', url: url(`/shifts/${a.id}`) }))) as {
      minAge: number;
      languages: string[];
    };
    expect([one.minAge, one.languages]).toEqual([18, ['uk', 'en']]);
    expectProblem(await inject(t, { method: 'GET', url: url('/shifts?age=-1') }), 400, 'validation_failed');

    const programs = async (q: string) =>
      (
        (await ok(
          inject(t, { method: 'GET', url: url(`/programs?district=${district}&limit=100${q}`) }),
        )) as {
          items: { id: string }[];
        }
      ).items.map((p) => p.id);
    expect(await programs('&age=16')).toContain(teens.id);
    expect(await programs('&age=16')).not.toContain(adults.id);
    expect(await programs('&age=30')).toEqual(expect.arrayContaining([teens.id, adults.id]));
  });
});

describe('a program’s own shifts (GET /programs/:id/shifts)', () => {
  it('its people see upcoming, past and cancelled shifts; nobody else does', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const soon = await createShift(t, owner, programId, shiftInput(kyivDate(20), '10:00', '12:00'));
    const later = await createShift(t, owner, programId, shiftInput(kyivDate(21), '10:00', '12:00'));
    const gone = await createShift(t, owner, programId, shiftInput(kyivDate(22), '10:00', '12:00'));
    await ok(
      inject(t, {
        method: 'POST',
        url: url(`/shifts/${later.id}/cancel`),
        as: owner,
        payload: { reason: 'Дощ' },
      }),
    );
    // One shift already happened.
    const start = new Date(Date.now() - 5 * 3_600_000);
    await t.db
      .updateTable('volunteerShifts')
      .set({ startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) })
      .where('id', '=', gone.id)
      .execute();
    const list = async (when: string, as = owner) =>
      (await ok(
        inject(t, { method: 'GET', url: url(`/programs/${programId}/shifts?when=${when}`), as }),
      )) as {
        items: { id: string; status: string }[];
        total: number;
      };
    const upcoming = await list('upcoming');
    expect(upcoming.items.map((s) => [s.id, s.status])).toEqual([
      [soon.id, 'published'],
      [later.id, 'cancelled'],
    ]);
    expect((await list('past')).items.map((s) => s.id)).toEqual([gone.id]);
    expect((await list('all')).total).toBe(3);
    // The public list shows only the one still open.
    const open = (await ok(inject(t, { method: 'GET', url: url(`/shifts?programId=${programId}`) }))) as {
      items: { id: string }[];
    };
    expect(open.items.map((s) => s.id)).toEqual([soon.id]);

    const stranger = await createUser(t);
    expectProblem(
      await inject(t, { method: 'GET', url: url(`/programs/${programId}/shifts`), as: stranger }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: url(`/programs/${programId}/shifts`) }),
      401,
      'unauthorized',
    );
  });
});

describe('shifts', () => {
  it('a shift at an address, a weekly series, and an empty series is a 400', async () => {
    const { owner, programId } = await ngoWithProgram(t, { cause: 'environment', skills: ['planting'] });
    const d = kyivDate(12);
    const one = await createShift(
      t,
      owner,
      programId,
      shiftInput(d, '10:00', '13:00', { district: 'holosiivskyi' }),
    );
    const shift = await ok(inject(t, { method: 'GET', url: url(`/shifts/${one.id}`) }));
    expect(shift).toMatchObject({
      places: 5,
      placesLeft: 5,
      stepFree: true,
      district: 'holosiivskyi',
      signupOpen: true,
    });

    const series = await ok(
      inject(t, {
        method: 'POST',
        url: url(`/programs/${programId}/shifts`),
        as: owner,
        payload: shiftInput(kyivDate(14), '09:00', '11:00', {
          recurrence: { frequency: 'weekly', count: 3 },
        }),
      }),
      201,
    );
    expect(series.items).toHaveLength(3);
    expect(new Set(series.items.map((s: { seriesId: string }) => s.seriesId)).size).toBe(1);
    const empty = await inject(t, {
      method: 'POST',
      url: url(`/programs/${programId}/shifts`),
      as: owner,
      payload: shiftInput(kyivDate(14), '09:00', '11:00', {
        recurrence: { frequency: 'daily', until: kyivDate(13) },
      }),
    });
    expectProblem(empty, 400, 'invalid_interval');
    const noPlace = await inject(t, {
      method: 'POST',
      url: url(`/programs/${programId}/shifts`),
      as: owner,
      payload: { ...shiftInput(d, '10:00', '11:00'), address: undefined },
    });
    expectProblem(noPlace, 400, 'validation_failed');
    const past = await inject(t, {
      method: 'POST',
      url: url(`/programs/${programId}/shifts`),
      as: owner,
      payload: shiftInput(kyivDate(-1), '10:00', '11:00'),
    });
    expectProblem(past, 400, 'invalid_interval');

    const listed = await ok(
      inject(t, {
        method: 'GET',
        url: url(`/shifts?cause=environment&skill=planting&district=holosiivskyi&limit=100`),
      }),
    );
    expect(listed.items.map((s: { id: string }) => s.id)).toContain(one.id);
    const other = await ok(
      inject(t, { method: 'GET', url: url(`/shifts?programId=${programId}&district=podilskyi`) }),
    );
    expect(other.items).toEqual([]);

    const stranger = await createUser(t);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/programs/${programId}/shifts`),
        as: stranger,
        payload: shiftInput(d, '14:00', '15:00'),
      }),
      403,
      'forbidden',
    );
  });

  it('a shift in a room needs a confirmed booking of the organisation that covers it', async () => {
    const w = await world(t);
    const d = kyivDate(15);
    const slot = await bookedSlot(t, w, d, '10:00', '14:00');
    const program = await createProgram(t, w.member, { organizationId: w.orgId });
    const inRoom = (from: string, to: string) => ({
      ...shiftInput(d, from, to, { address: undefined, district: undefined, roomId: w.roomId }),
    });
    const good = await ok(
      inject(t, {
        method: 'POST',
        url: url(`/programs/${program.id}/shifts`),
        as: w.member,
        payload: inRoom('10:30', '13:00'),
      }),
      201,
    );
    expect(good.items[0]).toMatchObject({ roomId: w.roomId, bookingId: slot.id, district: 'obolonskyi' });
    const outside = await inject(t, {
      method: 'POST',
      url: url(`/programs/${program.id}/shifts`),
      as: w.member,
      payload: inRoom('13:00', '15:00'),
    });
    expectProblem(outside, 409, 'outside_booking');
    // Another organisation's booking does not count.
    const theirs = await createProgram(t, w.outsider, { organizationId: w.otherOrgId });
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/programs/${theirs.id}/shifts`),
        as: w.outsider,
        payload: inRoom('10:30', '12:00'),
      }),
      409,
      'outside_booking',
    );
  });

  it('editing or cancelling a shift tells everyone signed up; a draft program’s shifts stay hidden', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const shift = await createShift(
      t,
      owner,
      programId,
      shiftInput(kyivDate(16), '10:00', '12:00', { places: 1 }),
    );
    const a = await volunteer(t);
    const b = await volunteer(t);
    await ok(signUp(t, a, shift.id), 201);
    expect(await ok(signUp(t, b, shift.id), 201)).toMatchObject({ status: 'waitlisted', position: 1 });
    const kinds = async (userId: string) =>
      (await t.db.selectFrom('notifications').select('kind').where('userId', '=', userId).execute()).map(
        (n) => n.kind,
      );

    await ok(
      inject(t, {
        method: 'PATCH',
        url: url(`/shifts/${shift.id}`),
        as: owner,
        payload: { start: shiftInput(kyivDate(16), '09:00', '12:00').start },
      }),
    );
    expect(await kinds(a.id)).toContain('volunteering.shift_changed');
    expect(await kinds(b.id)).toContain('volunteering.shift_changed');
    // More places: the first waiting volunteer moves up.
    const grown = await ok(
      inject(t, { method: 'PATCH', url: url(`/shifts/${shift.id}`), as: owner, payload: { places: 2 } }),
    );
    expect(grown).toMatchObject({ confirmed: 2, waitlisted: 0 });
    expect(await kinds(b.id)).toContain('volunteering.promoted');
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/shifts/${shift.id}`),
        as: owner,
        payload: { places: 1 },
      }),
      409,
      'shift_places_below_signups',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url(`/shifts/${shift.id}/cancel`),
        as: a,
        payload: { reason: 'не можу' },
      }),
      403,
      'forbidden',
    );

    const cancelled = await ok(
      inject(t, {
        method: 'POST',
        url: url(`/shifts/${shift.id}/cancel`),
        as: owner,
        payload: { reason: 'Негода' },
      }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Негода', confirmed: 0 });
    expect(await kinds(a.id)).toContain('volunteering.shift_cancelled');
    expect(await kinds(b.id)).toContain('volunteering.shift_cancelled');
    expectProblem(await signUp(t, a, shift.id), 409, 'shift_cancelled');

    const draft = await createProgram(t, owner, {
      organizationId: (
        await t.db
          .selectFrom('volunteerPrograms')
          .select('organizationId')
          .where('id', '=', programId)
          .executeTakeFirstOrThrow()
      ).organizationId,
    });
    const hidden = await createShift(t, owner, draft.id, shiftInput(kyivDate(16), '14:00', '15:00'));
    expectProblem(await inject(t, { method: 'GET', url: url(`/shifts/${hidden.id}`) }), 404, 'not_found');
    expectProblem(await signUp(t, a, hidden.id), 404, 'not_found');
  });
});
