// The demo volunteering data on a fresh database, read back through the API as visitors would:
// published programs (one of them the city's), a full shift with a gapless waiting list, approved
// and pending hours, and no volunteer holding two shifts at once.
import type { MyVolunteering, ProgramView, RosterEntry, ShiftView } from '@vcentri/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { DEMO_PASSWORD, seedDemoData } from '../src/db/demo-seed';
import { checkDemoPlan, DEMO_VOLUNTEERS, demoVolunteerEmail } from '../src/db/demo-volunteering';
import { migrateToLatest } from '../src/db/migrator';
import { freshDatabase, testConfig } from './helper';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  fresh = await freshDatabase();
  await migrateToLatest(fresh.handle.db);
  expect(await seedDemoData(fresh.handle.db)).toBe(true);
  app = await buildApp({ config: testConfig(), db: fresh.handle.db });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await fresh?.drop();
});

async function login(email: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(res.statusCode, email).toBe(200);
  return { authorization: `Bearer ${res.json().accessToken}` };
}

/** A planned shift for the plan checker: Kyiv 10:00–13:00 on 10 December 2026. */
const plannedShift = {
  program: 1,
  day: 1,
  from: '10:00',
  to: '13:00',
  places: 4,
  task: 'Test',
  address: 'вул. Тестова, 1',
  district: 'podilskyi',
  confirmed: ['v1'] as ('v1' | 'v2' | 'v5')[],
  start: new Date('2026-12-10T08:00:00Z'),
  end: new Date('2026-12-10T11:00:00Z'),
};

const get = async <T>(url: string, headers: Record<string, string> = {}): Promise<T> => {
  const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
};

