// The route table. Pages are lazy-loaded, so a visitor of the public portal never downloads the
// admin area; the public layout (header, language switch) is part of the first bundle.
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadTexts, type Namespace } from '../lib/i18n';
import { PublicLayout } from './layouts/public-layout';
import { RouteError } from './route-error';
import { PageLoading } from './page-loading';

/**
 * A lazily loaded page: its code and the texts it shows beyond the boot ones (lib/i18n.ts), fetched
 * together. test/route-texts.test.tsx checks each list against the namespaces the page's code uses.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, namespaces: Namespace[]) {
  return async () => {
    const [module] = await Promise.all([load(), loadTexts(namespaces)]);
    return { Component: pick(module) };
  };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: PublicLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            lazy: page(
              () => import('./routes/home'),
              (m) => m.HomePage,
              ['hubs'],
            ),
          },
          {
            path: 'hubs/:id',
            lazy: page(
              () => import('./routes/hub'),
              (m) => m.HubPage,
              ['hubs'],
            ),
          },
          {
            path: 'rooms/:id',
            lazy: page(
              () => import('./routes/room'),
              (m) => m.RoomPage,
              ['hubs', 'bookings', 'admin'],
            ),
          },
          {
            path: 'rooms/:id/book',
            lazy: page(
              () => import('./routes/room-book'),
              (m) => m.RoomBookPage,
              ['hubs', 'bookings', 'admin'],
            ),
          },
          {
            path: 'events',
            lazy: page(
              () => import('./routes/events/events'),
              (m) => m.EventsPage,
              ['events'],
            ),
          },
          {
            path: 'events/:id',
            lazy: page(
              () => import('./routes/events/event'),
              (m) => m.EventPage,
              ['events'],
            ),
          },
          {
            path: 'volunteering',
            lazy: page(
              () => import('./routes/volunteering/catalogue'),
              (m) => m.VolunteeringPage,
              ['volunteering'],
            ),
          },
          {
            path: 'volunteering/shifts/:id',
            lazy: page(
              () => import('./routes/volunteering/shift'),
              (m) => m.VolunteerShiftPage,
              ['volunteering'],
            ),
          },
          {
            path: 'volunteering/programs/:id',
            lazy: page(
              () => import('./routes/volunteering/program'),
              (m) => m.VolunteerProgramPage,
              ['volunteering', 'admin'],
            ),
          },
          {
            path: 'registry',
            lazy: page(
              () => import('./routes/registry'),
              (m) => m.RegistryPage,
              ['registry'],
            ),
          },
          {
            path: 'registry/:id',
            lazy: page(
              () => import('./routes/registry-organization'),
              (m) => m.RegistryOrganizationPage,
              ['registry'],
            ),
          },
          {
            path: 'open-data',
            lazy: page(
              () => import('./routes/open-data'),
              (m) => m.OpenDataPage,
              ['openData'],
            ),
          },
          {
            path: 'dashboard',
            lazy: page(
              () => import('./routes/dashboard'),
              (m) => m.DashboardPage,
              ['dashboard'],
            ),
          },
          {
            path: 'open-government',
            lazy: page(
              () => import('./routes/open-government'),
              (m) => m.OpenGovernmentPage,
              ['actionPlan'],
            ),
          },
          {
            path: 'reports',
            lazy: page(
              () => import('./routes/reports'),
              (m) => m.ReportsPage,
              ['reports'],
            ),
          },
          {
            path: 'reports/:period',
            lazy: page(
              () => import('./routes/report'),
              (m) => m.ReportPage,
              ['reports'],
            ),
          },
          {
            path: 'my/organizations',
            lazy: page(
              () => import('./routes/my/organizations'),
              (m) => m.MyOrganizationsPage,
              ['registry', 'admin'],
            ),
          },
          {
            path: 'my/organizations/new',
            lazy: page(
              () => import('./routes/my/organization-new'),
              (m) => m.NewOrganizationPage,
              ['registry', 'admin'],
            ),
          },
          {
            path: 'my/organizations/:id',
            lazy: page(
              () => import('./routes/my/organization'),
              (m) => m.MyOrganizationPage,
              ['registry', 'admin'],
            ),
          },
          {
            path: 'my/bookings',
            lazy: page(
              () => import('./routes/my/bookings'),
              (m) => m.MyBookingsPage,
              ['bookings', 'admin'],
            ),
          },
          {
            path: 'my/bookings/:id',
            lazy: page(
              () => import('./routes/my/booking'),
              (m) => m.MyBookingPage,
              ['bookings', 'admin'],
            ),
          },
          {
            path: 'my/volunteering',
            lazy: page(
              () => import('./routes/my/volunteering'),
              (m) => m.MyVolunteeringPage,
              ['volunteering', 'admin'],
            ),
          },
          {
            path: 'my/volunteering/profile',
            lazy: page(
              () => import('./routes/my/volunteer-profile'),
              (m) => m.VolunteerProfilePage,
              ['volunteering', 'admin'],
            ),
          },
          {
            path: 'my/certificates',
            lazy: page(
              () => import('./routes/my/certificates'),
              (m) => m.MyCertificatesPage,
              ['volunteering', 'admin', 'certificates'],
            ),
          },
          {
            path: 'verify/:code',
            lazy: page(
              () => import('./routes/verify'),
              (m) => m.VerifyCertificatePage,
              ['volunteering', 'certificates'],
            ),
          },
          {
            path: 'notifications',
            lazy: page(
              () => import('./routes/notifications'),
              (m) => m.NotificationsPage,
              ['bookings', 'admin'],
            ),
          },
          {
            path: 'login',
            lazy: page(
              () => import('./routes/login'),
              (m) => m.LoginPage,
              ['auth', 'admin'],
            ),
          },
          {
            path: 'register',
            lazy: page(
              () => import('./routes/register'),
              (m) => m.RegisterPage,
              ['auth', 'admin'],
            ),
          },
          {
            path: 'account',
            lazy: page(
              () => import('./routes/account'),
              (m) => m.AccountPage,
              ['auth', 'admin', 'privacy'],
            ),
          },
          {
            path: 'privacy',
            lazy: page(
              () => import('./routes/privacy'),
              (m) => m.PrivacyPage,
              ['privacy'],
            ),
          },
          {
            path: 'surveys/:id',
            lazy: page(
              () => import('./routes/surveys/survey'),
              (m) => m.SurveyPage,
              ['admin', 'surveys'],
            ),
          },
          {
            path: 'surveys/:id/results',
            lazy: page(
              () => import('./routes/surveys/results'),
              (m) => m.SurveyResultsPage,
              ['surveys'],
            ),
          },
          {
            path: 'admin',
            lazy: page(
              () => import('./layouts/admin-layout'),
              (m) => m.AdminLayout,
              ['admin', 'volunteeringAdmin'],
            ),
            children: [
              {
                index: true,
                lazy: page(
                  () => import('./routes/admin/overview'),
                  (m) => m.AdminOverviewPage,
                  ['admin'],
                ),
              },
              {
                path: 'moderation',
                lazy: page(
                  () => import('./routes/admin/moderation'),
                  (m) => m.AdminModerationPage,
                  ['registry', 'admin'],
                ),
              },
              {
                path: 'moderation/:id',
                lazy: page(
                  () => import('./routes/admin/moderation-organization'),
                  (m) => m.AdminModerationOrganizationPage,
                  ['registry', 'admin'],
                ),
              },
              {
                path: 'users',
                lazy: page(
                  () => import('./routes/admin/users'),
                  (m) => m.AdminUsersPage,
                  ['admin', 'privacy'],
                ),
              },
              {
                path: 'action-plan',
                lazy: page(
                  () => import('./routes/admin/action-plan'),
                  (m) => m.AdminActionPlanPage,
                  ['admin', 'actionPlan'],
                ),
              },
              {
                path: 'reports',
                lazy: page(
                  () => import('./routes/admin/reports'),
                  (m) => m.AdminReportsPage,
                  ['admin', 'reports'],
                ),
              },
              {
                path: 'audit',
                lazy: page(
                  () => import('./routes/admin/audit'),
                  (m) => m.AdminAuditPage,
                  ['registry', 'admin', 'privacy'],
                ),
              },
              {
                path: 'calendar',
                lazy: page(
                  () => import('./routes/admin/calendar'),
                  (m) => m.AdminCalendarPage,
                  ['bookings', 'admin'],
                ),
              },
              {
                path: 'hubs',
                lazy: page(
                  () => import('./routes/admin/hubs'),
                  (m) => m.AdminHubsPage,
                  ['hubs', 'admin'],
                ),
              },
              {
                path: 'hubs/new',
                lazy: page(
                  () => import('./routes/admin/hub-new'),
                  (m) => m.AdminNewHubPage,
                  ['hubs', 'admin'],
                ),
              },
              {
                path: 'hubs/:id',
                lazy: page(
                  () => import('./routes/admin/hub'),
                  (m) => m.AdminHubPage,
                  ['hubs', 'bookings', 'admin'],
                ),
              },
              {
                path: 'events',
                lazy: page(
                  () => import('./routes/admin/events'),
                  (m) => m.AdminEventsPage,
                  ['events', 'admin'],
                ),
              },
              {
                path: 'events/:id',
                lazy: page(
                  () => import('./routes/admin/events-detail'),
                  (m) => m.AdminEventPage,
                  ['events', 'admin'],
                ),
              },
              {
                path: 'district',
                lazy: page(
                  () => import('./routes/admin/district'),
                  (m) => m.AdminDistrictPage,
                  ['hubs', 'bookings', 'admin', 'dashboard'],
                ),
              },
              {
                path: 'volunteering',
                lazy: page(
                  () => import('./routes/admin/volunteering'),
                  (m) => m.AdminVolunteeringPage,
                  ['admin', 'volunteeringAdmin'],
                ),
              },
              {
                path: 'volunteering/shifts/:id',
                lazy: page(
                  () => import('./routes/admin/volunteering-shift'),
                  (m) => m.AdminVolunteeringShiftPage,
                  ['admin', 'volunteeringAdmin'],
                ),
              },
              {
                path: 'surveys',
                lazy: page(
                  () => import('./routes/admin/surveys'),
                  (m) => m.AdminSurveysPage,
                  ['admin', 'surveys'],
                ),
              },
              {
                path: 'surveys/:id',
                lazy: page(
                  () => import('./routes/admin/survey'),
                  (m) => m.AdminSurveyPage,
                  ['admin', 'surveys'],
                ),
              },
              {
                path: 'certificates',
                lazy: page(
                  () => import('./routes/admin/certificates'),
                  (m) => m.AdminCertificatesPage,
                  ['volunteering', 'admin', 'volunteeringAdmin', 'certificates'],
                ),
              },
              {
                path: 'volunteering/:id',
                lazy: page(
                  () => import('./routes/admin/volunteering-program'),
                  (m) => m.AdminVolunteeringProgramPage,
                  ['volunteering', 'admin', 'volunteeringAdmin'],
                ),
              },
            ],
          },
          {
            path: '*',
            lazy: page(
              () => import('./routes/not-found'),
              (m) => m.NotFoundPage,
              [],
            ),
          },
        ],
      },
    ],
  },
];
