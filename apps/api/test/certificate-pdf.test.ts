// The certificate's PDF, read back the way a person and a phone read it: its text through
// poppler's pdftotext (Cyrillic included), its QR code by rendering the page (pdftoppm) and
// decoding it (zbarimg). Both tools come from Debian (poppler-utils, zbar-tools); CI installs them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CertificateVerification } from '@vcentri/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatePdf } from '../src/modules/certificates/pdf';
import { certify, hoursOf } from './certificate-fixture';
import { buildTestApp, expectProblem, inject, type TestApp } from './helper';
import { ngoWithProgram, ok, volunteer } from './volunteering-fixture';

let t: TestApp;
const dir = mkdtempSync(path.join(tmpdir(), 'vcentri-pdf-'));
beforeAll(async () => {
  t = await buildTestApp({ publicUrl: 'https://vcentri.example.org' });
});
afterAll(async () => {
  await t.app.close();
  rmSync(dir, { recursive: true, force: true });
});

function read(pdf: Buffer, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '150',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(dir, name),
  ]);
  const qr = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, `${name}.png`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ' '), qr, info };
}

describe('the certificate PDF', () => {
  it('prints the name, hours, issuer and verification address in Ukrainian and English, with a QR code of it', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const v = await volunteer(t);
    await hoursOf(t, v, programId, owner, 150, 4);
    await hoursOf(t, v, programId, owner, 60, 2);

    for (const [locale, words] of [
      ['uk', ['Сертифікат волонтерських годин', 'Разом: 3 год 30 хв', 'Видавець:', 'Код перевірки:']],
      ['en', ['Certificate of volunteer hours', 'Total: 3 h 30 min', 'Issued by:', 'Verification code:']],
    ] as const) {
      const [cert] = await certify(t, v, { locale, printedName: 'Олена Коваленко-Шевчук', programId });
      const res = await inject(t, {
        method: 'GET',
        url: `/api/v1/me/credentials/${cert!.id}/certificate.pdf`,
        as: v,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`certificate-${cert!.code}.pdf`);
      const { text, qr, info } = read(res.rawPayload, `${locale}-${cert!.code}`);
      const address = `https://vcentri.example.org/verify/${cert!.code}`;
      expect(cert!.verifyUrl).toBe(address);
      for (const w of words) expect(text).toContain(w);
      expect(text).toContain('Олена Коваленко-Шевчук');
      expect(text).toContain(cert!.issuer.name[locale]);
      expect(text).toContain(cert!.lines[0]!.program[locale]);
      expect(text).toContain(address);
      expect(text).toContain(cert!.code.match(/.{4}/g)!.join('-'));
      expect(qr).toBe(address);
      expect(info).toMatch(/Tagged:\s+yes/);
    }
  });

  it('keeps the QR code whole however many programs push it down the page', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const v = await volunteer(t);
    await hoursOf(t, v, programId, owner, 60, 3);
    const [cert] = await certify(t, v, { locale: 'uk', printedName: 'Олена Коваленко-Шевчук' });
    // What the verification page shows is what the PDF prints; more lines move the code down.
    const view = (await ok(
      inject(t, { method: 'GET', url: `/api/v1/credentials/${cert!.code}` }),
    )) as CertificateVerification;
    for (let lines = 6; lines <= 30; lines += 1) {
      const pdf = await certificatePdf({
        ...view,
        lines: Array.from({ length: lines }, () => view.lines[0]!),
      });
      const name = `long-${lines}`;
      writeFileSync(path.join(dir, `${name}.pdf`), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '100', path.join(dir, `${name}.pdf`), path.join(dir, name)]);
      const found = readdirSync(dir)
        .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
        .flatMap((page) => {
          try {
            return [
              execFileSync('zbarimg', ['--raw', '-q', path.join(dir, page)], {
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore'],
              }).trim(),
            ];
          } catch {
            return []; // no code on this page
          }
        });
      expect(found, `${lines} lines`).toEqual([cert!.verifyUrl]);
    }
  });

  it('is only its volunteer’s to download, and says so when revoked', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const v = await volunteer(t);
    await hoursOf(t, v, programId, owner, 90, 3);
    const [cert] = await certify(t, v, { locale: 'en', programId });
    const url = `/api/v1/me/credentials/${cert!.id}/certificate.pdf`;
    expectProblem(await inject(t, { method: 'GET', url, as: await volunteer(t) }), 404, 'not_found');
    expectProblem(await inject(t, { method: 'GET', url, as: owner }), 404, 'not_found');
    expectProblem(await inject(t, { method: 'GET', url }), 401, 'unauthorized');
    await inject(t, {
      method: 'POST',
      url: `/api/v1/credentials/${cert!.code}/revoke`,
      as: owner,
      payload: { reason: 'Approved by mistake' },
    });
    const res = await inject(t, { method: 'GET', url, as: v });
    expect(read(res.rawPayload, `revoked-${cert!.code}`).text).toContain('THIS CERTIFICATE HAS BEEN REVOKED');
  });
});
