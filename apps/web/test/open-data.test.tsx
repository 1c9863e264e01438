// The open-data page with the catalogue's freshness: each dataset's update frequency, last update
// and, when it was not updated on time, a badge with the moment it was due (Kyiv time); the
// datapackage.json download next to CSV and JSON; the DCAT catalogue linked once; both languages.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale } from '../src/lib/i18n';
import { installFakeApi, json, signedOut } from './fake-api';
import { renderApp } from './render-app';

afterEach(async () => {
  await changeLocale('uk');
});

const field = { name: 'id', type: 'uuid', description: { uk: 'Ідентифікатор', en: 'Identifier' } };
const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
const downloads = (id: string) => ({
  csv: `/api/v1/open-data/${id}.csv`,
  json: `/api/v1/open-data/${id}.json`,
  datapackage: `/api/v1/open-data/${id}/datapackage.json`,
});

const catalogue = {
  dcat: '/api/v1/open-data/catalog.jsonld',
  items: [
    {
      id: 'hubs',
      title: { uk: 'Хаби Vcentri', en: 'Vcentri hubs' },
      description: { uk: 'Мережа хабів.', en: 'The hub network.' },
      licence,
      updateFrequency: 'MONTHLY',
      keywords: { uk: ['громадські хаби', 'укриття'], en: ['community hubs', 'shelter'] },
      // 09:30 UTC in October is 12:30 in Kyiv; due a month later, 10:30 in Kyiv (winter time).
      lastModified: '2026-10-01T09:30:00.000Z',
      stale: true,
      dueBy: '2026-11-01T08:30:00.000Z',
      records: 12,
      downloads: downloads('hubs'),
      fields: [field],
    },
    {
      id: 'rooms',
      title: { uk: 'Приміщення хабів Vcentri', en: 'Rooms at Vcentri hubs' },
      description: { uk: 'Приміщення.', en: 'Rooms.' },
      licence,
      updateFrequency: 'QUARTERLY',
      keywords: { uk: ['приміщення'], en: ['rooms'] },
      lastModified: '2026-12-01T10:00:00.000Z',
      stale: false,
      dueBy: '2027-03-01T10:00:00.000Z',
      records: 30,
      downloads: downloads('rooms'),
      fields: [field],
    },
  ],
};

describe('open data: frequency, freshness and the machine-readable catalogue', () => {
  it('badges a dataset not updated on time and says when it was due; a fresh one has no badge', async () => {
    installFakeApi({ ...signedOut, 'GET /open-data': json(catalogue) });
    renderApp('/open-data');

    const hubs = await screen.findByRole('article', { name: 'Хаби Vcentri' });
    expect(hubs).toHaveAccessibleDescription('Не оновлено вчасно');
    const inHubs = within(hubs);
    expect(inHubs.getByText('Не оновлено вчасно')).toBeInTheDocument();
    expect(inHubs.getByText(/Мало бути оновлено до/).closest('p')).toHaveTextContent(/10:30/);
    expect(inHubs.getByText('щомісяця')).toBeInTheDocument();
    expect(inHubs.getByText(/12:30/)).toBeInTheDocument();
    expect(inHubs.getByText('громадські хаби, укриття')).toBeInTheDocument();
    expect(inHubs.getByRole('link', { name: 'Опис пакета даних (datapackage.json)' })).toHaveAttribute(
      'href',
      '/api/v1/open-data/hubs/datapackage.json',
    );
    expect(hubs).toHaveAttribute('id', 'dataset-hubs');

    const rooms = within(screen.getByRole('article', { name: 'Приміщення хабів Vcentri' }));
    expect(rooms.queryByText('Не оновлено вчасно')).not.toBeInTheDocument();
    expect(rooms.getByText('щокварталу')).toBeInTheDocument();
    expect(rooms.getByText('Наступне оновлення — до')).toBeInTheDocument();

    const dcat = screen.getAllByRole('link', { name: 'каталог DCAT-AP (JSON-LD)' });
    expect(dcat).toHaveLength(1);
    expect(dcat[0]).toHaveAttribute('href', '/api/v1/open-data/catalog.jsonld');
  });

  it('reads in English too', async () => {
    installFakeApi({ ...signedOut, 'GET /open-data': json(catalogue) });
    const user = userEvent.setup();
    renderApp('/open-data');
    await screen.findByRole('article', { name: 'Хаби Vcentri' });

    await user.click(screen.getByRole('button', { name: 'English' }));

    const hubs = within(await screen.findByRole('article', { name: 'Vcentri hubs' }));
    expect(hubs.getByText('Not updated on time')).toBeInTheDocument();
    expect(hubs.getByText('monthly')).toBeInTheDocument();
    expect(hubs.getByRole('link', { name: 'Data package (datapackage.json)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'DCAT-AP catalogue (JSON-LD)' })).toBeInTheDocument();
  });
});
