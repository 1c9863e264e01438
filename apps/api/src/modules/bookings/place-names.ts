// The names a bookings list shows beside each booking — its room, the room's hub (and district)
// and its organisation — kept in memory instead of three joins a row. They stay correct by the
// tables' data versions (plugins/public-cache.ts `DataVersions`): a write to rooms, hubs or
// organizations through this process is known before its answer goes out, one by another process
// as soon as its notification (or the poll) arrives. Every room and hub is kept (a city has
// hundreds); of the organisations (tens of thousands) only those a page showed, each page
// fetching the missing ones in one statement.
import type { Database } from '../../db/database';
import type { DataVersions } from '../../plugins/public-cache';

/** A room as the list shows it, with its hub. */
export interface RoomPlace {
  nameUk: string;
  nameEn: string;
  hubId: string;
  hubNameUk: string;
  hubNameEn: string;
  district: string;
}

export interface OrganizationName {
  nameUk: string;
  nameEn: string;
}

const ROOM_TABLES = ['rooms', 'hubs'] as const;
const ORGANIZATION_TABLES = ['organizations'] as const;
/** At most this many organisations' names are kept; past it the names start over. */
export const MAX_ORGANIZATION_NAMES = 50_000;

/**
 * Values read for one data version. A value is kept only when the version it was read for (the
 * one current before the statement ran) is still the current one when it arrives, so a read that
 * raced a write is used once and never kept.
 */
class Versioned<V> {
  version = -1;
  value: V;
  private since = 0;
  constructor(private readonly empty: () => V) {
    this.value = empty();
  }
  /**
   * The kept value, emptied first if the tables changed since it was read, or if it is older than
   * `MAX_AGE_MS` (a safety net: version counters that went back, e.g. after a restore, would
   * otherwise hide later writes for good — and the rooms decide a caller's scope).
   */
  current(version: number): V {
    const now = Date.now();
    if (version !== this.version || now - this.since > MAX_AGE_MS) {
      this.version = version;
      this.since = now;
      this.value = this.empty();
    }
    return this.value;
  }
}

/** Kept names are read again after this long at most, whatever the data versions say. */
const MAX_AGE_MS = 60_000;

export class PlaceNames {
  private readonly rooms = new Versioned(() => new Map<string, RoomPlace>());
  private roomsLoad: { version: number; promise: Promise<Map<string, RoomPlace>> } | null = null;
  private readonly organizations = new Versioned(() => new Map<string, OrganizationName>());

  constructor(
    private readonly db: Database,
    private readonly versions: DataVersions,
  ) {}

  /** Every room with its hub, as of now. With `missing`, read again unless it holds all of them. */
  async roomPlaces(missing?: Iterable<string>): Promise<Map<string, RoomPlace>> {
    await this.versions.ensureKnown();
    const version = this.versions.of(ROOM_TABLES);
    const kept = this.rooms.current(version);
    const reread = someMissing(kept, missing);
    if (kept.size > 0 && !reread) return kept;
    // Concurrent pages wait for one read of the rooms.
    if (this.roomsLoad?.version !== version || reread) {
      const promise = this.loadRooms(version);
      this.roomsLoad = { version, promise };
      promise
        .catch(() => {})
        .finally(() => {
          if (this.roomsLoad?.promise === promise) this.roomsLoad = null;
        });
    }
    return this.roomsLoad.promise;
  }

  private async loadRooms(version: number): Promise<Map<string, RoomPlace>> {
    const rows = await this.db
      .selectFrom('rooms as r')
      .innerJoin('hubs as h', 'h.id', 'r.hubId')
      .select([
        'r.id',
        'r.nameUk',
        'r.nameEn',
        'r.hubId',
        'h.nameUk as hubNameUk',
        'h.nameEn as hubNameEn',
        'h.district',
      ])
      .orderBy('r.id')
      .execute();
    const places = new Map<string, RoomPlace>();
    for (const r of rows) {
      places.set(r.id, {
        nameUk: r.nameUk,
        nameEn: r.nameEn,
        hubId: r.hubId,
        hubNameUk: r.hubNameUk,
        hubNameEn: r.hubNameEn,
        district: r.district,
      });
    }
    if (this.rooms.version === version) this.rooms.value = places;
    return places;
  }

  /** The names of these organisations (ids not found are left out), as of now. */
  async organizationNames(ids: Iterable<string>): Promise<Map<string, OrganizationName>> {
    await this.versions.ensureKnown();
    const version = this.versions.of(ORGANIZATION_TABLES);
    const kept = this.organizations.current(version);
    const wanted = new Set(ids);
    const missing = [...wanted].filter((id) => !kept.has(id));
    if (missing.length === 0) return kept;
    const rows = await this.db
      .selectFrom('organizations')
      .select(['id', 'nameUk', 'nameEn'])
      .where('id', '=', (eb) => eb.fn<string>('any', [eb.val(missing)]))
      .execute();
    const names = new Map<string, OrganizationName>();
    for (const id of wanted) {
      const name = kept.get(id);
      if (name) names.set(id, name);
    }
    const found = rows.map((r) => [r.id, { nameUk: r.nameUk, nameEn: r.nameEn }] as const);
    for (const [id, name] of found) names.set(id, name);
    // Read for an older version: answer this page with them, keep nothing.
    if (this.organizations.version === version) {
      if (kept.size + rows.length > MAX_ORGANIZATION_NAMES) this.organizations.value = new Map();
      const into = this.organizations.value;
      for (const [id, name] of found) into.set(id, name);
    }
    return names;
  }
}

const someMissing = (kept: Map<string, unknown>, ids?: Iterable<string>) => {
  if (!ids) return false;
  for (const id of ids) if (!kept.has(id)) return true;
  return false;
};

const shared = new WeakMap<DataVersions, PlaceNames>();

/** The names kept for one database handle (one per set of data versions, as the public cache). */
export function placeNamesOf(db: Database, versions: DataVersions): PlaceNames {
  let names = shared.get(versions);
  if (!names) {
    names = new PlaceNames(db, versions);
    shared.set(versions, names);
  }
  return names;
}
