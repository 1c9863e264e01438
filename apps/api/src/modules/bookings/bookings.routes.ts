// /bookings, room availability, hub closures, calendar feeds, notifications, district stats.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Alternative,
  Availability,
  AvailabilityQuery,
  Booking,
  BookingCreated,
  BookingInput,
  BookingListQuery,
  BookingPreview,
  BookingStatsQuery,
  ClosureInput,
  ClosureResult,
  HubBookingStats,
  IdParams,
  Limit,
  MoveBody,
  Notification,
  Offset,
  Page,
  ProblemSchema,
  ReasonBody,
  DEFAULT_LIMIT,
} from '@vcentri/shared';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/database';
import { problems, secured } from '../route-schemas';
import { hubBookingStats } from '../stats/booking-stats';
import { statsWindow } from '../stats-window';
import type { Config } from '../../config';
import { AppError, notFound } from '../../errors';
import { requirePrincipal } from '../../plugins/auth';
import {
  bookingAlternatives,
  createBookings,
  createClosure,
  getBooking,
  listBookings,
  moveBooking,
  previewBookings,
  roomAvailability,
  transitionBooking,
} from './bookings.service';
import { icsCalendar } from './ics';
import { placeNamesOf } from './place-names';

const tags = ['bookings'];

const bookingsRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  const names = placeNamesOf(db, app.publicCache.versions);
  app.post(
    '/bookings/preview',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Check a request (or each date of a series) without booking',
        body: BookingInput,
        response: { 200: BookingPreview, ...problems },
      },
    },
    async (request) => previewBookings(db, requirePrincipal(request), request.body),
  );

  app.post(
    '/bookings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Request a room (a member of a verified organisation)',
        description:
          'Checks opening hours, closures, the room’s rules, capacity, the monthly quota and conflicts. Answers 201 with the bookings (`confirmed`, or `pending` when the room needs approval), or a problem: `outside_opening_hours`, `too_short`, `too_long`, `lead_time`, `too_far_ahead`, `over_capacity` (400); `quota_exceeded`, `organization_not_verified`, `room_closed`, `booking_conflict` with `conflicts` (409); `problems` lists every rule the request breaks, the first naming the status and `code`. A series (`recurrence`) is all-or-nothing unless `mode: "free"`, which books the free dates and lists the others in `skipped`.',
        body: BookingInput,
        response: { 201: BookingCreated, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createBookings(db, requirePrincipal(request), request.body, request.ip)),
  );

  app.get(
    '/bookings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Bookings you may see: your organisations’, your hubs’, your district’s',
        querystring: BookingListQuery,
        response: { 200: Page(Booking), ...problems },
      },
    },
    async (request) =>
      listBookings(db, requirePrincipal(request), request.query, { countCap: config.listCountCap, names }),
  );

  app.get(
    '/bookings/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'One booking',
        params: IdParams,
        response: { 200: Booking, ...problems },
      },
    },
    async (request) => getBooking(db, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/bookings/:id/approve',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Hub manager: confirm a pending request',
        params: IdParams,
        response: { 200: Booking, ...problems },
      },
    },
    async (request) =>
      (
        await transitionBooking(db, requirePrincipal(request), request.params.id, 'approve', {}, request.ip)
      )[0]!,
  );
  app.post(
    '/bookings/:id/decline',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Hub manager: decline a pending request, with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Booking, ...problems },
      },
    },
    async (request) =>
      (
        await transitionBooking(
          db,
          requirePrincipal(request),
          request.params.id,
          'decline',
          { reason: request.body.reason.trim() },
          request.ip,
        )
      )[0]!,
  );
  app.post(
    '/bookings/:id/cancel',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Organiser or hub manager: cancel a booking, or it and the rest of its series',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Booking) }), ...problems },
      },
    },
    async (request) => {
      const body = (request.body ?? {}) as { reason?: unknown; scope?: unknown };
      if (
        typeof body !== 'object' ||
        (body.scope !== undefined && body.scope !== 'one' && body.scope !== 'following')
      ) {
        throw new AppError('validation_failed', 400, 'scope is one or following.', [
          { path: '/scope', code: 'enum', message: 'must be one or following' },
        ]);
      }
      const reason =
        typeof body.reason === 'string' && body.reason.trim() ? body.reason.trim().slice(0, 2000) : null;
      return {
        items: await transitionBooking(
          db,
          requirePrincipal(request),
          request.params.id,
          'cancel',
          { reason, scope: body.scope as 'one' | 'following' | undefined },
          request.ip,
        ),
      };
    },
  );

  app.get(
    '/bookings/:id/alternatives',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Free rooms at the booking’s time with enough capacity: same hub first, then nearest hubs',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Alternative) }), ...problems },
      },
    },
    async (request) => ({
      items: await bookingAlternatives(db, requirePrincipal(request), request.params.id),
    }),
  );
  app.post(
    '/bookings/:id/move',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Move a booking to another room at the same time (atomic; 409 if taken meanwhile)',
        description:
          'The target room’s rules apply as to a new request: opening hours, length, lead time, horizon, capacity, the monthly quota and a verified organisation (same problem codes as `POST /bookings`); the places of the booking’s published events must fit the room (`409 event_places_exceeded`). The booking becomes `pending` when the target room needs approval and the caller is not its hub’s manager.',
        params: IdParams,
        body: MoveBody,
        response: { 200: Booking, ...problems },
      },
    },
    async (request) =>
      moveBooking(db, requirePrincipal(request), request.params.id, request.body.roomId, request.ip),
  );

  app.get(
    '/rooms/:id/availability',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'Free and busy intervals of a room inside opening hours (at most 62 days)',
        description:
          'Anyone sees busy intervals; their titles and booking ids only go to the booking’s organisation, the hub’s managers, the district and the city.',
        params: IdParams,
        querystring: AvailabilityQuery,
        response: { 200: Availability, ...problems },
      },
    },
    async (request) =>
      roomAvailability(
        db,
        request.principal,
        request.params.id,
        new Date(request.query.from),
        new Date(request.query.to),
      ),
  );

  app.post(
    '/hubs/:id/closures',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary:
          'Close a room or the whole hub for a window; answers with the affected bookings and their alternatives',
        params: IdParams,
        body: ClosureInput,
        response: { 201: ClosureResult, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createClosure(db, requirePrincipal(request), request.params.id, request.body, request.ip),
        ),
  );

  const feed = async (kind: 'hub' | 'room', id: string) => {
    const target =
      kind === 'hub'
        ? await db.selectFrom('hubs').select(['nameUk', 'nameEn']).where('id', '=', id).executeTakeFirst()
        : await db.selectFrom('rooms').select(['nameUk', 'nameEn']).where('id', '=', id).executeTakeFirst();
    if (!target) throw notFound(kind === 'hub' ? 'No such hub.' : 'No such room.');
    const rows = await db
      .selectFrom('bookings as b')
      .innerJoin('rooms as r', 'r.id', 'b.roomId')
      .innerJoin('hubs as h', 'h.id', 'r.hubId')
      .leftJoin('organizations as o', 'o.id', 'b.organizationId')
      .select([
        'b.id',
        'b.kind',
        'b.status',
        'b.updatedAt',
        'r.nameUk as roomUk',
        'r.nameEn as roomEn',
        'h.nameUk as hubUk',
        'h.addressUk',
        'o.nameUk as orgUk',
        'o.nameEn as orgEn',
        sql<Date>`lower(b.period)`.as('start'),
        sql<Date>`upper(b.period)`.as('end'),
      ])
      .where(kind === 'hub' ? 'r.hubId' : 'b.roomId', '=', id)
      .where('b.kind', '=', 'booking')
      .where('b.status', 'in', ['confirmed', 'cancelled'])
      .where(sql<boolean>`upper(b.period) > now() - interval '60 days'`)
      .where(sql<boolean>`lower(b.period) < now() + interval '400 days'`)
      .orderBy(sql`lower(b.period)`)
      .limit(5000)
      .execute();
    return icsCalendar(
      `Vcentri: ${target.nameUk}`,
      rows.map((r) => ({
        uid: `booking-${r.id}@vcentri.kyiv.ua`,
        start: r.start,
        end: r.end,
        // Public titles only: who holds the room, never the purpose.
        summary: `Зайнято / Booked: ${r.orgUk ?? ''}`.trim(),
        location: `${r.hubUk}, ${r.roomUk} — ${r.addressUk}`,
        status: r.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        updated: r.updatedAt,
        sequence: r.status === 'cancelled' ? 1 : 0,
      })),
    );
  };
  for (const kind of ['hub', 'room'] as const) {
    app.get(
      `/${kind}s/:id/calendar.ics`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `iCalendar feed of the ${kind}'s confirmed bookings (public titles only)`,
          params: IdParams,
          produces: ['text/calendar'],
          response: { 404: ProblemSchema },
        },
      },
      async (request, reply) =>
        reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .header('content-disposition', `inline; filename="${kind}-${request.params.id}.ics"`)
          .send((await feed(kind, request.params.id)) as never),
    );
  }

  app.get(
    '/me/notifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['notifications'],
        ...secured,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: Type.Object({
          unread: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Limit()),
          offset: Type.Optional(Offset),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Notification),
            total: Type.Integer(),
            unread: Type.Integer(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      let base = db.selectFrom('notifications').where('userId', '=', p.userId);
      if (request.query.unread) base = base.where('readAt', 'is', null);
      const [rows, counts] = await Promise.all([
        base
          .selectAll()
          .orderBy('createdAt', 'desc')
          .orderBy('id')
          .limit(request.query.limit ?? DEFAULT_LIMIT)
          .offset(request.query.offset ?? 0)
          .execute(),
        db
          .selectFrom('notifications')
          .select([
            sql<number>`count(*)::int`.as('total'),
            sql<number>`(count(*) filter (where read_at is null))::int`.as('unread'),
          ])
          .where('userId', '=', p.userId)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: { uk: n.titleUk, en: n.titleEn },
          body: { uk: n.bodyUk, en: n.bodyEn },
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
        })),
        total: request.query.unread ? counts.unread : counts.total,
        unread: counts.unread,
      };
    },
  );
  app.post(
    '/me/notifications/:id/read',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['notifications'],
        ...secured,
        summary: 'Mark one notification read',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      const res = await db
        .updateTable('notifications')
        .set({ readAt: new Date() })
        .where('id', '=', request.params.id)
        .where('userId', '=', requirePrincipal(request).userId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw notFound('No such notification.');
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/me/notifications/read-all',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['notifications'],
        ...secured,
        summary: 'Mark every notification read',
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await db
        .updateTable('notifications')
        .set({ readAt: new Date() })
        .where('userId', '=', requirePrincipal(request).userId)
        .where('readAt', 'is', null)
        .execute();
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/stats/bookings',
    {
      config: { access: { roles: ['district_admin', 'city_admin'] } },
      schema: {
        tags: ['stats'],
        ...secured,
        summary:
          'Per hub: bookings, pending requests, booked hours and organisations served in a window (district admin: own district)',
        querystring: BookingStatsQuery,
        response: { 200: Type.Object({ items: Type.Array(HubBookingStats) }), ...problems },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const { from, to, district } = statsWindow(p, request.query);
      const rows = await hubBookingStats(db, { from, to, district });
      return {
        items: rows.map((r) => ({
          hubId: r.hubId,
          hubName: { uk: r.nameUk, en: r.nameEn },
          district: r.district,
          bookings: r.bookings,
          pending: r.pending,
          bookedHours: Math.round(Number(r.bookedHours) * 100) / 100,
          organizations: r.organizations,
        })),
      };
    },
  );
};

export default bookingsRoutes;
