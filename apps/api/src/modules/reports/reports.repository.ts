// The queries of the public reports: the rows of `public_reports` and the notable events of a
// period. Functions take the database or the transaction as their first argument.
import type { NotableEvent } from '@vcentri/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

type Db = Kysely<DB>;

const COLUMNS = ['period', 'status', 'snapshot', 'narratives', 'hash', 'builtAt', 'publishedAt'] as const;

export interface ReportRow {
  period: string;
  status: 'draft' | 'published';
  snapshot: unknown;
  narratives: unknown;
  hash: string | null;
  builtAt: Date;
  publishedAt: Date | null;
}

export async function findReport(db: Db, period: string, opts: { lock?: boolean } = {}) {
  let q = db.selectFrom('publicReports').select(COLUMNS).where('period', '=', period);
  if (opts.lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as ReportRow | undefined;
}

/** Published reports (or every report), newest period first, a year before its own fourth quarter. */
export async function listReports(db: Db, opts: { publishedOnly: boolean; limit: number; offset: number }) {
  let q = db.selectFrom('publicReports');
  if (opts.publishedOnly) q = q.where('status', '=', 'published');
  const [rows, total] = await Promise.all([
    q
      .select(['period', 'status', 'hash', 'builtAt', 'publishedAt'])
      .orderBy('periodTo', 'desc')
      .orderBy('periodFrom', 'asc')
      .orderBy('period', 'asc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/**
 * The period's published events with the most attended check-ins (ties: the earlier first), with
 * public fields only. `from`/`to` are instants, `to` excluded.
 */
export async function notableEvents(db: Db, from: Date, to: Date, limit = 5): Promise<NotableEvent[]> {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('hubs as h', 'h.id', 'e.hubId')
    .select([
      'e.id',
      'e.titleUk',
      'e.titleEn',
      'e.category',
      'e.startsAt',
      'e.endsAt',
      'h.id as hubId',
      'h.nameUk as hubNameUk',
      'h.nameEn as hubNameEn',
      'h.district',
      sql<number>`coalesce((select s.attended from event_stats s where s.event_id = e.id), 0)`.as('attended'),
    ])
    .where('e.status', '=', 'published')
    .where('e.startsAt', '>=', from)
    .where('e.startsAt', '<', to)
    .orderBy('attended', 'desc')
    .orderBy('e.startsAt', 'asc')
    .orderBy('e.id', 'asc')
    .limit(limit)
    .execute();
  return rows
    .filter((r) => Number(r.attended) > 0)
    .map((r) => ({
      eventId: r.id,
      title: { uk: r.titleUk, en: r.titleEn },
      category: r.category,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      hubId: r.hubId,
      hubName: { uk: r.hubNameUk, en: r.hubNameEn },
      district: r.district,
      attended: Number(r.attended),
    }));
}
