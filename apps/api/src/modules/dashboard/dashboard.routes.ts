// GET /stats/dashboard: the public dashboard's figures for a period, a district or a hub; the staff
// of that scope (its district's admins, the city's) also get the organisations served.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DASHBOARD_MAX_DAYS, DashboardQuerySchema, DashboardSchema } from '@vcentri/shared';
import type { Database } from '../../db/database';
import { problems } from '../route-schemas';
import type { Principal } from '../users/principal';
import { dashboardFigures } from './figures';
import { checkPeriod } from './periods';

/** Whether the caller sees the private detail of a district (or the whole city, `null`). */
export function seesStaffDetail(p: Principal | null | undefined, district: string | null): boolean {
  if (!p) return false;
  if (p.isCityAdmin()) return true;
  return district !== null && p.administersDistrict(district);
}

const dashboardRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/stats/dashboard',
    {
      config: {
        access: 'optional',
        // Bookings are not versioned (too many writes to track): the shared answer is kept a
        // minute. A signed-in caller's answer (it may carry staff detail) is never kept.
        publicCache: {
          tables: [
            'hubs',
            'rooms',
            'hub_opening_hours',
            'hub_exceptions',
            'closures',
            'events',
            'event_registrations',
            'organizations',
            'volunteer_programs',
            'volunteer_shifts',
            'volunteer_hours',
          ],
          ttlMs: 60_000,
          personal: true,
        },
      },
      schema: {
        tags: ['stats'],
        summary:
          'The public dashboard: every figure for a period, its previous period, districts, hubs, rooms, months',
        description:
          'Periods are whole Kyiv days, `from` and `to` both included (at most five years). The previous period has the same length and ends the day before `from`. City admins, and district admins for their district, also get `organizations` (who was served).',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...problems },
      },
    },
    async (request, reply) => {
      const q = request.query;
      checkPeriod(q, DASHBOARD_MAX_DAYS);
      return app.publicCache.send(request, reply, () =>
        dashboardFigures(db, q, { staffDetail: (district) => seesStaffDetail(request.principal, district) }),
      );
    },
  );
};

export default dashboardRoutes;
