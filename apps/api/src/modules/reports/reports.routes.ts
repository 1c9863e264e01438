// /reports: the published quarterly and annual reports (list, JSON, tagged PDF, hash check) and
// the city admin's drafts (build or rebuild, narratives, publish); /admin/reports lists drafts too.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Page,
  PageQuery,
  ProblemSchema,
  ReportNarrativesPatch,
  ReportPdfQuery,
  ReportPeriodParams,
  ReportSchema,
  ReportSummarySchema,
  ReportVerificationSchema,
} from '@vcentri/shared';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { requirePrincipal } from '../../plugins/auth';
import { problems, secured } from '../route-schemas';
import { reportPdf } from './pdf';
import {
  allReports,
  buildDraft,
  editNarratives,
  publishedReport,
  publishedReports,
  publishReport,
  staffReport,
  verifyReport,
} from './reports.service';

const tags = ['reports'];
const cityAdmin = { access: { roles: ['city_admin' as const] } };

const reportsRoutes: FastifyPluginAsyncTypebox<{ db: Database; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  app.get(
    '/reports',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Published reports, newest period first (a year before its fourth quarter)',
        querystring: PageQuery,
        response: { 200: Page(ReportSummarySchema), ...problems },
      },
    },
    async (request) => publishedReports(db, request.query),
  );
  app.get(
    '/reports/:period.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A published report as a tagged PDF (`lang=uk`, the default, or `en`)',
        params: ReportPeriodParams,
        querystring: ReportPdfQuery,
        produces: ['application/pdf'],
        response: { 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const report = await publishedReport(db, request.params.period);
      const lang = request.query.lang ?? 'uk';
      const verifyUrl = `${config.publicUrl ?? ''}/reports/${report.period}`;
      return reply
        .type('application/pdf')
        .header('cache-control', 'public, max-age=3600')
        .header('content-disposition', `inline; filename="vcentri-report-${report.period}-${lang}.pdf"`)
        .send((await reportPdf(report, lang, verifyUrl)) as never);
    },
  );
  app.get(
    '/reports/:period',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A published report: its frozen snapshot, narratives, hash and publication time',
        description:
          '404 until the report is published. `hash` is the SHA-256 (hex) of the canonical JSON of `{"narratives","period","snapshot"}` (keys sorted, no whitespace; see `hashAlgorithm`); `/reports/{period}/verify` recomputes it from what is stored.',
        params: ReportPeriodParams,
        response: { 200: ReportSchema, ...problems },
      },
    },
    async (request) => publishedReport(db, request.params.period),
  );
  app.get(
    '/reports/:period/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Recomputes a published report’s hash from its stored snapshot and narratives',
        params: ReportPeriodParams,
        response: { 200: ReportVerificationSchema, ...problems },
      },
    },
    async (request) => verifyReport(db, request.params.period),
  );
  app.post(
    '/reports/:period/draft',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'Build (201) or rebuild (200) the draft of a past quarter or year from the figures now',
        description:
          'city_admin only. `400 period_incomplete` while the period’s last Kyiv day is not over; `409 report_published` once published. Rebuilding keeps the narratives.',
        params: ReportPeriodParams,
        response: { 200: ReportSchema, 201: ReportSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { report, created } = await buildDraft(
        db,
        requirePrincipal(request),
        request.params.period,
        request.ip,
      );
      return reply.status(created ? 201 : 200).send(report);
    },
  );
  app.get(
    '/reports/:period/draft',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'The report of a period as staff see it: the draft, or the published report',
        params: ReportPeriodParams,
        response: { 200: ReportSchema, ...problems },
      },
    },
    async (request) => staffReport(db, requirePrincipal(request), request.params.period),
  );
  app.patch(
    '/reports/:period/draft',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'Change the narratives of some sections (uk and en); 409 once published',
        params: ReportPeriodParams,
        body: ReportNarrativesPatch,
        response: { 200: ReportSchema, ...problems },
      },
    },
    async (request) =>
      editNarratives(db, requirePrincipal(request), request.params.period, request.body, request.ip),
  );
  app.post(
    '/reports/:period/publish',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'Publish the draft: it is frozen from now on and gets its hash; 409 when already published',
        params: ReportPeriodParams,
        response: { 200: ReportSchema, ...problems },
      },
    },
    async (request) => publishReport(db, requirePrincipal(request), request.params.period, request.ip),
  );
  app.get(
    '/admin/reports',
    {
      config: cityAdmin,
      schema: {
        tags,
        ...secured,
        summary: 'Every report, drafts included, newest period first (city admins)',
        querystring: PageQuery,
        response: { 200: Page(ReportSummarySchema), ...problems },
      },
    },
    async (request) => allReports(db, requirePrincipal(request), request.query),
  );
};

export default reportsRoutes;
