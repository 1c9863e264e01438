// /open-data: the catalogue and the downloads (CSV and JSON) with ETag and Last-Modified, so
// portals that harvest the data can ask "changed since?" and get 304.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '@vcentri/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/database';
import { notFound } from '../../errors';
import { toCsv } from './csv';
import { DATASETS, type Dataset, LICENCE } from './datasets';

const Localized = Type.Object({ uk: Type.String(), en: Type.String() });
const CatalogueEntry = Type.Object({
  id: Type.String(),
  title: Localized,
  description: Localized,
  licence: Type.Object({ name: Type.String(), url: Type.String() }),
  lastModified: Type.String({ format: 'date-time' }),
  records: Type.Integer(),
  downloads: Type.Object({ csv: Type.String(), json: Type.String() }),
  fields: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), description: Localized })),
});

/** Answers 304 when the client's copy is current; otherwise sets the validators and sends. */
function sendConditional(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  type: string,
  lastModified: Date,
  filename: string,
) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const lastModifiedHttp = new Date(Math.floor(lastModified.getTime() / 1000) * 1000).toUTCString();
  reply
    .header('etag', etag)
    .header('last-modified', lastModifiedHttp)
    .header('cache-control', 'public, max-age=0, must-revalidate');
  const inm = request.headers['if-none-match'];
  const ims = request.headers['if-modified-since'];
  const fresh = inm
    ? inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')
    : ims !== undefined &&
      !Number.isNaN(Date.parse(ims)) &&
      Math.floor(lastModified.getTime() / 1000) * 1000 <= Date.parse(ims);
  if (fresh) return reply.status(304).send();
  return reply.type(type).header('content-disposition', `inline; filename="${filename}"`).send(body);
}

function findDataset(id: string): Dataset {
  const d = DATASETS.find((x) => x.id === id);
  if (!d) throw notFound('No such dataset.');
  return d;
}

const openDataRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/open-data',
    {
      config: {
        access: 'public',
        // Counts of every dataset; programs' shifts also move with the clock, so at most a minute.
        publicCache: {
          tables: [
            'organizations',
            'events',
            'event_registrations',
            'hubs',
            'rooms',
            'volunteer_programs',
            'volunteer_shifts',
            'volunteer_signups',
            'volunteer_hours',
          ],
          ttlMs: 60_000,
        },
      },
      schema: {
        tags: ['open-data'],
        summary: 'The dataset catalogue with data dictionaries',
        response: { 200: Type.Object({ items: Type.Array(CatalogueEntry) }) },
      },
    },
    async (request, reply) =>
      app.publicCache.send(request, reply, async () => ({
        items: await Promise.all(
          DATASETS.map(async (d) => ({
            id: d.id,
            title: d.title,
            description: d.description,
            licence: LICENCE,
            lastModified: (await d.lastModified(db)).toISOString(),
            records: (await d.records(db)).length,
            downloads: { csv: `/api/v1/open-data/${d.id}.csv`, json: `/api/v1/open-data/${d.id}.json` },
            fields: d.fields,
          })),
        ),
      })),
  );

  const Params = Type.Object({ dataset: Type.String({ pattern: '^[a-z-]+$', maxLength: 50 }) });
  app.get(
    '/open-data/:dataset.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open-data'],
        summary: 'A dataset as CSV (UTF-8, header row, RFC 4180)',
        description:
          "Text cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return carry a leading `'` so spreadsheets show them as text instead of running them (OWASP CSV injection); numbers are written as numbers. The JSON download keeps every value unchanged.",
        params: Params,
        produces: ['text/csv'],
        response: { 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const d = findDataset(request.params.dataset);
      const [records, lastModified] = await Promise.all([d.records(db), d.lastModified(db)]);
      const header = d.fields.map((x) => x.name);
      const body = toCsv(
        header,
        records.map((r) => header.map((h) => r[h])),
      );
      return sendConditional(request, reply, body, 'text/csv; charset=utf-8', lastModified, `${d.id}.csv`);
    },
  );
  app.get(
    '/open-data/:dataset.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open-data'],
        summary: 'A dataset as JSON',
        params: Params,
        response: { 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const d = findDataset(request.params.dataset);
      const [records, lastModified] = await Promise.all([d.records(db), d.lastModified(db)]);
      const body = JSON.stringify({
        dataset: d.id,
        lastModified: lastModified.toISOString(),
        licence: LICENCE,
        records,
      });
      return sendConditional(
        request,
        reply,
        body,
        'application/json; charset=utf-8',
        lastModified,
        `${d.id}.json`,
      );
    },
  );
};

export default openDataRoutes;
