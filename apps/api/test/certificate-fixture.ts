// Certificates in tests: approved hours made the way volunteers and coordinators make them, and a
// request for a certificate.
import { expect } from 'vitest';
import { inject, type TestApp, type TestUser } from './helper';
import { kyivDate, ok } from './volunteering-fixture';

/** Hours the volunteer logs for `daysAgo` and the coordinator approves (or leaves pending). */
export async function hoursOf(
  t: TestApp,
  v: TestUser,
  programId: string,
  coordinator: TestUser,
  minutes: number,
  daysAgo: number,
  approve = true,
): Promise<string> {
  const entry = await ok(
    inject(t, {
      method: 'POST',
      url: '/api/v1/me/volunteering/hours',
      as: v,
      payload: { programId, date: kyivDate(-daysAgo), minutes, description: 'Розвезення продуктів' },
    }),
    201,
  );
  if (approve)
    await ok(
      inject(t, { method: 'POST', url: `/api/v1/volunteering/hours/${entry.id}/approve`, as: coordinator }),
    );
  return entry.id;
}

export interface CertificateBody {
  id: string;
  code: string;
  status: 'valid' | 'revoked';
  totalMinutes: number;
  printedName: string;
  issuer: { kind: string; organizationId: string | null; name: { uk: string; en: string } };
  lines: {
    program: { uk: string; en: string };
    organization: { uk: string; en: string };
    from: string;
    to: string;
    minutes: number;
  }[];
  period: { from: string; to: string };
  verifyUrl: string;
}

export async function certify(
  t: TestApp,
  v: TestUser,
  body: Record<string, unknown> = {},
): Promise<CertificateBody[]> {
  const res = await ok(
    inject(t, {
      method: 'POST',
      url: '/api/v1/me/credentials',
      as: v,
      payload: { locale: 'uk', printedName: 'Олена Коваленко', ...body },
    }),
    201,
  );
  expect(res.total).toBe(res.items.length);
  return res.items;
}
