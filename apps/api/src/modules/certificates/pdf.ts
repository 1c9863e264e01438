// The certificate as a PDF: A4, tagged (headings, paragraphs, a figure with alternative text; the
// document language set), in the certificate's language, with DejaVu Sans embedded so Cyrillic
// renders (PDFKit's built-in fonts cannot), and a QR code of the public verification address.
import { createRequire } from 'node:module';
import path from 'node:path';
import { type CertificateVerification, type Locale, toKyiv } from '@vcentri/shared';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { hoursText } from './texts';

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

const WORDS: Record<Locale, Record<string, string>> = {
  uk: {
    title: 'Сертифікат волонтерських годин',
    intro: 'Цей сертифікат засвідчує, що',
    did: 'має волонтерські години, затверджені координаторами програм:',
    total: 'Разом',
    period: 'Період',
    issuer: 'Видавець',
    issued: 'Дата видачі',
    verify: 'Перевірити справжність сертифіката',
    code: 'Код перевірки',
    qr: 'QR-код адреси перевірки',
    revoked: 'СЕРТИФІКАТ ВІДКЛИКАНО',
    reason: 'Причина',
    offline: 'Сертифікат також видано як підписаний електронний документ Open Badges 3.0.',
  },
  en: {
    title: 'Certificate of volunteer hours',
    intro: 'This certifies that',
    did: 'has volunteer hours approved by the programs’ coordinators:',
    total: 'Total',
    period: 'Period',
    issuer: 'Issued by',
    issued: 'Date of issue',
    verify: 'Verify this certificate',
    code: 'Verification code',
    qr: 'QR code of the verification address',
    revoked: 'THIS CERTIFICATE HAS BEEN REVOKED',
    reason: 'Reason',
    offline: 'The certificate is also issued as a signed Open Badges 3.0 credential.',
  },
};

/** K7M2Q9TXR4WZP3HD → K7M2-Q9TX-R4WZ-P3HD, easier to read aloud and type. */
export const groupedCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

const dmy = (date: string) => date.split('-').reverse().join('.');

export async function certificatePdf(c: CertificateVerification): Promise<Buffer> {
  const w = WORDS[c.locale];
  const qr = await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    tagged: true,
    lang: c.locale === 'uk' ? 'uk-UA' : 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: `${w.title} ${c.code}`, Author: c.issuer.name[c.locale], Subject: c.printedName },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const block = (tag: string, font: string, size: number, text: string, gap = 0.4) =>
    doc.addStructure(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).text(text);
        doc.moveDown(gap);
      }),
    );

  block('H1', 'bold', 22, w.title!, 0.8);
  if (c.status === 'revoked') {
    block('P', 'bold', 14, w.revoked!);
    block(
      'P',
      'regular',
      11,
      `${w.reason}: ${c.revokeReason ?? ''} (${dmy(toKyiv(c.revokedAt!).date)})`,
      0.8,
    );
  }
  block('P', 'regular', 12, w.intro!, 0.2);
  block('H2', 'bold', 18, c.printedName, 0.2);
  block('P', 'regular', 12, w.did!, 0.6);
  for (const l of c.lines)
    block(
      'P',
      'regular',
      11,
      `${l.program[c.locale]} — ${l.organization[c.locale]}, ${dmy(l.from)} – ${dmy(l.to)}: ${hoursText(l.minutes, c.locale)}`,
    );
  doc.moveDown(0.4);
  block('P', 'bold', 13, `${w.total}: ${hoursText(c.totalMinutes, c.locale)}`);
  block('P', 'regular', 11, `${w.period}: ${dmy(c.period.from)} – ${dmy(c.period.to)}`);
  block('P', 'regular', 11, `${w.issuer}: ${c.issuer.name[c.locale]}`);
  block('P', 'regular', 11, `${w.issued}: ${dmy(toKyiv(c.issuedAt).date)}`, 1);

  // The QR code and its text stay together, whole, on one page: a long list of programs moves them
  // to the next page rather than cutting the code off at the bottom (unreadable then).
  if (doc.y + 160 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.addStructure(
    doc.struct('Figure', { alt: `${w.qr}: ${c.verifyUrl}` }, () => {
      doc.image(qr, doc.page.margins.left, top, { width: 140 });
    }),
  );
  const textX = doc.page.margins.left + 160;
  const textWidth = doc.page.width - doc.page.margins.right - textX;
  doc.addStructure(
    doc.struct('P', {}, () => {
      doc
        .font('bold')
        .fontSize(11)
        .text(w.verify!, textX, top + 10, { width: textWidth });
      doc.font('regular').fontSize(10).text(c.verifyUrl, { width: textWidth, link: c.verifyUrl });
      doc.moveDown(0.6);
      doc
        .font('bold')
        .fontSize(11)
        .text(`${w.code}: ${groupedCode(c.code)}`, { width: textWidth });
      doc.moveDown(0.6);
      doc.font('regular').fontSize(9).text(w.offline!, { width: textWidth });
    }),
  );
  doc.end();
  return done;
}
