// District figures of volunteering (GET /stats/volunteering): per hub, per organisation and in
// total for the shifts held in a district in a window. The shifts of one window and district are
// few enough (hundreds, not millions) to read once and add up here, which keeps "distinct
// volunteers" exact in every row and the totals without double counting.
import type { VolunteeringFigures, VolunteeringStats } from '@vcentri/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

interface ShiftFacts {
  programId: string;
  places: number;
  signups: string[];
  present: number;
  noShows: number;
  approvedMinutes: number;
}

function figures(shifts: ShiftFacts[]): VolunteeringFigures {
  const present = shifts.reduce((a, s) => a + s.present, 0);
  const noShows = shifts.reduce((a, s) => a + s.noShows, 0);
  return {
    programs: new Set(shifts.map((s) => s.programId)).size,
    shifts: shifts.length,
    places: shifts.reduce((a, s) => a + s.places, 0),
    signups: shifts.reduce((a, s) => a + s.signups.length, 0),
    volunteers: new Set(shifts.flatMap((s) => s.signups)).size,
    present,
    noShows,
    attendanceRate:
      present + noShows === 0 ? null : Math.round((present / (present + noShows)) * 1000) / 1000,
    approvedMinutes: shifts.reduce((a, s) => a + s.approvedMinutes, 0),
  };
}

export async function volunteeringStats(
  db: Database,
  w: { from: string; to: string; district: string | undefined },
): Promise<VolunteeringStats> {
  let q = db
    .selectFrom('volunteerShifts as s')
    .innerJoin('volunteerPrograms as p', 'p.id', 's.programId')
    .leftJoin('rooms as r', 'r.id', 's.roomId')
    .leftJoin('organizations as o', 'o.id', 'p.organizationId')
    .select([
      's.id',
      's.programId',
      's.places',
      'p.organizationId',
      'o.nameUk as orgNameUk',
      'o.nameEn as orgNameEn',
      sql<string | null>`coalesce(r.hub_id, p.hub_id)`.as('hubId'),
      sql<
        string[]
      >`array(select x.user_id::text from volunteer_signups x where x.shift_id = s.id and x.status = 'confirmed')`.as(
        'signups',
      ),
      sql<number>`(select count(*) from volunteer_signups x where x.shift_id = s.id and x.status = 'confirmed' and x.present)::int`.as(
        'present',
      ),
      sql<number>`(select count(*) from volunteer_signups x where x.shift_id = s.id and x.status = 'confirmed' and x.present = false)::int`.as(
        'noShows',
      ),
      sql<number>`(select coalesce(sum(h.minutes), 0) from volunteer_hours h where h.shift_id = s.id and h.status = 'approved')::int`.as(
        'approvedMinutes',
      ),
    ])
    .where('s.status', '=', 'published')
    .where('p.status', 'in', ['published', 'closed'])
    .where('s.startsAt', '>=', new Date(w.from))
    .where('s.startsAt', '<', new Date(w.to));
  if (w.district) q = q.where('s.district', '=', w.district);
  const shifts = await q.execute();

  let hq = db
    .selectFrom('hubs')
    .select(['id', 'nameUk', 'nameEn', 'district'])
    .orderBy('nameUk')
    .orderBy('id');
  if (w.district) hq = hq.where('district', '=', w.district);
  const hubs = await hq.execute();

  const orgs = new Map<string, { uk: string; en: string }>();
  for (const s of shifts)
    if (s.organizationId) orgs.set(s.organizationId, { uk: s.orgNameUk ?? '', en: s.orgNameEn ?? '' });
  return {
    district: w.district ?? null,
    totals: figures(shifts),
    hubs: hubs.map((h) => ({
      hubId: h.id,
      hubName: { uk: h.nameUk, en: h.nameEn },
      district: h.district,
      ...figures(shifts.filter((s) => s.hubId === h.id)),
    })),
    organizations: [...orgs]
      .sort(([, a], [, b]) => a.uk.localeCompare(b.uk, 'uk'))
      .map(([id, name]) => ({
        organizationId: id,
        organizationName: name,
        ...figures(shifts.filter((s) => s.organizationId === id)),
      })),
  };
}