describe('demo volunteering data', () => {
  it('publishes programs of demo NGOs and the city, with age limits and briefings', async () => {
    const list = await get<{ items: ProgramView[]; total: number }>('/volunteering/programs?limit=100');
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.items.filter((p) => p.runBy === 'city')).toHaveLength(1);
    expect(new Set(list.items.map((p) => p.organizationId).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(list.items.some((p) => p.minAge > 0)).toBe(true);
    expect(list.items.some((p) => p.briefing)).toBe(true);
    for (const p of list.items) {
      expect(p.title.uk.length).toBeGreaterThan(3);
      expect(p.title.en.length).toBeGreaterThan(3);
      expect(p.description.en.length).toBeGreaterThan(10);
    }
    // The NGO owner sees «Оболонь разом»'s draft too, and manages its programs.
    const owner = await login('ngo-owner@demo.vcentri.kyiv.ua');
    const drafts = await fresh.handle.db
      .selectFrom('volunteerPrograms')
      .select('id')
      .where('status', '=', 'draft')
      .execute();
    expect(drafts).toHaveLength(1);
    expect((await get<ProgramView>(`/volunteering/programs/${drafts[0]!.id}`, owner)).canManage).toBe(true);
  });

  it('has upcoming shifts with sign-ups and one full shift whose waiting list is 1..N', async () => {
    const shifts = await get<{ items: ShiftView[] }>('/volunteering/shifts?limit=100');
    expect(shifts.items.length).toBeGreaterThanOrEqual(5);
    for (const s of shifts.items) {
      expect(Date.parse(s.start)).toBeGreaterThan(Date.now());
      expect(s.confirmed).toBeLessThanOrEqual(s.places);
      // A waiting list only where every place is taken.
      if (s.waitlisted > 0) expect(s.confirmed).toBe(s.places);
      const from = new Date(s.start).toLocaleTimeString('en-GB', { timeZone: 'Europe/Kyiv', hour12: false });
      expect(from >= '08:00' && from <= '20:00', from).toBe(true);
    }
    const full = shifts.items.filter((s) => s.waitlisted > 0);
    expect(full).toHaveLength(1);
    const admin = await login('admin@demo.vcentri.kyiv.ua');
    const roster = (await get<{ items: RosterEntry[] }>(`/volunteering/shifts/${full[0]!.id}/roster`, admin))
      .items;
    expect(roster.filter((r) => r.status === 'confirmed')).toHaveLength(full[0]!.places);
    const positions = roster.filter((r) => r.status === 'waitlisted').map((r) => r.position);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
    expect(positions.length).toBeGreaterThanOrEqual(2);
  });

  it('has approved hours for a demo volunteer and pending hours in the NGO owner’s queue', async () => {
    const v1 = await login(demoVolunteerEmail('v1'));
    const mine = await get<MyVolunteering>('/me/volunteering', v1);
    expect(mine.hours.approvedMinutes).toBeGreaterThanOrEqual(10 * 60);
    expect(mine.hours.pendingMinutes).toBeGreaterThan(0);
    expect(mine.shifts.some((s) => s.status === 'waitlisted')).toBe(true);

    const owner = await login('ngo-owner@demo.vcentri.kyiv.ua');
    const programs = await get<{ items: ProgramView[] }>('/volunteering/programs?limit=100', owner);
    const obolon = programs.items.filter((p) => p.canManage);
    expect(obolon).toHaveLength(1);
    const pending = await get<{ items: { status: string }[]; total: number }>(
      `/volunteering/programs/${obolon[0]!.id}/hours?status=pending`,
      owner,
    );
    expect(pending.total).toBeGreaterThanOrEqual(2);
    const approved = await get<{ total: number }>(
      `/volunteering/programs/${obolon[0]!.id}/hours?status=approved`,
      owner,
    );
    expect(approved.total).toBeGreaterThan(0);

    // Past shifts: some volunteers came, some did not.
    const { rows } = await sql<{ present: boolean | null; n: number }>`
      select present, count(*)::int as n from volunteer_signups group by present`.execute(fresh.handle.db);
    expect(rows.find((r) => r.present === true)?.n).toBeGreaterThan(0);
    expect(rows.find((r) => r.present === false)?.n).toBeGreaterThan(0);
  });

  it('keeps the rules: no overlaps, ≤12 h a day, minimum age, briefing first', async () => {
    for (const v of DEMO_VOLUNTEERS) {
      const mine = await get<MyVolunteering>('/me/volunteering', await login(demoVolunteerEmail(v.key)));
      const held = mine.shifts.map((s) => s.shift).sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < held.length; i++)
        expect(Date.parse(held[i]!.start), v.key).toBeGreaterThanOrEqual(Date.parse(held[i - 1]!.end));
    }
    const db = fresh.handle.db;
    // Past and future alike, straight from the tables.
    const overlaps = await sql<{ n: number }>`
      select count(*)::int as n from volunteer_signups a
      join volunteer_shifts sa on sa.id = a.shift_id
      join volunteer_signups b on b.user_id = a.user_id and b.id <> a.id
      join volunteer_shifts sb on sb.id = b.shift_id
      where a.status <> 'cancelled' and b.status <> 'cancelled'
        and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at`.execute(db);
    expect(overlaps.rows[0]!.n).toBe(0);
    const tooLong = await sql<{ n: number }>`
      select count(*)::int as n from (
        select x.user_id, (s.starts_at at time zone 'Europe/Kyiv')::date as d, sum(s.ends_at - s.starts_at) as t
        from volunteer_signups x join volunteer_shifts s on s.id = x.shift_id
        where x.status <> 'cancelled' group by 1, 2) q
      where t > interval '12 hours'`.execute(db);
    expect(tooLong.rows[0]!.n).toBe(0);
    const underAge = await sql<{ n: number }>`
      select count(*)::int as n from volunteer_signups x
      join volunteer_shifts s on s.id = x.shift_id
      join volunteer_programs p on p.id = s.program_id
      join volunteer_profiles v on v.user_id = x.user_id
      where extract(year from s.starts_at at time zone 'Europe/Kyiv') - v.birth_year < p.min_age`.execute(db);
    expect(underAge.rows[0]!.n).toBe(0);
    const noBriefing = await sql<{ n: number }>`
      select count(*)::int as n from volunteer_signups x
      join volunteer_shifts s on s.id = x.shift_id
      join volunteer_programs p on p.id = s.program_id
      left join volunteer_briefing_acks a on a.program_id = p.id and a.user_id = x.user_id
      where p.briefing is not null and (a.user_id is null or a.acknowledged_at > x.created_at)`.execute(db);
    expect(noBriefing.rows[0]!.n).toBe(0);
    const inRooms = await sql<{ n: number }>`
      select count(*)::int as n from volunteer_shifts where room_id is not null`.execute(db);
    expect(inRooms.rows[0]!.n).toBe(0);

    // The plan's own check refuses what the API would refuse.
    const later = { start: new Date('2026-12-10T10:00:00Z'), end: new Date('2026-12-10T12:00:00Z') };
    expect(() => checkDemoPlan([plannedShift, { ...plannedShift, ...later }])).toThrow(/overlapping/);
    expect(() => checkDemoPlan([{ ...plannedShift, program: 2, confirmed: ['v5'] }])).toThrow(/under 18/);
    expect(() => checkDemoPlan([{ ...plannedShift, places: 1, confirmed: ['v1', 'v2'] }])).toThrow(/places/);
  });

  it('lets the demo resident create a profile, acknowledge a briefing and take a place', async () => {
    const resident = await login('resident@demo.vcentri.kyiv.ua');
    const profile = await app.inject({
      method: 'GET',
      url: '/api/v1/me/volunteer-profile',
      headers: resident,
    });
    expect(profile.statusCode).toBe(404);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/volunteer-profile',
      headers: resident,
      payload: {
        skills: ['фото'],
        languages: ['uk'],
        districts: ['obolonskyi'],
        birthYear: 1990,
        consentToContact: true,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const shifts = await get<{ items: ShiftView[] }>('/volunteering/shifts?limit=100');
    const programs = await get<{ items: ProgramView[] }>('/volunteering/programs?limit=100');
    const briefed = new Set(programs.items.filter((p) => p.briefing).map((p) => p.id));
    const open = shifts.items.find((s) => briefed.has(s.programId) && s.placesLeft > 0)!;
    const signUp = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/volunteering/shifts/${open.id}/signups`,
        headers: resident,
      });
    expect((await signUp()).json().code).toBe('briefing_required');
    const ack = await app.inject({
      method: 'POST',
      url: `/api/v1/volunteering/programs/${open.programId}/briefing/acknowledge`,
      headers: resident,
    });
    expect(ack.statusCode, ack.body).toBe(200);
    const res = await signUp();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('confirmed');
  });
});
