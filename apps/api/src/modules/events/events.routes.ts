// /events: the public calendar and event pages, publishing, registration with a waiting list,
// check-in, feedback, and iCalendar feeds.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CheckInBody,
  EventInput,
  EventListQuery,
  EventPatch,
  EventSchema,
  FeedbackInput,
  FeedbackSummary,
  IdParams,
  Page,
  ProblemSchema,
  ReasonBody,
  RegistrantSchema,
  RegistrationResult,
} from '@vcentri/shared';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { requirePrincipal } from '../../plugins/auth';
import { icsCalendar } from '../bookings/ics';
import { problems, secured } from '../route-schemas';
import { hubEventStats } from '../stats/event-stats';
import { statsWindow } from '../stats-window';
import {
  cancelEvent,
  checkIn,
  feedbackSummary,
  getEvent,
  giveFeedback,
  listEvents,
  register,
  registrants,
  unregister,
} from './events.service';
import { createEvent, updateEvent } from './publishing';

const tags = ['events'];

const eventsRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  const toIcs = (name: string, items: Awaited<ReturnType<typeof listEvents>>['items']) =>
    icsCalendar(
      name,
      items.map((e) => ({
        uid: `event-${e.id}@vcentri.kyiv.ua`,
        start: new Date(e.start),
        end: new Date(e.end),
        summary: `${e.title.uk} / ${e.title.en}`,
        location: `${e.hubName.uk}, ${e.roomName.uk} — ${e.address.uk}`,
        description: e.description.uk || e.description.en,
        status: e.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        updated: new Date(e.updatedAt ?? e.start),
        sequence: e.status === 'cancelled' ? 1 : 0,
      })),
    );

  app.get(
    '/events',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'Published events: from, to, hubId, district, category',
        querystring: EventListQuery,
        response: { 200: Page(EventSchema), ...problems },
      },
    },
    async (request) => listEvents(db, request.principal, request.query, { countCap: config.listCountCap }),
  );
  app.get(
    '/events/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'iCalendar feed of published events, filterable like the list',
        querystring: EventListQuery,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const from = request.query.from ?? new Date(Date.now() - 60 * 86_400_000).toISOString();
      const { items } = await listEvents(db, null, {
        ...request.query,
        from,
        includeCancelled: true,
        limit: 500,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(toIcs('Vcentri: події / events', items) as never);
    },
  );
  app.get(
    '/events/:id',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'One event, with your registration when signed in',
        params: IdParams,
        response: { 200: EventSchema, ...problems },
      },
    },
    async (request) => getEvent(db, request.principal, request.params.id),
  );
  app.get(
    '/events/:id/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The event as an .ics file to add to your calendar',
        params: IdParams,
        produces: ['text/calendar'],
        response: { 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const e = await getEvent(db, null, request.params.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${e.id}.ics"`)
        .send(toIcs(e.title.uk, [e]) as never);
    },
  );
  app.post(
    '/events',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary:
          'Publish an event in a confirmed booking (hub manager, or a member of the booking’s organisation)',
        description:
          'Within the booking (`outside_booking`), at most the room’s capacity (`over_capacity`); the booking’s events never overlap (`409 event_overlap`) and their places together fit the room (`409 event_places_exceeded`).',
        body: EventInput,
        response: { 201: EventSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEvent(db, requirePrincipal(request), request.body, request.ip)),
  );
  app.patch(
    '/events/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Edit an event',
        description: 'Checked like a new event against the booking and its other events.',
        params: IdParams,
        body: EventPatch,
        response: { 200: EventSchema, ...problems },
      },
    },
    async (request) =>
      updateEvent(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/events/:id/cancel',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Cancel an event; registrants are told',
        params: IdParams,
        body: ReasonBody,
        response: { 200: EventSchema, ...problems },
      },
    },
    async (request) =>
      cancelEvent(db, requirePrincipal(request), request.params.id, request.body.reason.trim(), request.ip),
  );
  app.post(
    '/events/:id/registrations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Register: a place while places remain, else the next waiting-list position',
        params: IdParams,
        response: { 201: RegistrationResult, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await register(db, requirePrincipal(request), request.params.id, request.ip)),
  );
  app.delete(
    '/events/:id/registrations/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Cancel your registration; the first person waiting moves up',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await unregister(db, requirePrincipal(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/events/:id/registrations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Registrants (organisers and the hub’s managers): search by name, e-mail or code',
        params: IdParams,
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(RegistrantSchema) }), ...problems },
      },
    },
    async (request) => ({
      items: await registrants(db, requirePrincipal(request), request.params.id, request.query.q),
    }),
  );
  app.post(
    '/events/:id/check-in',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Check an attendee in by short code or registration id',
        description:
          'Opens `CHECK_IN_OPENS_MINUTES` (default 120) before the start; earlier attempts get `409 check_in_not_open` with `opensAt`.',
        params: IdParams,
        body: CheckInBody,
        response: { 200: RegistrantSchema, ...problems },
      },
    },
    async (request) =>
      checkIn(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body,
        request.ip,
        config.checkInOpensMinutes,
      ),
  );
  app.post(
    '/events/:id/feedback',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Rate an event you attended (1–5, once, after it starts)',
        params: IdParams,
        body: FeedbackInput,
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await giveFeedback(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body.rating,
        request.body.comment,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/events/:id/feedback',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Feedback results (organisers, the hub’s managers, the district, the city)',
        params: IdParams,
        response: { 200: FeedbackSummary, ...problems },
      },
    },
    async (request) => feedbackSummary(db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/stats/events',
    {
      config: { access: { roles: ['district_admin', 'city_admin'] } },
      schema: {
        tags: ['stats'],
        ...secured,
        summary:
          'Per hub: events, registrations, attendance and feedback in a window (district admin: own district)',
        querystring: Type.Object({
          from: Type.String({ format: 'date-time' }),
          to: Type.String({ format: 'date-time' }),
          district: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                hubId: Type.String(),
                hubName: Type.Object({ uk: Type.String(), en: Type.String() }),
                district: Type.String(),
                events: Type.Integer(),
                registrations: Type.Integer(),
                attended: Type.Integer(),
                feedbackCount: Type.Integer(),
                averageRating: Type.Union([Type.Number(), Type.Null()]),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const { from, to, district } = statsWindow(p, request.query);
      const rows = await hubEventStats(db, { from, to, district });
      return {
        items: rows.map((r) => ({
          hubId: r.hubId,
          hubName: { uk: r.nameUk, en: r.nameEn },
          district: r.district,
          events: r.events,
          registrations: r.registrations,
          attended: r.attended,
          feedbackCount: r.feedbackCount,
          averageRating: r.averageRating === null ? null : Number(r.averageRating),
        })),
      };
    },
  );
};

export default eventsRoutes;
