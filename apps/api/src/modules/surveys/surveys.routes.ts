// /surveys: staff write surveys, invited residents take a one-time token and answer anonymously,
// results are public once closed.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  InvitationSchema,
  Page,
  ResponseInput,
  ResponseReceipt,
  SurveyInput,
  SurveyListQuery,
  SurveyPatch,
  SurveyResultsSchema,
  SurveySchema,
} from '@vcentri/shared';
import type { Database } from '../../db/database';
import { requirePrincipal } from '../../plugins/auth';
import { problems, secured } from '../route-schemas';
import {
  closeSurvey,
  createSurvey,
  deleteSurvey,
  getSurvey,
  issueInvitation,
  listSurveys,
  publishSurvey,
  submitResponse,
  surveyResults,
  updateSurvey,
} from './surveys.service';

const tags = ['surveys'];

const surveysRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/surveys',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary:
          'Surveys the caller manages (city admins: all; hub managers: their hubs’), newest opening first',
        querystring: SurveyListQuery,
        response: { 200: Page(SurveySchema), ...problems },
      },
    },
    async (request) => listSurveys(db, requirePrincipal(request), request.query),
  );
  app.post(
    '/surveys',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Write a survey (a draft) about the network, a hub, an event or a volunteer shift',
        description:
          'Network surveys: city admins. Hub, event and shift surveys: city admins and the managers of the hub (the event’s hub, the shift’s room’s or program’s hub). 1–20 questions: `rating` (1–5), `nps` (0–10), `single` and `multiple` (2–10 options), `text`. `closesAt` after `opensAt` and in the future (`400 invalid_interval`).',
        body: SurveyInput,
        response: { 201: SurveySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSurvey(db, requirePrincipal(request), request.body, request.ip)),
  );
  app.get(
    '/surveys/:id',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'A survey and its questions (drafts: its staff only)',
        description:
          'Signed in: `invitation` says whether the caller is invited (`available`: the one-time token can be taken, `issued`: it was). Its staff also get `counts`.',
        params: IdParams,
        response: { 200: SurveySchema, ...problems },
      },
    },
    async (request) => getSurvey(db, request.principal, request.params.id),
  );
  app.patch(
    '/surveys/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Edit a survey until it opens (questions too)',
        description: 'After the opening: `409 survey_locked`.',
        params: IdParams,
        body: SurveyPatch,
        response: { 200: SurveySchema, ...problems },
      },
    },
    async (request) =>
      updateSurvey(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.delete(
    '/surveys/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Delete a draft survey',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems },
      },
    },
    async (request, reply) => {
      await deleteSurvey(db, requirePrincipal(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/surveys/:id/publish',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Publish a draft: residents who took part are invited when it opens',
        params: IdParams,
        response: { 200: SurveySchema, ...problems },
      },
    },
    async (request) => publishSurvey(db, requirePrincipal(request), request.params.id, request.ip),
  );
  app.post(
    '/surveys/:id/close',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        ...secured,
        summary: 'Close an open survey early',
        params: IdParams,
        response: { 200: SurveySchema, ...problems },
      },
    },
    async (request) => closeSurvey(db, requirePrincipal(request), request.params.id, request.ip),
  );
  app.post(
    '/surveys/:id/invitation',
    {
      config: { access: 'signed-in', idempotency: false },
      schema: {
        tags,
        ...secured,
        summary: 'Take your one-time answer token (invited residents, once, while open)',
        description:
          'Returns a random token once; only its SHA-256 hash is kept, in a table without accounts. Not invited: `403 not_invited`; taken already: `409 invitation_issued`; not open: `409 survey_not_open`.',
        params: IdParams,
        response: { 201: InvitationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueInvitation(db, requirePrincipal(request), request.params.id)),
  );
  app.post(
    '/surveys/:id/responses',
    {
      // Anonymous by design: the account is never read here, so send no Authorization header.
      config: { access: 'public', idempotency: false },
      schema: {
        tags,
        summary: 'Answer a survey with a one-time token, anonymously',
        description:
          'The answer is stored with the hub, district and Kyiv date only. Unknown token: `403 invitation_invalid`; used: `409 invitation_used`; answers not fitting their questions: `400 invalid_answer`.',
        params: IdParams,
        body: ResponseInput,
        response: { 201: ResponseReceipt, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitResponse(db, request.params.id, request.body)),
  );
  app.get(
    '/surveys/:id/results',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'Totals per question: public once closed, its staff any time (with free text)',
        description:
          'Groups under five answers are hidden (`hidden: true`, counts `null`). Before the close, others get `403 results_not_public`.',
        params: IdParams,
        response: { 200: SurveyResultsSchema, ...problems },
      },
    },
    async (request) => surveyResults(db, request.principal, request.params.id),
  );
};

export default surveysRoutes;
