// Renders the events screens in memory, inside the real providers, at the paths they are meant to
// be mounted at (/events, /events/:id, /admin/events, /admin/events/:id), with sample events.
// This harness mounts them itself, without the rest of the route table.
import { QueryClient } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import type { Booking, EventView, Registrant } from '@vcentri/shared';
import { createMemoryRouter, Outlet } from 'react-router';
import { AppProviders } from '../src/app/providers';
import { AppRouterProvider } from '../src/app/router';
import { AdminEventsPage } from '../src/app/routes/admin/events';
import { AdminEventPage } from '../src/app/routes/admin/events-detail';
import { EventPage } from '../src/app/routes/events/event';
import { EventsPage } from '../src/app/routes/events/events';

export const EVENT_ID = '80000000-0000-4000-8000-000000000001';
export const HUB_ID = '20000000-0000-4000-8000-000000000001';
export const ORG_ID = '40000000-0000-4000-8000-000000000001';

function Frame() {
  return (
    <main>
      <Outlet />
    </main>
  );
}

export interface RenderedEvents extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
  queryClient: QueryClient;
}

export function renderEvents(path: string): RenderedEvents {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        Component: Frame,
        children: [
          { path: 'events', Component: EventsPage },
          { path: 'events/:id', Component: EventPage },
          { path: 'admin/events', Component: AdminEventsPage },
          { path: 'admin/events/:id', Component: AdminEventPage },
          { path: 'login', element: <h1>Log-in page</h1> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const view = render(
    <AppProviders queryClient={queryClient}>
      <AppRouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}

/** A published workshop on 12 June 2030, 18:00–20:00 Kyiv time (EEST, UTC+3): still ahead. */
export function sampleEvent(overrides: Partial<EventView> = {}): EventView {
  return {
    id: EVENT_ID,
    bookingId: '70000000-0000-4000-8000-000000000001',
    title: { uk: 'Майстерня громадського бюджету', en: 'Participatory budget workshop' },
    description: {
      uk: 'Як подати проєкт до громадського бюджету Києва.',
      en: 'How to submit a project to the Kyiv participatory budget.',
    },
    category: 'workshop',
    languages: ['uk', 'sign'],
    audience: 'Мешканці Оболоні',
    accessibilityNotes: 'Вхід без сходинок, укриття в підвалі.',
    capacity: 20,
    registrationRequired: true,
    status: 'published',
    cancelReason: null,
    start: '2030-06-12T15:00:00.000Z',
    end: '2030-06-12T17:00:00.000Z',
    hubId: HUB_ID,
    hubName: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
    roomId: '60000000-0000-4000-8000-000000000001',
    roomName: { uk: 'Велика зала', en: 'Main hall' },
    district: 'obolonskyi',
    address: { uk: 'просп. Героїв Сталінграду, 10', en: '10 Heroiv Stalinhradu Ave' },
    organizationId: ORG_ID,
    organizationName: { uk: 'Оболонь разом', en: 'Obolon Together' },
    confirmed: 12,
    waitlisted: 0,
    placesLeft: 8,
    registrationOpen: true,
    isDemo: false,
    canManage: false,
    myRegistration: null,
    ...overrides,
  };
}

/** The same event, held in May 2025: it has started (and ended). */
export function pastEvent(overrides: Partial<EventView> = {}): EventView {
  return sampleEvent({
    start: '2025-05-14T15:00:00.000Z',
    end: '2025-05-14T17:00:00.000Z',
    registrationOpen: false,
    ...overrides,
  });
}

export function sampleRegistrant(overrides: Partial<Registrant> = {}): Registrant {
  return {
    id: '90000000-0000-4000-8000-000000000001',
    userId: '00000000-0000-4000-8000-000000000002',
    name: 'Тарас Мельник',
    email: 'taras@example.com',
    status: 'confirmed',
    position: null,
    code: 'K7P2QX',
    registeredAt: '2030-06-01T10:00:00.000Z',
    checkedInAt: null,
    ...overrides,
  };
}

/** A confirmed booking on 20 June 2030, 17:00–21:00 Kyiv time. */
export function futureBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: '70000000-0000-4000-8000-000000000009',
    roomId: '60000000-0000-4000-8000-000000000001',
    roomName: { uk: 'Велика зала', en: 'Main hall' },
    hubId: HUB_ID,
    hubName: { uk: 'Vcentri HUB Оболонь', en: 'Vcentri HUB Obolon' },
    organizationId: ORG_ID,
    organizationName: { uk: 'Оболонь разом', en: 'Obolon Together' },
    seriesId: null,
    title: 'Зустріч волонтерів',
    purpose: '',
    attendees: 15,
    status: 'confirmed',
    start: '2030-06-20T14:00:00.000Z',
    end: '2030-06-20T18:00:00.000Z',
    decisionReason: null,
    disruption: null,
    createdAt: '2030-05-01T10:00:00.000Z',
    canManage: false,
    canCancel: true,
    ...overrides,
  };
}
