// A published report as a tagged PDF (A4, document language set, DejaVu Sans embedded for
// Cyrillic): headings per section, narratives as paragraphs and every table as a real
// Table / TR / TH / TD structure with a caption, so screen readers and text extraction keep rows
// and columns. Built the way certificates/pdf.ts builds the certificate.
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  type DashboardFigureKey,
  type Locale,
  REPORT_AREA_FIGURES,
  REPORT_HEADLINE_FIGURES,
  REPORT_VOLUNTEERING_FIGURES,
  type Report,
  type ReportSection,
  toKyiv,
} from '@vcentri/shared';
import PDFDocument from 'pdfkit';
import { changeText, districtName, FIGURE_NAMES, figureText, SECTION_TITLES, WORDS } from './texts';

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

const dmy = (date: string) => date.split('-').reverse().join('.');

const HEADLINE = REPORT_HEADLINE_FIGURES;
const VOLUNTEERING = REPORT_VOLUNTEERING_FIGURES;
const AREA = REPORT_AREA_FIGURES;

export async function reportPdf(report: Report, locale: Locale, verifyUrl: string): Promise<Buffer> {
  const w = WORDS[locale];
  const s = report.snapshot;
  const names = FIGURE_NAMES[locale];
  const title = `${w.title} ${report.period}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    tagged: true,
    lang: locale === 'uk' ? 'uk-UA' : 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: 'Vcentri', Subject: `${dmy(s.from)} – ${dmy(s.to)}` },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const block = (tag: string, font: string, size: number, text: string, gap = 0.4) =>
    doc.addStructure(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).text(text, left, doc.y, { width });
        doc.moveDown(gap);
      }),
    );

  /** A table: caption, a header row of TH, body rows of TH (first column) and TD. */
  const table = (caption: string, header: string[], rows: string[][], widths: number[]) => {
    const total = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((x) => (x / total) * width);
    const t = doc.struct('Table');
    doc.addStructure(t);
    t.add(
      doc.struct('Caption', {}, () => {
        doc.font('bold').fontSize(10).text(caption, left, doc.y, { width });
        doc.moveDown(0.2);
      }),
    );
    const size = (head: boolean) => (head ? 8 : 9);
    const row = (cells: string[], head: boolean): void => {
      doc.font(head ? 'bold' : 'regular').fontSize(size(head));
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 6 }))) + 4;
      if (doc.y + height > bottom()) {
        doc.addPage();
        // The column names again at the top of the next page (a row of TH like the first).
        if (!head) row(header, true);
        doc.font('regular').fontSize(size(false));
      }
      const y = doc.y;
      const tr = doc.struct('TR');
      t.add(tr);
      let x = left;
      cells.forEach((c, i) => {
        const cx = x;
        tr.add(
          doc.struct(head || i === 0 ? 'TH' : 'TD', {}, () => {
            doc
              .font(head ? 'bold' : 'regular')
              .fontSize(size(head))
              .text(c, cx, y, { width: cols[i]! - 6, align: i === 0 ? 'left' : 'right' });
          }),
        );
        x += cols[i]!;
      });
      tr.end();
      doc.y = y + height;
      doc.x = left;
    };
    row(header, true);
    for (const r of rows) row(r, false);
    t.end();
    doc.moveDown(0.8);
  };

  const narrative = (section: ReportSection) => {
    const text = report.narratives[section][locale].trim();
    if (text) block('P', 'regular', 10, text, 0.6);
  };
  const heading = (section: ReportSection) => {
    if (doc.y + 80 > bottom()) doc.addPage();
    block('H2', 'bold', 14, SECTION_TITLES[locale][section], 0.4);
  };
  const figureRows = (keys: DashboardFigureKey[]) =>
    keys.map((k) => [
      names[k],
      figureText(k, s.figures[k], locale),
      figureText(k, s.previousFigures[k], locale),
      changeText(k, s.figures[k], s.previousFigures[k], locale),
    ]);
  const previousHeader = `${w.previous} (${dmy(s.previous.from)} – ${dmy(s.previous.to)})`;

  block('H1', 'bold', 20, title, 0.4);
  block('P', 'regular', 10, `${w.period}: ${dmy(s.from)} – ${dmy(s.to)}`, 0.1);
  if (report.publishedAt)
    block('P', 'regular', 10, `${w.published}: ${dmy(toKyiv(report.publishedAt).date)}`, 0.1);
  if (report.hash) block('P', 'regular', 8, `${w.hash}: ${report.hash}`, 0.1);
  block('P', 'regular', 8, `${w.hashNote}: ${verifyUrl}`, 0.8);

  heading('summary');
  narrative('summary');
  table(
    SECTION_TITLES[locale].summary,
    [w.figure!, w.value!, previousHeader, w.change!],
    figureRows(HEADLINE),
    [4, 2, 3, 2],
  );

  heading('districts');
  narrative('districts');
  table(
    SECTION_TITLES[locale].districts,
    [w.district!, ...AREA.map((k) => names[k])],
    s.districts.map((d) => [
      districtName(d.district, locale),
      ...AREA.map((k) => figureText(k, d[k], locale)),
    ]),
    [3, 2, 2, 2, 2, 2, 2],
  );

  heading('hubs');
  narrative('hubs');
  if (s.hubs.length === 0) block('P', 'regular', 10, w.none!, 0.6);
  else
    table(
      SECTION_TITLES[locale].hubs,
      [w.hub!, w.district!, ...AREA.map((k) => names[k])],
      s.hubs.map((h) => [
        h.name[locale],
        districtName(h.district, locale),
        ...AREA.map((k) => figureText(k, h[k], locale)),
      ]),
      [4, 3, 2, 2, 2, 2, 2, 2],
    );

  heading('events');
  narrative('events');
  if (s.notableEvents.length === 0) block('P', 'regular', 10, w.none!, 0.6);
  else
    table(
      SECTION_TITLES[locale].events,
      [w.event!, w.hub!, w.date!, names.attended],
      s.notableEvents.map((e) => [
        e.title[locale],
        `${e.hubName[locale]} (${districtName(e.district, locale)})`,
        dmy(toKyiv(e.startsAt).date),
        String(e.attended),
      ]),
      [5, 4, 2, 2],
    );

  heading('volunteering');
  narrative('volunteering');
  table(
    SECTION_TITLES[locale].volunteering,
    [w.figure!, w.value!, previousHeader, w.change!],
    figureRows(VOLUNTEERING),
    [4, 2, 3, 2],
  );

  if (s.actionPlan) {
    heading('actionPlan');
    narrative('actionPlan');
    if (s.actionPlan.length === 0) block('P', 'regular', 10, w.none!, 0.6);
    else
      table(
        SECTION_TITLES[locale].actionPlan,
        [w.indicator!, w.baseline!, w.value!, w.target!, w.progress!],
        s.actionPlan.map((i) => [
          `${i.title[locale]} (${i.unit[locale]})`,
          String(i.baseline),
          i.latestValue === null ? w.noValue! : `${i.latestValue} (${i.latestQuarter})`,
          `${i.target} (${i.targetQuarter})`,
          i.progress === null ? w.noValue! : `${i.progress} %`,
        ]),
        [5, 2, 3, 3, 2],
      );
  }

  doc.end();
  return done;
}
