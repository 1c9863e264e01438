// The route table. Pages are lazy-loaded, so a visitor of the public portal never downloads the
// admin area; the public layout (header, language switch) is part of the first bundle.
import type { RouteObject } from 'react-router';
import { PublicLayout } from './layouts/public-layout';
import { RouteError } from './route-error';
import { PageLoading } from './page-loading';

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
          { index: true, lazy: () => import('./routes/home').then((m) => ({ Component: m.HomePage })) },
          { path: 'hubs/:id', lazy: () => import('./routes/hub').then((m) => ({ Component: m.HubPage })) },
          { path: 'rooms/:id', lazy: () => import('./routes/room').then((m) => ({ Component: m.RoomPage })) },
          {
            path: 'rooms/:id/book',
            lazy: () => import('./routes/room-book').then((m) => ({ Component: m.RoomBookPage })),
          },
          {
            path: 'events',
            lazy: () => import('./routes/events/events').then((m) => ({ Component: m.EventsPage })),
          },
          {
            path: 'events/:id',
            lazy: () => import('./routes/events/event').then((m) => ({ Component: m.EventPage })),
          },
          {
            path: 'volunteering',
            lazy: () =>
              import('./routes/volunteering/catalogue').then((m) => ({ Component: m.VolunteeringPage })),
          },
          {
            path: 'volunteering/shifts/:id',
            lazy: () =>
              import('./routes/volunteering/shift').then((m) => ({ Component: m.VolunteerShiftPage })),
          },
          {
            path: 'volunteering/programs/:id',
            lazy: () =>
              import('./routes/volunteering/program').then((m) => ({ Component: m.VolunteerProgramPage })),
          },
          {
            path: 'registry',
            lazy: () => import('./routes/registry').then((m) => ({ Component: m.RegistryPage })),
          },
          {
            path: 'registry/:id',
            lazy: () =>
              import('./routes/registry-organization').then((m) => ({
                Component: m.RegistryOrganizationPage,
              })),
          },
          {
            path: 'open-data',
            lazy: () => import('./routes/open-data').then((m) => ({ Component: m.OpenDataPage })),
          },
          {
            path: 'my/organizations',
            lazy: () =>
              import('./routes/my/organizations').then((m) => ({ Component: m.MyOrganizationsPage })),
          },
          {
            path: 'my/organizations/new',
            lazy: () =>
              import('./routes/my/organization-new').then((m) => ({ Component: m.NewOrganizationPage })),
          },
          {
            path: 'my/organizations/:id',
            lazy: () => import('./routes/my/organization').then((m) => ({ Component: m.MyOrganizationPage })),
          },
          {
            path: 'my/bookings',
            lazy: () => import('./routes/my/bookings').then((m) => ({ Component: m.MyBookingsPage })),
          },
          {
            path: 'my/bookings/:id',
            lazy: () => import('./routes/my/booking').then((m) => ({ Component: m.MyBookingPage })),
          },
          {
            path: 'my/volunteering',
            lazy: () => import('./routes/my/volunteering').then((m) => ({ Component: m.MyVolunteeringPage })),
          },
          {
            path: 'my/volunteering/profile',
            lazy: () =>
              import('./routes/my/volunteer-profile').then((m) => ({ Component: m.VolunteerProfilePage })),
          },
          {
            path: 'notifications',
            lazy: () => import('./routes/notifications').then((m) => ({ Component: m.NotificationsPage })),
          },
          { path: 'login', lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginPage })) },
          {
            path: 'register',
            lazy: () => import('./routes/register').then((m) => ({ Component: m.RegisterPage })),
          },
          {
            path: 'account',
            lazy: () => import('./routes/account').then((m) => ({ Component: m.AccountPage })),
          },
          {
            path: 'admin',
            lazy: () => import('./layouts/admin-layout').then((m) => ({ Component: m.AdminLayout })),
            children: [
              {
                index: true,
                lazy: () =>
                  import('./routes/admin/overview').then((m) => ({ Component: m.AdminOverviewPage })),
              },
              {
                path: 'moderation',
                lazy: () =>
                  import('./routes/admin/moderation').then((m) => ({ Component: m.AdminModerationPage })),
              },
              {
                path: 'moderation/:id',
                lazy: () =>
                  import('./routes/admin/moderation-organization').then((m) => ({
                    Component: m.AdminModerationOrganizationPage,
                  })),
              },
              {
                path: 'users',
                lazy: () => import('./routes/admin/users').then((m) => ({ Component: m.AdminUsersPage })),
              },
              {
                path: 'audit',
                lazy: () => import('./routes/admin/audit').then((m) => ({ Component: m.AdminAuditPage })),
              },
              {
                path: 'calendar',
                lazy: () =>
                  import('./routes/admin/calendar').then((m) => ({ Component: m.AdminCalendarPage })),
              },
              {
                path: 'hubs',
                lazy: () => import('./routes/admin/hubs').then((m) => ({ Component: m.AdminHubsPage })),
              },
              {
                path: 'hubs/new',
                lazy: () => import('./routes/admin/hub-new').then((m) => ({ Component: m.AdminNewHubPage })),
              },
              {
                path: 'hubs/:id',
                lazy: () => import('./routes/admin/hub').then((m) => ({ Component: m.AdminHubPage })),
              },
              {
                path: 'events',
                lazy: () => import('./routes/admin/events').then((m) => ({ Component: m.AdminEventsPage })),
              },
              {
                path: 'events/:id',
                lazy: () =>
                  import('./routes/admin/events-detail').then((m) => ({ Component: m.AdminEventPage })),
              },
              {
                path: 'district',
                lazy: () =>
                  import('./routes/admin/district').then((m) => ({ Component: m.AdminDistrictPage })),
              },
              {
                path: 'volunteering',
                lazy: () =>
                  import('./routes/admin/volunteering').then((m) => ({ Component: m.AdminVolunteeringPage })),
              },
              {
                path: 'volunteering/shifts/:id',
                lazy: () =>
                  import('./routes/admin/volunteering-shift').then((m) => ({
                    Component: m.AdminVolunteeringShiftPage,
                  })),
              },
              {
                path: 'volunteering/:id',
                lazy: () =>
                  import('./routes/admin/volunteering-program').then((m) => ({
                    Component: m.AdminVolunteeringProgramPage,
                  })),
              },
            ],
          },
          {
            path: '*',
            lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundPage })),
          },
        ],
      },
    ],
  },
];
