// Certificates of volunteer hours in the portal: a volunteer asks for one (the profile's name to
// start with, language, program, period) and gets its downloads and verification address, or the
// API's refusal in words; anyone checks one by its code — valid, revoked (when, why), unknown, or
// too many checks — in both languages; an organisation's owner revokes one after confirming with a
// reason, and a member who may not is shown no list.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Certificate, CertificateVerification } from '@vcentri/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLocale } from '../src/lib/i18n';
import {
  installFakeApi,
  json,
  problem,
  type RecordedRequest,
  sampleGrant,
  sampleMe,
  signedInAs,
  signedOut,
} from './fake-api';
import { renderApp } from './render-app';
import { emptyMine, PROGRAM_ID, sampleHoursEntry, sampleProgram } from './volunteering-data';

const ORG_ID = '40000000-0000-4000-8000-000000000001';
const CERT_ID = 'd0000000-0000-4000-8000-000000000001';
const CODE = 'K7M2Q9TXR4WZP3HD';

function sampleCertificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    id: CERT_ID,
    code: CODE,
    status: 'valid',
    locale: 'uk',
    printedName: 'Олена Коваленко',
    issuer: {
      kind: 'organization',
      organizationId: ORG_ID,
      name: { uk: 'ГО «Оболонь разом»', en: 'Obolon Together NGO' },
    },
    lines: [
      {
        program: { uk: 'Чисті береги Дніпра', en: 'Clean Dnipro banks' },
        organization: { uk: 'ГО «Оболонь разом»', en: 'Obolon Together NGO' },
        from: '2030-05-20',
        to: '2030-05-27',
        minutes: 390,
      },
    ],
    totalMinutes: 390,
    period: { from: '2030-05-20', to: '2030-05-27' },
    // 10:00 UTC is 13:00 in Kyiv (EEST).
    issuedAt: '2030-06-01T10:00:00.000Z',
    revokedAt: null,
    revokeReason: null,
    verifyUrl: `https://vcentri.kyiv.ua/verify/${CODE}`,
    programId: null,
    ...overrides,
  };
}

function revoked(certificate: Certificate): Certificate {
  return {
    ...certificate,
    status: 'revoked',
    revokedAt: '2030-06-03T09:30:00.000Z',
    revokeReason: 'Години затвердили помилково',
  };
}

function verification(certificate: Certificate): CertificateVerification {
  const { id: _id, programId: _programId, ...shown } = certificate;
  return shown;
}

const sent = (requests: RecordedRequest[], method: string, path: string) =>
  requests.filter((r) => r.method === method && r.path === path);

afterEach(async () => {
  await changeLocale('uk');
  vi.restoreAllMocks();
});

