// /open-data: the catalogue, the downloads (CSV, JSON, datapackage.json) with ETag and
// Last-Modified, so portals that harvest the data can ask "changed since?" and get 304, and the
// whole catalogue as DCAT-AP JSON-LD.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '@vcentri/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { notFound } from '../../errors';
import type { VersionedTable } from '../../plugins/public-cache';
import { toCsv } from './csv';
import { dataPackage } from './datapackage';
import { DATASETS, type Dataset, LICENCE } from './datasets';
import { dcatCatalog } from './dcat';
import { FREQUENCIES, freshness } from './freshness';

const Localized = Type.Object({ uk: Type.String(), en: Type.String() });
const CatalogueEntry = Type.Object({
  id: Type.String(),
  title: Localized,
  description: Localized,
  licence: Type.Object({ name: Type.String(), url: Type.String() }),
  updateFrequency: Type.Union(
    FREQUENCIES.map((f) => Type.Literal(f)),
    {
      description:
        'EU frequency vocabulary code (http://publications.europa.eu/resource/authority/frequency/)',
    },
  ),
  keywords: Type.Object({ uk: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
  lastModified: Type.String({ format: 'date-time' }),
  stale: Type.Boolean({
    description: 'True when dueBy has passed without a newer change (not updated on time)',
  }),
  dueBy: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'lastModified plus one period of updateFrequency; null for IRREG',
  }),
  records: Type.Integer(),
  downloads: Type.Object({ csv: Type.String(), json: Type.String(), datapackage: Type.String() }),
  fields: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), description: Localized })),
});

const PREFIX = '/api/v1/open-data';

/** Every table a dataset is built from: a write to any of them makes the cached answers stale. */
const SOURCE_TABLES: VersionedTable[] = [...new Set(DATASETS.flatMap((d) => d.tables))];

/** A Host header is only trusted to name a host and port, never to inject anything into an IRI. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** PUBLIC_URL, else the origin the request came to (JSON-LD needs absolute IRIs). */
function originOf(config: Readonly<Config>, request: FastifyRequest): string {
  if (config.publicUrl) return config.publicUrl;
  const scheme = request.protocol === 'https' ? 'https' : 'http';
  const host = HOST.test(request.host) ? request.host.toLowerCase() : 'localhost';
  // The scheme's own port is left out, as browsers do: http://example.org, not …:80.
  return `${scheme}://${host.replace(scheme === 'https' ? /:443$/ : /:80$/, '')}`;
}

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

/** A dataset's rows as CSV: the header is the data dictionary; JSON fields are JSON text. */
async function csvOf(db: Database, d: Dataset) {
  const [records, lastModified] = await Promise.all([d.records(db), d.lastModified(db)]);
  const body = toCsv(
    d.fields.map((x) => x.name),
    records.map((r) =>
      d.fields.map((x) => (x.type === 'json' ? JSON.stringify(r[x.name] ?? null) : r[x.name])),
    ),
  );
  return { body, lastModified };
}

const openDataRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  app.get(
    '/open-data',
    {
      config: {
        access: 'public',
        // Counts of every dataset; programs' shifts and the stale flags also move with the clock,
        // so at most a minute.
        publicCache: { tables: SOURCE_TABLES, ttlMs: 60_000 },
      },
      schema: {
        tags: ['open-data'],
        summary: 'The dataset catalogue with data dictionaries, update frequencies and freshness',
        description:
          'Each dataset is due by `lastModified` plus one period of its `updateFrequency` (DAILY 1 day, WEEKLY 7 days, MONTHLY 1 month, QUARTERLY 3 months, ANNUAL 12 months; IRREG never); `stale` is true once `dueBy` has passed. `dcat` is the path of the DCAT-AP catalogue.',
        response: {
          200: Type.Object({ items: Type.Array(CatalogueEntry), dcat: Type.String() }),
        },
      },
    },
    async (request, reply) =>
      app.publicCache.send(request, reply, async () => {
        const now = new Date();
        return {
          dcat: `${PREFIX}/catalog.jsonld`,
          items: await Promise.all(
            DATASETS.map(async (d) => {
              const [lastModified, records] = await Promise.all([d.lastModified(db), d.records(db)]);
              const fresh = freshness(d.updateFrequency, lastModified, now);
              return {
                id: d.id,
                title: d.title,
                description: d.description,
                licence: LICENCE,
                updateFrequency: d.updateFrequency,
                keywords: d.keywords,
                lastModified: lastModified.toISOString(),
                stale: fresh.stale,
                dueBy: fresh.dueBy?.toISOString() ?? null,
                records: records.length,
                downloads: {
                  csv: `${PREFIX}/${d.id}.csv`,
                  json: `${PREFIX}/${d.id}.json`,
                  datapackage: `${PREFIX}/${d.id}/datapackage.json`,
                },
                fields: d.fields,
              };
            }),
          ),
        };
      }),
  );

  const dcatBody = async (request: FastifyRequest) => {
    const datasets = await Promise.all(
      DATASETS.map(async (dataset) => ({ dataset, lastModified: await dataset.lastModified(db) })),
    );
    return dcatCatalog({
      base: originOf(config, request),
      contactEmail: config.openDataContactEmail,
      datasets,
    });
  };
  app.get(
    '/open-data/catalog.jsonld',
    {
      config: {
        access: 'public',
        publicCache: {
          tables: SOURCE_TABLES,
          ttlMs: 60_000,
          contentType: 'application/ld+json; charset=utf-8',
        },
      },
      schema: {
        tags: ['open-data'],
        summary: 'The whole catalogue as DCAT-AP (JSON-LD)',
        description:
          'A `dcat:Catalog` with one `dcat:Dataset` per dataset (titles and descriptions tagged `uk` and `en`, keywords, publisher, licence, `dct:accrualPeriodicity` from the EU frequency vocabulary, `dct:modified`, contact point, landing page) and three `dcat:Distribution`s each: CSV, JSON and datapackage.json. The `@context` is inline. IRIs are absolute: on `PUBLIC_URL` when it is set, else on the origin of the request.',
        produces: ['application/ld+json'],
        response: {
          200: Type.Object(
            {
              '@context': Type.Record(Type.String(), Type.String()),
              '@id': Type.String(),
              '@type': Type.Literal('dcat:Catalog'),
              'dcat:dataset': Type.Array(Type.Unknown()),
            },
            { additionalProperties: true },
          ),
        },
      },
    },
    async (request, reply) => {
      // Cached (keyed by path) only with PUBLIC_URL: otherwise the IRIs come from the request's
      // Host, and one client's Host must never end up in the answer everyone else gets.
      if (config.publicUrl) return app.publicCache.send(request, reply, () => dcatBody(request));
      const catalog = await dcatBody(request);
      return sendConditional(
        request,
        reply,
        JSON.stringify(catalog),
        'application/ld+json; charset=utf-8',
        new Date(catalog['dct:modified']['@value']),
        'catalog.jsonld',
      );
    },
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
          "Text cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return carry a leading `'` so spreadsheets show them as text instead of running them (OWASP CSV injection); numbers are written as numbers. Lists are joined with `;`, JSON fields hold their JSON text. The JSON download keeps every value unchanged.",
        params: Params,
        produces: ['text/csv'],
        response: { 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const d = findDataset(request.params.dataset);
      const { body, lastModified } = await csvOf(db, d);
      return sendConditional(request, reply, body, 'text/csv; charset=utf-8', lastModified, `${d.id}.csv`);
    },
  );
  app.get(
    '/open-data/:dataset/:file.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open-data'],
        summary: 'The same CSV next to its datapackage.json ({dataset}/{dataset}.csv)',
        description:
          'Where the relative `path` of a data package resolves when PUBLIC_URL is not set. `file` must be the dataset id.',
        params: Type.Object({
          dataset: Params.properties.dataset,
          file: Params.properties.dataset,
        }),
        produces: ['text/csv'],
        response: { 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const d = findDataset(request.params.dataset);
      if (request.params.file !== d.id) throw notFound('No such file.');
      const { body, lastModified } = await csvOf(db, d);
      return sendConditional(request, reply, body, 'text/csv; charset=utf-8', lastModified, `${d.id}.csv`);
    },
  );
  app.get(
    '/open-data/:dataset/datapackage.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open-data'],
        summary: 'A dataset as a Frictionless Tabular Data Package descriptor',
        description:
          'One resource, the CSV download, with a Table Schema from the data dictionary (uuid → string/uuid, date-time → datetime, lists → string, JSON fields → array). Its `path` is an absolute URL when PUBLIC_URL is set, else `{dataset}.csv`, relative to this descriptor.',
        params: Params,
        response: { 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const d = findDataset(request.params.dataset);
      const lastModified = await d.lastModified(db);
      const path = config.publicUrl ? `${config.publicUrl}${PREFIX}/${d.id}.csv` : `${d.id}.csv`;
      return sendConditional(
        request,
        reply,
        JSON.stringify(dataPackage(d, path, lastModified)),
        'application/json; charset=utf-8',
        lastModified,
        'datapackage.json',
      );
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
