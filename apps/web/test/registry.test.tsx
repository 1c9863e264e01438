// The public registry as a visitor uses it: search, filters, sorting and paging in the URL (so a
// search can be shared and the back button works), result cards, an organisation's page, and the
// open-data page with its downloads and data dictionary, in both languages.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, problem, samplePublicOrganization, signedOut } from './fake-api';
import { renderApp } from './render-app';

const obolon = samplePublicOrganization({ isDemo: true });
const podil = samplePublicOrganization({
  id: '40000000-0000-4000-8000-000000000002',
  nameUk: 'Подільська громада',
  nameEn: 'Podil Community',
  legalForm: 'civic_initiative',
  edrpou: null,
  district: 'podilskyi',
  activities: ['local_heritage'],
  targetGroups: ['all_residents'],
});

function lastSearch(requests: { path: string; query: URLSearchParams }[]) {
  return requests.filter((r) => r.path === '/organizations').at(-1)?.query;
}

describe('public registry', () => {
  it('lists verified organisations with name, legal form, district, activity tags and the total', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /organizations': json({ items: [obolon, podil], total: 2 }),
    });
    renderApp('/registry');

    const list = await screen.findByRole('list', { name: 'Організації' });
    const cards = within(list).getAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByRole('link', { name: 'Оболонь разом' })).toHaveAttribute(
      'href',
      '/registry/40000000-0000-4000-8000-000000000001',
    );
    expect(first.getByText('Громадська організація')).toBeInTheDocument();
    expect(first.getByText('Оболонський')).toBeInTheDocument();
    const tags = within(first.getByRole('list', { name: 'Напрями діяльності' }));
    expect(tags.getByText('Громадянська освіта')).toBeInTheDocument();
    expect(tags.getByText('Робота з молоддю')).toBeInTheDocument();
    expect(first.getByText('Демонстраційні дані')).toBeInTheDocument();
    expect(
      within(cards[1]!).getByText('Громадська ініціатива без статусу юридичної особи'),
    ).toBeInTheDocument();
    expect(screen.getByText('Знайдено: 2')).toBeInTheDocument();

    const query = lastSearch(requests);
    expect(query?.get('lang')).toBe('uk');
    expect(query?.get('limit')).toBe('20');
    expect(query?.has('q')).toBe(false);
    // The public nav marks where the visitor is.
    expect(screen.getByRole('link', { name: 'Реєстр' })).toHaveAttribute('aria-current', 'page');
  });

  it('puts the search, filters and page into the URL, calls the API with them, and goes back', async () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      samplePublicOrganization({
        id: `40000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
        nameUk: `Організація ${i + 1}`,
      }),
    );
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /organizations': (request) =>
        request.query.get('offset') === '20'
          ? json({ items: [podil], total: 21 })
          : json({ items: many, total: 21 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/registry');
    await screen.findByText('Знайдено: 21');

    await user.type(screen.getByRole('searchbox', { name: 'Пошук' }), 'лелеки');
    await user.click(screen.getByRole('button', { name: 'Знайти' }));
    await waitFor(() => expect(lastSearch(requests)?.get('q')).toBe('лелеки'));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('лелеки');

    await user.selectOptions(screen.getByLabelText('Район'), 'Оболонський');
    await user.selectOptions(screen.getByLabelText('Напрям діяльності'), 'Громадянська освіта');
    await user.selectOptions(screen.getByLabelText('Цільова група'), 'Молодь');
    await user.selectOptions(screen.getByLabelText('Організаційна форма'), 'Благодійний фонд');
    await user.selectOptions(screen.getByLabelText('Сортування'), 'За назвою');
    await waitFor(() => expect(lastSearch(requests)?.get('sort')).toBe('name'));
    const query = lastSearch(requests)!;
    expect(Object.fromEntries(query)).toMatchObject({
      q: 'лелеки',
      district: 'obolonskyi',
      activity: 'civic_education',
      targetGroup: 'youth',
      legalForm: 'charitable_foundation',
      sort: 'name',
      lang: 'uk',
      offset: '0',
    });
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      q: 'лелеки',
      district: 'obolonskyi',
      activity: 'civic_education',
      targetGroup: 'youth',
      legalForm: 'charitable_foundation',
      sort: 'name',
    });

    await user.click(await screen.findByRole('button', { name: 'Наступна' }));
    expect(await screen.findByRole('link', { name: 'Подільська громада' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('offset')).toBe('20');
    expect(lastSearch(requests)?.get('offset')).toBe('20');
    expect(screen.getByText('Сторінка 2 з 2')).toBeInTheDocument();

    // The back button returns to the first page of the same search.
    await router.navigate(-1);
    expect(await screen.findByRole('link', { name: 'Організація 1' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).has('offset')).toBe(false);
    expect(screen.getByRole('searchbox', { name: 'Пошук' })).toHaveValue('лелеки');
  });

  it('restores a shared search from the URL', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /organizations': json({ items: [podil], total: 1 }),
    });
    renderApp('/registry?q=%D0%B3%D1%80%D0%BE%D0%BC%D0%B0%D0%B4%D0%B0&district=podilskyi&sort=newest');

    expect(await screen.findByRole('link', { name: 'Подільська громада' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Пошук' })).toHaveValue('громада');
    expect(screen.getByLabelText('Район')).toHaveValue('podilskyi');
    expect(screen.getByLabelText('Сортування')).toHaveValue('newest');
    expect(Object.fromEntries(lastSearch(requests)!)).toMatchObject({
      q: 'громада',
      district: 'podilskyi',
      sort: 'newest',
    });
  });

  it('shows an empty state, and a way back to everything', async () => {
    installFakeApi({ ...signedOut, 'GET /organizations': json({ items: [], total: 0 }) });
    const user = userEvent.setup();
    const { router } = renderApp('/registry?q=nothing');

    expect(
      await screen.findByText('Нічого не знайдено. Спробуйте інший запит або приберіть частину фільтрів.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Знайдено: 0')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Скинути пошук і фільтри' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText('У реєстрі поки немає організацій.')).toBeInTheDocument();
  });

  it('shows a translated error with a retry when the API fails', async () => {
    let calls = 0;
    installFakeApi({
      ...signedOut,
      'GET /organizations': () =>
        ++calls === 1 ? problem(503, 'service_unavailable') : json({ items: [obolon], total: 1 }),
    });
    const user = userEvent.setup();
    renderApp('/registry');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не вдалося завантажити реєстр.');
    await user.click(within(alert).getByRole('button', { name: 'Спробувати ще раз' }));
    expect(await screen.findByRole('link', { name: 'Оболонь разом' })).toBeInTheDocument();
  });

  it('shows English names and labels, and sorts by the English name, after switching language', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'GET /organizations': json({ items: [obolon, podil], total: 2 }),
    });
    const user = userEvent.setup();
    renderApp('/registry');
    await screen.findByRole('link', { name: 'Оболонь разом' });

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Registry of Civil Society Institutions' }),
    ).toBeInTheDocument();
    const cards = screen.getAllByRole('article');
    expect(within(cards[0]!).getByRole('link', { name: 'Obolon Together' })).toBeInTheDocument();
    expect(within(cards[0]!).getByText('Public association')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('Obolonskyi')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('Civic education')).toBeInTheDocument();
    expect(screen.getByText('Found: 2')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Registry' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open data' })).toBeInTheDocument();
    await waitFor(() => expect(lastSearch(requests)?.get('lang')).toBe('en'));
  });
});

describe('organisation page', () => {
  const full = samplePublicOrganization({
    contacts: {
      email: 'hello@obolon.org.ua',
      phone: '+380 (44) 123-45-67',
      website: 'https://obolon.org.ua',
      social: ['https://facebook.com/obolon.together', 'https://instagram.com/obolon'],
    },
    descriptionEn: '',
  });

  it('shows the names, legal form, EDRPOU, district, address, activities, target groups, contacts and dates', async () => {
    installFakeApi({
      ...signedOut,
      [`GET /organizations/${full.id}`]: json({ ...full, status: 'verified' }),
    });
    renderApp(`/registry/${full.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Оболонь разом' })).toBeInTheDocument();
    expect(screen.getByText('Obolon Together')).toHaveAttribute('lang', 'en');
    expect(screen.getByText('Громадська організація')).toBeInTheDocument();
    expect(screen.getByText('00022527')).toBeInTheDocument();
    expect(screen.getByText('Оболонський')).toBeInTheDocument();
    expect(screen.getByText('просп. Героїв Сталінграду, 10')).toBeInTheDocument();
    expect(screen.getByText('Громадянська освіта')).toBeInTheDocument();
    expect(screen.getByText('Молодь')).toBeInTheDocument();
    expect(screen.getByText('Студенти')).toBeInTheDocument();
    expect(screen.getByText('2015')).toBeInTheDocument();
    // Verified 21:30 UTC on 31 March: 1 April in Kyiv.
    expect(screen.getByText('1 квітня 2026 р.')).toBeInTheDocument();
    expect(screen.getByText('Громадська освіта для молоді Оболоні.')).toBeInTheDocument();

    const contacts = within(screen.getByRole('region', { name: 'Контакти' }));
    expect(contacts.getByRole('link', { name: 'hello@obolon.org.ua' })).toHaveAttribute(
      'href',
      'mailto:hello@obolon.org.ua',
    );
    expect(contacts.getByRole('link', { name: '+380 (44) 123-45-67' })).toHaveAttribute(
      'href',
      'tel:+380441234567',
    );
    const website = contacts.getByRole('link', { name: 'obolon.org.ua' });
    expect(website).toHaveAttribute('href', 'https://obolon.org.ua');
    expect(website).toHaveAttribute('rel', 'noopener noreferrer');
    expect(contacts.getByRole('link', { name: 'facebook.com/obolon.together' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    expect(screen.getByRole('link', { name: '← Увесь реєстр' })).toHaveAttribute('href', '/registry');
  });

  it('falls back to the Ukrainian description in English, and says so', async () => {
    installFakeApi({
      ...signedOut,
      [`GET /organizations/${full.id}`]: json({ ...full, status: 'verified' }),
    });
    const user = userEvent.setup();
    renderApp(`/registry/${full.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Оболонь разом' });

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Obolon Together' })).toBeInTheDocument();
    expect(screen.getByText('Оболонь разом')).toHaveAttribute('lang', 'uk');
    expect(
      screen.getByText('There is no description in English; the Ukrainian one is shown.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Громадська освіта для молоді Оболоні.')).toHaveAttribute('lang', 'uk');
    expect(screen.getByText('1 April 2026')).toBeInTheDocument();
    expect(screen.getByText('Public association')).toBeInTheDocument();
    expect(screen.getByText('Students')).toBeInTheDocument();
  });

  it('says so when the organisation is not in the registry', async () => {
    installFakeApi({ ...signedOut, [`GET /organizations/${full.id}`]: problem(404, 'not_found') });
    renderApp(`/registry/${full.id}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Організацію не знайдено' }),
    ).toBeInTheDocument();
  });
});

describe('open data page', () => {
  const catalogue = {
    items: [
      {
        id: 'organizations',
        title: {
          uk: 'Реєстр інститутів громадянського суспільства',
          en: 'Registry of Civil Society Institutions',
        },
        description: {
          uk: 'Публічні дані верифікованих організацій.',
          en: 'Public data of verified organisations.',
        },
        licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
        // 10:05 UTC in April is 13:05 in Kyiv.
        lastModified: '2026-04-02T10:05:00.000Z',
        records: 27,
        downloads: {
          csv: '/api/v1/open-data/organizations.csv',
          json: '/api/v1/open-data/organizations.json',
        },
        fields: [
          { name: 'id', type: 'uuid', description: { uk: 'Ідентифікатор', en: 'Identifier' } },
          {
            name: 'name_uk',
            type: 'string',
            description: { uk: 'Назва українською', en: 'Name in Ukrainian' },
          },
          {
            name: 'activities',
            type: 'string[]',
            description: { uk: 'Напрями діяльності', en: 'Fields of activity' },
          },
        ],
      },
    ],
  };

  it('lists the dataset with licence, Kyiv time, records, downloads and its data dictionary', async () => {
    installFakeApi({ ...signedOut, 'GET /open-data': json(catalogue) });
    renderApp('/open-data');

    const dataset = within(
      await screen.findByRole('article', { name: 'Реєстр інститутів громадянського суспільства' }),
    );
    expect(dataset.getByText('Публічні дані верифікованих організацій.')).toBeInTheDocument();
    expect(dataset.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by/4.0/',
    );
    expect(dataset.getByText(/13:05/)).toBeInTheDocument();
    expect(dataset.getByText('27')).toBeInTheDocument();
    expect(dataset.getByRole('link', { name: 'Завантажити CSV' })).toHaveAttribute(
      'href',
      '/api/v1/open-data/organizations.csv',
    );
    expect(dataset.getByRole('link', { name: 'Завантажити JSON' })).toHaveAttribute(
      'href',
      '/api/v1/open-data/organizations.json',
    );
    const dictionary = within(dataset.getByRole('table'));
    expect(dictionary.getByRole('columnheader', { name: 'Поле' })).toBeInTheDocument();
    expect(dictionary.getByRole('row', { name: /name_uk текст.*Назва українською/ })).toBeInTheDocument();
    expect(dictionary.getByRole('row', { name: /activities список значень/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Відкриті дані' })).toHaveAttribute('aria-current', 'page');
  });

  it('reads in English too', async () => {
    installFakeApi({ ...signedOut, 'GET /open-data': json(catalogue) });
    const user = userEvent.setup();
    renderApp('/open-data');
    await screen.findByRole('article');

    await user.click(screen.getByRole('button', { name: 'English' }));

    const dataset = within(
      await screen.findByRole('article', { name: 'Registry of Civil Society Institutions' }),
    );
    expect(dataset.getByRole('link', { name: 'Download CSV' })).toBeInTheDocument();
    expect(dataset.getByRole('link', { name: 'Download JSON' })).toBeInTheDocument();
    expect(dataset.getByRole('row', { name: /name_uk text.*Name in Ukrainian/ })).toBeInTheDocument();
    expect(dataset.getByText(/13:05/)).toBeInTheDocument();
  });
});
