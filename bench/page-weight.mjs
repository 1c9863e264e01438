// What a first visit costs over the network: the built system on an embedded database with demo
// data, Debian's Chromium on a cold cache (a fresh profile per page), and the bytes actually
// transferred (compressed bodies plus headers, as Chromium's network log counts them) for `/`,
// a room page, `/events`, the registry, volunteering and the dashboard, with how many files, the
// JavaScript's size as gzip, and whether the calendar library was among them.
//   node bench/page-weight.mjs            (builds first; CHROMIUM_PATH to use another browser)
import { chromium } from 'playwright-core';
import { startPortal } from './lib/portal.mjs';

const portal = await startPortal('weight');
const base = portal.base;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

async function measure(url, { width = 390, height = 844 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const files = new Map();
  cdp.on('Network.responseReceived', (e) =>
    files.set(e.requestId, {
      url: e.response.url,
      encoding: e.response.headers['content-encoding'],
      bytes: 0,
    }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const f = files.get(e.requestId);
    if (f) f.bytes = e.encodedDataLength;
  });
  await page.goto(base + url, { waitUntil: 'networkidle' });
  await context.close();
  const list = [...files.values()].filter((f) => f.url.startsWith(base));
  if (process.env.VERBOSE) {
    for (const f of list)
      console.log(
        `  ${(f.bytes / 1024).toFixed(1).padStart(6)} ${f.encoding ?? '-'} ${f.url.slice(base.length)}`,
      );
  }
  const sum = (of) => of.reduce((s, f) => s + f.bytes, 0) / 1024;
  return {
    url,
    files: list.length,
    kb: sum(list),
    apiKb: sum(list.filter((f) => f.url.includes('/api/'))),
    encodings: [...new Set(list.map((f) => f.encoding).filter(Boolean))].join(' '),
    calendar: list.some((f) => /full-calendar/i.test(f.url)),
    jsGzipKb: await gzippedKb(list.filter((f) => f.url.endsWith('.js')).map((f) => f.url)),
  };
}

/** The JavaScript a page loaded, as gzip (what a browser without brotli would download), in KB. */
async function gzippedKb(urls) {
  let bytes = 0;
  for (const url of urls) {
    const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    bytes += Number(res.headers.get('content-length') ?? 0);
    await res.arrayBuffer();
  }
  return bytes / 1024;
}

try {
  const room = portal.firstRoom;
  console.log(`${'page'.padEnd(48)} files  KB sent  of it API  JS gzip KB  calendar  encoding`);
  for (const url of ['/', `/rooms/${room}`, '/events', '/registry', '/volunteering', '/dashboard']) {
    const r = await measure(url);
    console.log(
      `${r.url.padEnd(48)} ${String(r.files).padStart(5)}  ${r.kb.toFixed(1).padStart(7)}  ${r.apiKb.toFixed(1).padStart(9)}  ${r.jsGzipKb.toFixed(1).padStart(10)}  ${(r.calendar ? 'yes' : 'no').padEnd(8)}  ${r.encodings}`,
    );
  }
} finally {
  await browser.close();
  await portal.stop();
}
