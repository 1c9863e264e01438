// The bookings list takes its rooms', hubs' and organisations' names (and the hubs' districts,
// which decide what a district admin sees) from memory (modules/bookings/place-names.ts). A
// rename or a move must show in the very next list — made through the API, straight in the
// database, or by another API process on the same database — and the answer must equal the
// booking's own page, which reads them from the database.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookedSlot, kyivDate, type World, world } from './booking-fixture';
import {
  anotherProcess,
  buildTestApp,
  eventually,
  inject,
  type TestApp,
  type TestUser,
  unique,
} from './helper';

let t: TestApp;
let w: World;
let bookingId: string;
beforeAll(async () => {
  t = await buildTestApp();
  w = await world(t);
  bookingId = (await bookedSlot(t, w, kyivDate(12), '10:00', '11:00')).id;
});
afterAll(async () => {
  await t.app.close();
});

/** The world's booking as `as` sees it in the list of its room (undefined: not listed). */
async function listed(app: TestApp, as: TestUser, filter = `roomId=${w.roomId}`) {
  const res = await inject(app, { method: 'GET', url: `/api/v1/bookings?${filter}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).find((b) => b.id === bookingId) as
    | { id: string; roomName: { uk: string }; hubName: { en: string }; organizationName: { uk: string } }
    | undefined;
}

/** The list's item equals the booking's own page. */
async function expectAsItsPage(app: TestApp, as: TestUser) {
  const page = await inject(app, { method: 'GET', url: `/api/v1/bookings/${bookingId}`, as });
  expect(await listed(app, as)).toEqual(page.json());
}

describe('names in the bookings list', () => {
  it('a renamed organisation, room and hub show in the next list, as on the booking’s page', async () => {
    await expectAsItsPage(t, w.member);
    const orgName = unique('Перейменована');
    const org = await inject(t, {
      method: 'PATCH',
      url: `/api/v1/organizations/${w.orgId}`,
      as: w.admin,
      payload: { nameUk: orgName },
    });
    expect(org.statusCode, org.body).toBe(200);
    expect((await listed(t, w.member))?.organizationName.uk).toBe(orgName);

    const roomName = unique('Зала');
    const room = await inject(t, {
      method: 'PATCH',
      url: `/api/v1/rooms/${w.roomId}`,
      as: w.admin,
      payload: { name: { uk: roomName, en: 'Renamed room' } },
    });
    expect(room.statusCode, room.body).toBe(200);
    expect((await listed(t, w.manager))?.roomName.uk).toBe(roomName);

    const hubName = unique('Hub');
    const hub = await inject(t, {
      method: 'PATCH',
      url: `/api/v1/hubs/${w.hubId}`,
      as: w.admin,
      payload: { name: { uk: unique('Хаб'), en: hubName } },
    });
    expect(hub.statusCode, hub.body).toBe(200);
    expect((await listed(t, w.admin))?.hubName.en).toBe(hubName);
    await expectAsItsPage(t, w.member);
    await expectAsItsPage(t, w.admin);
  });

  it('a name written straight into the database shows in the next list', async () => {
    const name = unique('Пряма');
    await t.db.updateTable('organizations').set({ nameUk: name }).where('id', '=', w.orgId).execute();
    expect((await listed(t, w.member))?.organizationName.uk).toBe(name);
  });

  it('a hub moved to another district leaves its district admin’s list and its district filter at once', async () => {
    const x = await world(t);
    const id = (await bookedSlot(t, x, kyivDate(14), '12:00', '13:00')).id;
    const seen = async (as: TestUser, filter: string) => {
      const res = await inject(t, { method: 'GET', url: `/api/v1/bookings?${filter}`, as });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).some((b) => b.id === id);
    };
    const mine = `roomId=${x.roomId}`;
    expect(await seen(x.districtAdmin, mine)).toBe(true);
    expect(await seen(x.admin, `district=obolonskyi&${mine}`)).toBe(true);
    const moved = await inject(t, {
      method: 'PATCH',
      url: `/api/v1/hubs/${x.hubId}`,
      as: x.admin,
      payload: { district: 'podilskyi' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await seen(x.districtAdmin, mine)).toBe(false);
    expect(await seen(x.admin, `district=obolonskyi&${mine}`)).toBe(false);
    expect(await seen(x.admin, `district=podilskyi&${mine}`)).toBe(true);
  });

  it('two API processes on one database: a rename in one shows in the other’s list', async () => {
    const other = await anotherProcess();
    try {
      // Both lists have read the names by now.
      await listed(t, w.member);
      await listed(other, w.member);
      const orgName = unique('Інша');
      await other.db
        .updateTable('organizations')
        .set({ nameUk: orgName })
        .where('id', '=', w.orgId)
        .execute();
      await eventually(async () => (await listed(t, w.member))?.organizationName.uk === orgName);

      const roomName = unique('Кімната');
      const res = await inject(t, {
        method: 'PATCH',
        url: `/api/v1/rooms/${w.roomId}`,
        as: w.admin,
        payload: { name: { uk: roomName, en: 'Other room' } },
      });
      expect(res.statusCode, res.body).toBe(200);
      await eventually(async () => (await listed(other, w.member))?.roomName.uk === roomName);
      await expectAsItsPage(other, w.member);
    } finally {
      await other.close();
    }
  });
  it('names a write did not announce (triggers off, as a restore might leave them) are read again after a minute', async () => {
    await expectAsItsPage(t, w.member);
    const name = unique('Без версії');
    // Triggers off for this transaction: the room changes, its data version does not.
    await t.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await tx.updateTable('rooms').set({ nameUk: name }).where('id', '=', w.roomId).execute();
    });
    expect((await listed(t, w.manager))?.roomName.uk).not.toBe(name);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      expect((await listed(t, w.manager))?.roomName.uk).toBe(name);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