describe('my certificates', () => {
  function volunteerApi(post: (r: RecordedRequest) => ReturnType<typeof json>) {
    let mine: Certificate[] = [];
    return installFakeApi({
      ...signedInAs(sampleMe()),
      'GET /me/volunteering': json({
        ...emptyMine(),
        hours: { approvedMinutes: 390, pendingMinutes: 0, entries: [sampleHoursEntry()] },
      }),
      'GET /me/credentials': () => json({ items: mine, total: mine.length }),
      'POST /me/credentials': (r) => {
        const reply = post(r);
        if (reply.status === 201) mine = (reply.body as { items: Certificate[] }).items;
        return reply;
      },
      [`GET /me/credentials/${CERT_ID}/certificate.pdf`]: json('%PDF-1.7'),
    });
  }

  it('asks with the profile name, language, program and period, then offers the downloads and the address', async () => {
    const { requests } = volunteerApi((r) =>
      json(
        {
          items: [
            sampleCertificate({ locale: 'en', printedName: (r.body as { printedName: string }).printedName }),
          ],
          total: 1,
        },
        201,
      ),
    );
    const createObjectURL = vi.fn(() => 'blob:certificate');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderApp('/my/certificates');

    expect(await screen.findByRole('heading', { level: 1, name: 'Мої сертифікати' })).toBeInTheDocument();
    expect(await screen.findByText('Сертифікатів ще немає.')).toBeInTheDocument();
    const name = screen.getByLabelText('Ім’я на сертифікаті', { exact: false });
    expect(name).toHaveValue('Олена Коваль');
    await user.clear(name);
    await user.type(name, '  Олена   Коваленко ');
    await user.selectOptions(screen.getByLabelText('Мова сертифіката'), 'en');
    const program = screen.getByLabelText('Програма');
    await waitFor(() =>
      expect(within(program).getByRole('option', { name: 'Чисті береги Дніпра' })).toBeInTheDocument(),
    );
    await user.selectOptions(program, PROGRAM_ID);
    await user.type(screen.getByLabelText('З дати'), '2030-05-01');
    await user.type(screen.getByLabelText('До дати'), '2030-05-31');
    await user.click(screen.getByRole('button', { name: 'Отримати сертифікат' }));

    const notice = await screen.findByText('Видано 1 сертифікат. Завантажте його нижче.');
    await waitFor(() => expect(notice).toHaveFocus());
    expect(sent(requests, 'POST', '/me/credentials')[0]?.body).toEqual({
      locale: 'en',
      printedName: 'Олена Коваленко',
      programId: PROGRAM_ID,
      from: '2030-05-01',
      to: '2030-05-31',
    });
    expect(sent(requests, 'POST', '/me/credentials')[0]?.headers.get('Idempotency-Key')).toBeTruthy();

    const issued = within(screen.getByRole('list', { name: 'Щойно видані сертифікати' }));
    const card = within(issued.getByRole('article', { name: 'Сертифікат: ГО «Оболонь разом»' }));
    expect(card.getByText('Дійсний')).toBeInTheDocument();
    expect(card.getByText('Англійською')).toBeInTheDocument();
    expect(card.getByText('6 год 30 хв', { selector: 'dd' })).toBeInTheDocument();
    expect(card.getByText('K7M2-Q9TX-R4WZ-P3HD')).toBeInTheDocument();
    expect(card.getByLabelText('Адреса перевірки')).toHaveValue(`https://vcentri.kyiv.ua/verify/${CODE}`);
    expect(card.getByRole('link', { name: 'Відкрити сторінку перевірки' })).toHaveAttribute(
      'href',
      `/verify/${CODE}`,
    );
    expect(card.getByRole('button', { name: 'Завантажити електронний документ (VC-JWT)' })).toBeEnabled();
    // The list of earlier ones neither shows the new one twice nor says there are none.
    expect(screen.getAllByRole('button', { name: 'Завантажити PDF' })).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Раніше видані' })).not.toBeInTheDocument();
    expect(screen.getByText('Сертифікатів ще немає.')).not.toBeVisible();

    await user.click(card.getByRole('button', { name: 'Завантажити PDF' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const download = sent(requests, 'GET', `/me/credentials/${CERT_ID}/certificate.pdf`)[0];
    expect(download?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(createObjectURL).toHaveBeenCalled();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(`certificate-${CODE}.pdf`);
  });

  it('checks the name first and shows the API refusal in the summary', async () => {
    const { requests } = volunteerApi(() => problem(409, 'no_approved_hours'));
    const user = userEvent.setup();
    renderApp('/my/certificates');

    const name = await screen.findByLabelText('Ім’я на сертифікаті', { exact: false });
    await user.clear(name);
    await user.type(name, 'О');
    await user.click(screen.getByRole('button', { name: 'Отримати сертифікат' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Вкажіть ім’я від 2 до 120 знаків.');
    expect(sent(requests, 'POST', '/me/credentials')).toHaveLength(0);

    await user.type(name, 'лена Коваль');
    await user.click(screen.getByRole('button', { name: 'Отримати сертифікат' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Для обраної програми й періоду немає затверджених годин, які можна засвідчити.',
      ),
    );
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(sent(requests, 'POST', '/me/credentials')[0]?.body).toEqual({
      locale: 'uk',
      printedName: 'Олена Коваль',
    });
    expect(screen.queryByRole('button', { name: 'Завантажити PDF' })).not.toBeInTheDocument();
  });
});

describe('the verification page', () => {
  it('says a valid certificate is valid and what it certifies, with the offline note (uk)', async () => {
    installFakeApi({ ...signedOut, [`GET /credentials/${CODE}`]: json(verification(sampleCertificate())) });
    renderApp(`/verify/${CODE}`);

    expect(await screen.findByText('Сертифікат дійсний')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Перевірка сертифіката' })).toBeInTheDocument();
    expect(screen.getByTestId('certificate-name')).toHaveTextContent('Олена Коваленко');
    const programs = within(screen.getByRole('list', { name: 'Програми й години' }));
    expect(programs.getByText('Чисті береги Дніпра')).toBeInTheDocument();
    expect(programs.getByText('6 год 30 хв')).toBeInTheDocument();
    expect(screen.getByText('ГО «Оболонь разом»', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getByText('1 червня 2030 р.')).toBeInTheDocument();
    expect(screen.getByText('20 травня 2030 р. – 27 травня 2030 р.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'набір ключів JWK' })).toHaveAttribute(
      'href',
      '/.well-known/jwks.json',
    );
  });

  it('says a revoked certificate is revoked, when and why (en)', async () => {
    installFakeApi({
      ...signedOut,
      [`GET /credentials/${CODE}`]: json(verification(revoked(sampleCertificate()))),
    });
    await changeLocale('en');
    renderApp(`/verify/${CODE}`);

    expect(await screen.findByText('This certificate has been revoked')).toBeInTheDocument();
    expect(screen.getByTestId('verify-verdict')).toHaveTextContent(
      'Revoked on 3 Jun 2030, 12:30. Reason: Години затвердили помилково',
    );
    expect(screen.getByText('Obolon Together NGO', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getByText('Clean Dnipro banks')).toBeInTheDocument();
    expect(screen.queryByText('This certificate is valid')).not.toBeInTheDocument();
  });

  it('says a revoked certificate is revoked (uk), and a valid one is valid (en)', async () => {
    installFakeApi({
      ...signedOut,
      [`GET /credentials/${CODE}`]: json(verification(revoked(sampleCertificate()))),
      'GET /credentials/AAAABBBBCCCCDDDD': json(
        verification(sampleCertificate({ code: 'AAAABBBBCCCCDDDD' })),
      ),
    });
    const first = renderApp(`/verify/${CODE}`);
    expect(await screen.findByText('Сертифікат відкликано')).toBeInTheDocument();
    expect(screen.getByText(/Причина: Години затвердили помилково/)).toBeInTheDocument();
    first.unmount();

    await changeLocale('en');
    renderApp('/verify/AAAABBBBCCCCDDDD');
    expect(await screen.findByText('This certificate is valid')).toBeInTheDocument();
    expect(screen.getByText('AAAA-BBBB-CCCC-DDDD')).toBeInTheDocument();
  });

  it.each([
    ['uk', 'Сертифікат не знайдено'],
    ['en', 'Certificate not found'],
  ] as const)('says an unknown code is not found (%s)', async (lng, words) => {
    installFakeApi({ ...signedOut, 'GET /credentials/NOSUCHCODE': problem(404, 'not_found') });
    await changeLocale(lng);
    renderApp('/verify/NOSUCHCODE');
    expect(await screen.findByText(words)).toBeInTheDocument();
    expect(screen.getByTestId('verify-verdict')).toHaveTextContent('NOSUCHCODE');
  });

  it('says to wait after too many checks', async () => {
    installFakeApi({ ...signedOut, [`GET /credentials/${CODE}`]: problem(429, 'rate_limited') });
    renderApp(`/verify/${CODE}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Забагато спроб. Зачекайте трохи й спробуйте знову.',
    );
    expect(screen.getByRole('button', { name: 'Спробувати ще раз' })).toBeInTheDocument();
  });
});

describe('revoking a certificate', () => {
  const owner = sampleMe([
    sampleGrant({ role: 'ngo_owner', organizationId: ORG_ID, organizationName: 'ГО «Оболонь разом»' }),
  ]);

  it('lets the owner revoke one after confirming with a reason', async () => {
    let current = sampleCertificate();
    const { requests } = installFakeApi({
      ...signedInAs(owner),
      'GET /credentials': () => json({ items: [current], total: 1 }),
      [`POST /credentials/${CODE}/revoke`]: (r) => {
        current = { ...revoked(current), revokeReason: (r.body as { reason: string }).reason };
        return json(current);
      },
    });
    const user = userEvent.setup();
    renderApp('/admin/certificates');

    expect(await screen.findByRole('heading', { level: 1, name: 'Видані сертифікати' })).toBeInTheDocument();
    const card = within(await screen.findByRole('article', { name: 'Олена Коваленко' }));
    expect(sent(requests, 'GET', '/credentials')[0]?.query.get('organizationId')).toBe(ORG_ID);
    expect(screen.getByText('ГО «Оболонь разом»', { selector: 'strong' })).toBeInTheDocument();
    await user.click(card.getByRole('button', { name: 'Відкликати Олена Коваленко' }));

    const dialog = within(
      await screen.findByRole('alertdialog', { name: 'Відкликати сертифікат «Олена Коваленко»?' }),
    );
    const reason = dialog.getByLabelText('Причина');
    expect(reason).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Відкликати сертифікат' }));
    expect(dialog.getByText('Вкажіть причину (щонайменше 3 символи).')).toBeInTheDocument();
    expect(sent(requests, 'POST', `/credentials/${CODE}/revoke`)).toHaveLength(0);

    await user.type(reason, 'Години затвердили помилково');
    const withdraw = dialog.getByLabelText('Також зняти затвердження цих годин (затверджено помилково)');
    expect(withdraw).not.toBeChecked();
    await user.click(withdraw);
    await user.click(dialog.getByRole('button', { name: 'Відкликати сертифікат' }));
    const notice = await screen.findByText('Сертифікат K7M2-Q9TX-R4WZ-P3HD (Олена Коваленко) відкликано.');
    await waitFor(() => expect(notice).toHaveFocus());
    expect(sent(requests, 'POST', `/credentials/${CODE}/revoke`)[0]?.body).toEqual({
      reason: 'Години затвердили помилково',
      withdrawHours: true,
    });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Відкликано', { selector: '.badge' })).toBeInTheDocument());
    expect(screen.getByText(/Причина: Години затвердили помилково/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Відкликати/ })).not.toBeInTheDocument();
  });

  it('shows the API refusal inside the dialog', async () => {
    installFakeApi({
      ...signedInAs(owner),
      'GET /credentials': json({ items: [sampleCertificate()], total: 1 }),
      [`POST /credentials/${CODE}/revoke`]: problem(409, 'certificate_revoked'),
    });
    const user = userEvent.setup();
    renderApp('/admin/certificates');
    await user.click(await screen.findByRole('button', { name: 'Відкликати Олена Коваленко' }));
    const dialog = within(await screen.findByRole('alertdialog'));
    await user.type(dialog.getByLabelText('Причина'), 'Помилка');
    await user.click(dialog.getByRole('button', { name: 'Відкликати сертифікат' }));
    expect(await dialog.findByText('Цей сертифікат уже відкликано.')).toBeInTheDocument();
  });

  it.each([
    ['an owner: their organisation', 'ngo_owner', 'organization', `/admin/certificates?issuer=${ORG_ID}`],
    ['a member: none', 'ngo_member', 'organization', null],
    ['a city admin: the city', 'city_admin', 'city', '/admin/certificates?issuer=city'],
  ] as const)('links a program page to its issuer’s certificates for %s', async (_who, role, runBy, href) => {
    const grant =
      role === 'city_admin'
        ? sampleGrant()
        : sampleGrant({ role, organizationId: ORG_ID, organizationName: 'ГО «Оболонь разом»' });
    installFakeApi({
      ...signedInAs(sampleMe([grant])),
      'GET /me/organizations': json({ items: [], total: 0 }),
      [`GET /volunteering/programs/${PROGRAM_ID}`]: json(
        sampleProgram({ canManage: true, runBy, organizationId: runBy === 'city' ? null : ORG_ID }),
      ),
      [`GET /volunteering/programs/${PROGRAM_ID}/shifts`]: json({ items: [], total: 0 }),
      [`GET /volunteering/programs/${PROGRAM_ID}/hours`]: json({
        items: [],
        total: 0,
        totals: { approvedMinutes: 0, pendingMinutes: 0, volunteers: 0 },
      }),
    });
    renderApp(`/admin/volunteering/${PROGRAM_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Чисті береги Дніпра' });
    const link = screen.queryByRole('link', {
      name: 'Сертифікати волонтерських годин за програмами цього видавця',
    });
    if (href) expect(link).toHaveAttribute('href', href);
    else expect(link).not.toBeInTheDocument();
    const nav = screen.queryByRole('link', { name: 'Видані сертифікати' });
    if (href) expect(nav).toHaveAttribute('href', '/admin/certificates');
    else expect(nav).not.toBeInTheDocument();
  });

  it('shows a member who may not revoke neither the list nor the way to it', async () => {
    const { requests } = installFakeApi({
      ...signedInAs(
        sampleMe([sampleGrant({ role: 'ngo_member', organizationId: ORG_ID, organizationName: 'Оболонь' })]),
      ),
    });
    renderApp('/admin/certificates');
    expect(await screen.findByTestId('no-access')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Видані сертифікати' })).not.toBeInTheDocument();
    expect(sent(requests, 'GET', '/credentials')).toHaveLength(0);
  });
});
