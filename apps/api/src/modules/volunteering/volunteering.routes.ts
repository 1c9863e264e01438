// /volunteering and /me/volunteer…: programs, shifts, sign-ups with a waiting list, attendance,
// hours and their decisions, and the volunteer's own profile and summary.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AttendanceBody,
  HoursDecisionsBody,
  HoursEntrySchema,
  HoursInput,
  HoursListQuery,
  IdParams,
  MyVolunteering,
  Page,
  ProgramInput,
  ProgramListQuery,
  ProgramPatch,
  ProgramHoursSchema,
  ProgramSchema,
  ProgramShiftsQuery,
  ReasonBody,
  RosterEntrySchema,
  RosterQuery,
  ShiftInput,
  ShiftListQuery,
  ShiftPatch,
  ShiftSchema,
  SignupResult,
  VolunteerProfileInput,
  VolunteerProfileSchema,
  VolunteeringStats,
  VolunteeringStatsQuery,
} from '@vcentri/shared';
import { Type } from 'typebox';
import type { Database } from '../../db/database';
import { requirePrincipal } from '../../plugins/auth';
import { problems, secured } from '../route-schemas';
import { decideHours, logHours, myVolunteering, programHours, recordAttendance, roster } from './hours';
import { getProfile, putProfile } from './profile';
import { acknowledgeBriefing, createProgram, getProgram, listPrograms, updateProgram } from './programs';
import { cancelShift, createShifts, getShift, listShifts, programShifts, updateShift } from './shifts';
import { signUp, withdraw } from './signups';
import { volunteeringStats } from './stats';
import { statsWindow } from '../stats-window';

const tags = ['volunteering'];

const volunteeringRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/volunteering/programs',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary:
          'Published volunteer programs (cause, district, skill, language, q); managed=true: the caller’s own in every status',
        querystring: ProgramListQuery,
        response: { 200: Page(ProgramSchema), ...problems },
      },
    },
    async (request) => listPrograms(db, request.principal, request.query),
  );
  app.get(
    '/volunteering/programs/:id',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'One program (drafts: only its own people)',
        params: IdParams,
        response: { 200: ProgramSchema, ...problems },
      },
    },
    async (request) => getProgram(db, request.principal, request.params.id),
  );
  app.post(
    '/volunteering/programs',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Start a program (verified organisation’s people, hub manager, district admin, city admin)',
        description:
          'Run by `organizationId` (its owners and members; verified only), `hubId` (its managers), `ownerDistrict` (its admins) or, with none, the city (city admins).',
        body: ProgramInput,
        response: { 201: ProgramSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProgram(db, requirePrincipal(request), request.body, request.ip)),
  );
  app.patch(
    '/volunteering/programs/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Edit a program; status draft → published → closed',
        description:
          'Closing cancels every shift of the program that has not started: its sign-ups end and its volunteers are told as for a cancelled shift (no reminder follows). A closed program changes no more (`409 invalid_transition`).',
        params: IdParams,
        body: ProgramPatch,
        response: { 200: ProgramSchema, ...problems },
      },
    },
    async (request) =>
      updateProgram(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/volunteering/programs/:id/briefing/acknowledge',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Acknowledge the program’s briefing (needed before the first shift)',
        params: IdParams,
        response: { 200: ProgramSchema, ...problems },
      },
    },
    async (request) => acknowledgeBriefing(db, requirePrincipal(request), request.params.id, request.ip),
  );
  app.get(
    '/volunteering/programs/:id/hours',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'The program’s hour entries (its coordinators), e.g. status=pending to decide on',
        params: IdParams,
        querystring: HoursListQuery,
        response: { 200: ProgramHoursSchema, ...problems },
      },
    },
    async (request) => programHours(db, requirePrincipal(request), request.params.id, request.query),
  );
  app.get(
    '/volunteering/programs/:id/shifts',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'A program’s shifts for its own people: upcoming, past or all, cancelled ones included',
        params: IdParams,
        querystring: ProgramShiftsQuery,
        response: { 200: Page(ShiftSchema), ...problems },
      },
    },
    async (request) => programShifts(db, requirePrincipal(request), request.params.id, request.query),
  );
  app.post(
    '/volunteering/programs/:id/shifts',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Add a shift or a daily/weekly series of shifts',
        description:
          'At an `address` with its `district`, or in a `roomId`: an organisation’s program needs a confirmed booking of the organisation covering every shift (`409 outside_booking`); a hub’s program may use a room of its own hub when no pending or confirmed booking or closure overlaps the shift (`409 booking_conflict`); any other program gets `400 room_requires_organization`. A series that expands to nothing is `400 invalid_interval`.',
        params: IdParams,
        body: ShiftInput,
        response: { 201: Type.Object({ items: Type.Array(ShiftSchema) }), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createShifts(db, requirePrincipal(request), request.params.id, request.body, request.ip)),
  );
  app.get(
    '/volunteering/shifts',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Upcoming shifts of published programs: from, to, cause, district, skill, language, stepFree, age',
        querystring: ShiftListQuery,
        response: { 200: Page(ShiftSchema), ...problems },
      },
    },
    async (request) => listShifts(db, request.query),
  );
  app.get(
    '/volunteering/shifts/:id',
    {
      config: { access: 'optional' },
      schema: { tags, summary: 'One shift', params: IdParams, response: { 200: ShiftSchema, ...problems } },
    },
    async (request) => getShift(db, request.principal, request.params.id),
  );
  app.patch(
    '/volunteering/shifts/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Edit a shift; everyone signed up is told',
        description:
          'A new start or end is checked for every confirmed and waiting volunteer as at sign-up: the edit is refused, changing nothing, with `409 shift_overlap` or `409 daily_hours_exceeded` whose `volunteers` says how many would be affected. A room-placed shift must stay held (see adding shifts). Fewer places than confirmed volunteers is `409 shift_places_below_signups`.',
        params: IdParams,
        body: ShiftPatch,
        response: { 200: ShiftSchema, ...problems },
      },
    },
    async (request) =>
      updateShift(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/volunteering/shifts/:id/cancel',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Cancel a shift; everyone signed up is told',
        params: IdParams,
        body: ReasonBody,
        response: { 200: ShiftSchema, ...problems },
      },
    },
    async (request) =>
      cancelShift(db, requirePrincipal(request), request.params.id, request.body.reason.trim(), request.ip),
  );
  app.post(
    '/volunteering/shifts/:id/signups',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Sign up: a place while places remain, else the next waiting-list position',
        description:
          'Needs a volunteer profile (`403 volunteer_profile_required`). Refused with `409 shift_overlap`, `403 age_requirement`, `409 briefing_required`, `409 daily_hours_exceeded` (over 12 h on a Kyiv day) or `409 signup_closed` (the shift started).',
        params: IdParams,
        response: { 201: SignupResult, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await signUp(db, requirePrincipal(request), request.params.id, request.ip)),
  );
  app.delete(
    '/volunteering/shifts/:id/signups/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Withdraw; the first volunteer waiting moves up and is told',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await withdraw(db, requirePrincipal(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/volunteering/shifts/:id/roster',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary:
          'Who holds and who waits for the shift (the program’s coordinators); q: a name or a short code',
        params: IdParams,
        querystring: RosterQuery,
        response: { 200: Type.Object({ items: Type.Array(RosterEntrySchema) }), ...problems },
      },
    },
    async (request) => ({
      items: await roster(db, requirePrincipal(request), request.params.id, request.query.q),
    }),
  );
  app.post(
    '/volunteering/shifts/:id/attendance',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Record attendance; each attendance becomes approved hours for the shift',
        params: IdParams,
        body: AttendanceBody,
        response: { 200: Type.Object({ items: Type.Array(RosterEntrySchema) }), ...problems },
      },
    },
    async (request) => ({
      items: await recordAttendance(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body,
        request.ip,
      ),
    }),
  );
  app.post(
    '/volunteering/hours/:id/approve',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Approve pending hours (final)',
        params: IdParams,
        response: { 200: HoursEntrySchema, ...problems },
      },
    },
    async (request) =>
      (
        await decideHours(
          db,
          requirePrincipal(request),
          { ids: [request.params.id], decision: 'approve' },
          request.ip,
        )
      ).items[0]!,
  );
  app.post(
    '/volunteering/hours/:id/reject',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Reject pending hours with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: HoursEntrySchema, ...problems },
      },
    },
    async (request) =>
      (
        await decideHours(
          db,
          requirePrincipal(request),
          { ids: [request.params.id], decision: 'reject', reason: request.body.reason },
          request.ip,
        )
      ).items[0]!,
  );
  app.post(
    '/volunteering/hours/decisions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Approve or reject many pending entries at once (all or none)',
        body: HoursDecisionsBody,
        response: { 200: Type.Object({ items: Type.Array(HoursEntrySchema) }), ...problems },
      },
    },
    async (request) => decideHours(db, requirePrincipal(request), request.body, request.ip),
  );
  app.get(
    '/me/volunteer-profile',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Your volunteer profile',
        response: { 200: VolunteerProfileSchema, ...problems },
      },
    },
    async (request) => getProfile(db, requirePrincipal(request)),
  );
  app.put(
    '/me/volunteer-profile',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Create or replace your volunteer profile',
        body: VolunteerProfileInput,
        response: { 200: VolunteerProfileSchema, ...problems },
      },
    },
    async (request) => putProfile(db, requirePrincipal(request), request.body, request.ip),
  );
  app.get(
    '/me/volunteering',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Your upcoming shifts, waiting positions and hours',
        response: { 200: MyVolunteering, ...problems },
      },
    },
    async (request) => myVolunteering(db, requirePrincipal(request)),
  );
  app.post(
    '/me/volunteering/hours',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Log hours of volunteer work for a program (pending until a coordinator decides)',
        body: HoursInput,
        response: { 201: HoursEntrySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logHours(db, requirePrincipal(request), request.body, request.ip)),
  );

  app.get(
    '/stats/volunteering',
    {
      config: { access: { roles: ['district_admin', 'city_admin'] } },
      schema: {
        tags: ['stats'],
        ...secured,
        summary:
          'Per hub and organisation, and in total: programs, shifts, places, sign-ups, volunteers, attendance and approved minutes in a window (district admin: own district)',
        description:
          'Counts the shifts that are not cancelled, of published or closed programs, starting in `[from, to)` and held in the district. A hub’s row counts shifts in its rooms and shifts of programs it runs; an organisation’s row the shifts of its programs; the totals count every shift once (also district and city programs).',
        querystring: VolunteeringStatsQuery,
        response: { 200: VolunteeringStats, ...problems },
      },
    },
    async (request) => volunteeringStats(db, statsWindow(requirePrincipal(request), request.query)),
  );
};

export default volunteeringRoutes;
