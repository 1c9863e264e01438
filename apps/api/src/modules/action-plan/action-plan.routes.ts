// /action-plan: the city's Open Government action plan — public progress of its indicators, and
// the city admin's commitments, indicators and quarterly values.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ActionPlanQuery,
  ActionPlanSchema,
  CommitmentInput,
  CommitmentPatch,
  CommitmentSchema,
  IdParams,
  IndicatorInput,
  IndicatorPatch,
  IndicatorSchema,
  IndicatorValueInput,
  IndicatorValueParams,
} from '@vcentri/shared';
import { Type } from 'typebox';
import type { Database } from '../../db/database';
import { requirePrincipal } from '../../plugins/auth';
import { problems, secured } from '../route-schemas';
import {
  createCommitment,
  createIndicator,
  deleteCommitment,
  deleteIndicator,
  deleteValue,
  getActionPlan,
  recordValue,
  updateCommitment,
  updateIndicator,
} from './action-plan.service';

const tags = ['action-plan'];
const cityAdmin = { access: { roles: ['city_admin' as const] } };
const noContent = { 204: Type.Null() };

const actionPlanRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/action-plan',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The action plan: commitments, indicators, values per quarter and progress to target',
        description:
          'As of the current quarter (Kyiv calendar), or of `quarter` (`2026-Q3`, not a future one): values of later quarters are left out. `progress` is the % of the way from baseline to target, 0–100, measured towards the target (so it also holds when lower is better).',
        querystring: ActionPlanQuery,
        response: { 200: ActionPlanSchema, ...problems },
      },
    },
    async (request) => getActionPlan(db, request.query.quarter),
  );

  app.post(
    '/action-plan/commitments',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: add a commitment',
        body: CommitmentInput,
        response: { 201: CommitmentSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCommitment(db, requirePrincipal(request), request.body, request.ip)),
  );
  app.patch(
    '/action-plan/commitments/:id',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: change a commitment',
        params: IdParams,
        body: CommitmentPatch,
        response: { 200: CommitmentSchema, ...problems },
      },
    },
    async (request) =>
      updateCommitment(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.delete(
    '/action-plan/commitments/:id',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: delete a commitment with its indicators and values',
        params: IdParams,
        response: { ...noContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteCommitment(db, requirePrincipal(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/action-plan/indicators',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: add an indicator to a commitment',
        description:
          'The target must differ from the baseline (`400 target_equals_baseline`) and lie on the better side of it (`400 target_direction_mismatch`).',
        body: IndicatorInput,
        response: { 201: IndicatorSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createIndicator(db, requirePrincipal(request), request.body, request.ip)),
  );
  app.patch(
    '/action-plan/indicators/:id',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: change an indicator',
        params: IdParams,
        body: IndicatorPatch,
        response: { 200: IndicatorSchema, ...problems },
      },
    },
    async (request) =>
      updateIndicator(db, requirePrincipal(request), request.params.id, request.body, request.ip),
  );
  app.delete(
    '/action-plan/indicators/:id',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: delete an indicator with its values',
        params: IdParams,
        response: { ...noContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteIndicator(db, requirePrincipal(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/action-plan/indicators/:id/values/:quarter',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: record the indicator’s value for a quarter (replaces an earlier one)',
        description:
          'One value per indicator and quarter; recording it again replaces value and note and says who and when (the audit log keeps the replaced value). A quarter that has not begun is `400 quarter_in_future`.',
        params: IndicatorValueParams,
        body: IndicatorValueInput,
        response: { 200: IndicatorSchema, ...problems },
      },
    },
    async (request) =>
      recordValue(
        db,
        requirePrincipal(request),
        request.params.id,
        request.params.quarter,
        request.body,
        request.ip,
      ),
  );
  app.delete(
    '/action-plan/indicators/:id/values/:quarter',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'City admin: delete the value recorded for a quarter',
        params: IndicatorValueParams,
        response: { ...noContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteValue(db, requirePrincipal(request), request.params.id, request.params.quarter, request.ip);
      return reply.status(204).send(null);
    },
  );
};

export default actionPlanRoutes;
