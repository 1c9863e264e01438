import { addDays, fromKyiv, toKyiv } from '@vcentri/shared';
import type { LightMyRequestResponse } from 'fastify';
import { createUser, inject, type TestApp, type TestUser, unique } from './helper';

/** Kyiv-local date `days` from today. */
export const kyivDate = (days: number) => addDays(toKyiv(new Date()).date, days);
/** An ISO instant for a Kyiv date and wall-clock time. */
export const at = (date: string, time: string) => fromKyiv(date, time).toISOString();

export interface World {
  admin: TestUser;
  manager: TestUser;
  otherManager: TestUser;
  districtAdmin: TestUser;
  member: TestUser;
  outsider: TestUser;
  hubId: string;
  otherHubId: string;
  farHubId: string;
  roomId: string;
  bigRoomId: string;
  orgId: string;
  otherOrgId: string;
}

/** A hub open 08:00–22:00 every day with two rooms, a second hub nearby and one far away. */
export async function world(t: TestApp, rules: Record<string, unknown> = {}): Promise<World> {
  const admin = await createUser(t, [{ role: 'city_admin' }]);
  const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' }));
  const hub = async (lat: number, lon: number, district: string) => {
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/hubs',
      as: admin,
      payload: {
        name: { uk: unique('Хаб'), en: unique('Hub') },
        district,
        address: { uk: 'вул. Тестова, 1', en: '1 Test St' },
        latitude: lat,
        longitude: lon,
        openingHours: hours,
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  // Each world sits at its own random spot, so alternatives found for it are its own rooms first.
  const lat = 50.35 + Math.random() * 0.25;
  const lon = 30.35 + Math.random() * 0.4;
  const hubId = await hub(lat, lon, 'obolonskyi');
  const otherHubId = await hub(lat + 0.003, lon + 0.003, 'obolonskyi');
  const farHubId = await hub(lat > 50.47 ? lat - 0.1 : lat + 0.1, lon, 'darnytskyi');
  const room = async (h: string, capacity: number, extra: Record<string, unknown> = {}) => {
    const res = await inject(t, {
      method: 'POST',
      url: `/api/v1/hubs/${h}/rooms`,
      as: admin,
      payload: {
        name: { uk: unique('Кімната'), en: unique('Room') },
        capacity,
        rules: { requiresApproval: false, horizonDays: 400, leadMinutes: 60, ...rules, ...extra },
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  const roomId = await room(hubId, 20);
  const bigRoomId = await room(hubId, 80);
  const manager = await createUser(t, [{ role: 'hub_manager', hubId }]);
  const otherManager = await createUser(t, [{ role: 'hub_manager', hubId: otherHubId }]);
  const districtAdmin = await createUser(t, [{ role: 'district_admin', district: 'obolonskyi' }]);
  const org = async (status: string) =>
    (
      await t.db
        .insertInto('organizations')
        .values({
          nameUk: unique('ГО'),
          nameEn: unique('NGO'),
          status,
          district: 'obolonskyi',
          legalForm: 'other',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const orgId = await org('verified');
  const otherOrgId = await org('verified');
  const member = await createUser(t, [{ role: 'ngo_member', organizationId: orgId }]);
  const outsider = await createUser(t, [{ role: 'ngo_owner', organizationId: otherOrgId }]);
  return {
    admin,
    manager,
    otherManager,
    districtAdmin,
    member,
    outsider,
    hubId,
    otherHubId,
    farHubId,
    roomId,
    bigRoomId,
    orgId,
    otherOrgId,
  };
}

export function book(
  t: TestApp,
  as: TestUser | null,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return inject(t, {
    method: 'POST',
    url: '/api/v1/bookings',
    as,
    payload: { title: 'Зустріч громади', attendees: 10, ...payload },
  });
}

/** A booking by the world's member in its 20-seat room on a Kyiv date that must succeed. */
export async function bookedSlot(t: TestApp, x: World, date: string, from: string, to: string) {
  const res = await book(t, x.member, {
    roomId: x.roomId,
    organizationId: x.orgId,
    start: at(date, from),
    end: at(date, to),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { ...(res.json().items[0] as { id: string; start: string; end: string }), date };
}
