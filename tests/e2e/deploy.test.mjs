// Deployment behind the real nginx with the config of deploy/nginx/: (a) the app under
// /device-manager/ on Rocket.Chat's origin, (b) a portal on another origin that proxies /api/
// and embeds the widget with three lines, (c) a plain cross-origin setup, which cannot pass
// the 2FA header and says so. rc-sim plays Rocket.Chat.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, join } from 'node:path';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { startSim, openBrowser, signIn, totp, whenLoaded } from './lib.mjs';
import { installRecorders, PAT } from './embed-helpers.mjs';
import { startNginx, snippet } from './deploy-nginx.mjs';

const DIST = resolve(process.env.RCDM_DIST ?? '../../dist');

let sim;
let other;
let ui;
before(async () => {
  // A second, different server (30 generated sessions) for a second widget on one page.
  other = await startSim(['--sessions', '30', '--seed', '9']);
});
after(async () => {
  await other?.stop();
});
beforeEach(async () => {
  sim = await startSim();
  ui = await openBrowser();
  await installRecorders(ui.context);
});
afterEach(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

/** Everything the page fetched, with status and content type, to prove it went through nginx. */
function recordResponses(page) {
  const seen = [];
  const bodies = [];
  page.on('response', (r) => {
    const entry = { url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' };
    seen.push(entry);
    if (r.url().includes('/sessions/list.all') && r.ok()) {
      bodies.push(r.json().then((b) => { entry.total = b.total; }, () => {}));
    }
  });
  seen.settled = () => Promise.all(bodies);
  return seen;
}

test('(a) under /device-manager/ on the Rocket.Chat origin: sign-in with 2FA through nginx', async () => {
  const nginx = await startNginx([
    snippet('device-manager.conf', { DIST }) + snippet('api-proxy.conf', { ROCKETCHAT: sim.url }),
  ]);
  try {
    const { page, errors } = ui;
    const seen = recordResponses(page);
    const res = await page.goto(`${nginx.urls[0]}/device-manager`);
    assert.equal(new URL(page.url()).pathname, '/device-manager/', 'the bare path redirects to the folder');
    assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    await signIn(page, { code: totp() });
    await page.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' }).waitFor();
    const wasm = seen.find((r) => r.url.endsWith('.wasm'));
    assert.equal(wasm?.type, 'application/wasm', 'wasm streams with its MIME type');
    assert.ok(seen.every((r) => r.url.startsWith(nginx.urls[0])), 'every request went to nginx');
    assert.ok(seen.some((r) => r.url.includes('/api/v1/sessions/list.all') && r.status === 200));
    assert.ok(seen.filter((r) => !r.url.includes('/api/') && r.status < 300).every((r) => r.url.includes('/device-manager/')),
      'every file came from under the sub-path');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(errors, []);
  } finally {
    await nginx.stop();
  }
});

/** Bytes on the wire per URL (CDP's encodedDataLength: headers and body as received), and
 *  whether the answer came from the browser's cache. */
async function recordTransfers(page) {
  const cdp = await page.context().newCDPSession(page);
  const byId = new Map();
  const done = [];
  cdp.on('Network.requestWillBeSent', (e) => byId.set(e.requestId, { url: e.request.url }));
  cdp.on('Network.requestServedFromCache', (e) => { if (byId.has(e.requestId)) byId.get(e.requestId).cached = true; });
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    if (r) {
      r.status = e.response.status;
      r.cached ||= e.response.fromDiskCache || e.response.fromPrefetchCache;
      r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'];
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (r) done.push({ ...r, bytes: e.encodedDataLength });
  });
  await cdp.send('Network.enable');
  return done;
}

/** The files of the build whose names carry Trunk's content hash (hex, leading zeros dropped). */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/;

test('(a) through nginx: compressed on the wire, hashed files cached for the next visit', async () => {
  const nginx = await startNginx([
    snippet('device-manager.conf', { DIST }) + snippet('api-proxy.conf', { ROCKETCHAT: sim.url }),
  ]);
  try {
    const { page, context, errors } = ui;
    const url = `${nginx.urls[0]}/device-manager/`;
    const first = await recordTransfers(page);
    await page.goto(url);
    await page.getByLabel('User ID', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const hashed = readdirSync(DIST).filter((f) => HASHED.test(f));
    assert.ok(hashed.some((f) => f.endsWith('.wasm')) && hashed.some((f) => f.endsWith('.js')) && hashed.some((f) => f.endsWith('.css')),
      `a wasm, a js and a css with hashed names: ${hashed}`);
    const files = first.filter((r) => /\.(wasm|js|css)$/.test(new URL(r.url).pathname));
    // The loader too: the app's own page loads it under a hashed name (deploy/sri-hook.mjs).
    assert.ok(hashed.some((f) => /^rc-device-manager-[0-9a-f]+\.js$/.test(f) && readFileSync(join(DIST, f), 'utf8') === readFileSync(join(DIST, 'rc-device-manager.js'), 'utf8')),
      `a hashed copy of the loader: ${hashed}`);
    for (const f of hashed) {
      const r = files.find((x) => x.url.endsWith(`/${f}`));
      assert.ok(r, `${f} was loaded`);
      assert.match(r.encoding ?? '', /^(br|gzip)$/, `${f} came compressed`);
    }
    const wasmName = hashed.find((f) => f.endsWith('.wasm'));
    const wasm = files.find((r) => r.url.endsWith(`/${wasmName}`));
    const raw = statSync(join(DIST, wasmName)).size;
    assert.ok(wasm.bytes < raw / 2, `the wasm took ${wasm.bytes} bytes on the wire, raw ${raw}`);
    const total = first.reduce((n, r) => n + r.bytes, 0);
    console.log(`transfer: sign-in page ${total} bytes on the wire in ${first.length} requests (wasm ${wasm.bytes} ${wasm.encoding}, raw ${raw})`);

    // A second visit in the same browser: the page is revalidated with nginx, every file it
    // loads (the loader included) comes from the cache and never reaches nginx.
    const log = () => readFileSync(join(nginx.dir, 'access.log'), 'utf8').trim().split('\n');
    const seenBefore = log().length;
    const again = await context.newPage();
    const second = await recordTransfers(again);
    await again.goto(url);
    await again.getByLabel('User ID', { exact: true }).waitFor();
    await again.waitForLoadState('networkidle');
    const reached = log().slice(seenBefore);
    assert.deepEqual(reached.filter((l) => HASHED.test(l.split(' ')[6] ?? '')), [], 'no hashed file reached nginx');
    assert.deepEqual(reached.filter((l) => /\.(wasm|js|css) HTTP/.test(l)), [], 'no script, wasm or stylesheet reached nginx');
    assert.ok(reached.some((l) => / \/device-manager\/ HTTP\/1\.1" (200|304) /.test(l)),
      `the page was revalidated:\n${reached.join('\n')}`);
    for (const f of hashed) {
      const r = second.find((x) => x.url.endsWith(`/${f}`));
      assert.ok(!r || r.cached, `${f} came from the cache`);
    }
    const total2 = second.reduce((n, r) => n + (r.cached ? 0 : r.bytes), 0);
    console.log(`transfer: second visit ${total2} bytes on the wire; ${reached.length} requests reached nginx`);
    assert.deepEqual(errors, []);
  } finally {
    await nginx.stop();
  }
});

test('(a) behind the proxy with Forwarded count 1: the page keeps its remembered 2FA window', async () => {
  // Rocket.Chat reads the client from X-Forwarded-For (its "Forwarded count" setting), so
  // the code accepted at sign-in covers the page's later calls made through the proxy.
  const proxied = await startSim(['--forwarded-count', '1', '--sessions', '300']);
  const nginx = await startNginx([
    snippet('device-manager.conf', { DIST }) + snippet('api-proxy.conf', { ROCKETCHAT: proxied.url }),
  ]);
  try {
    const { page, errors } = ui;
    const seen = recordResponses(page);
    await page.goto(`${nginx.urls[0]}/device-manager/`);
    await signIn(page, { code: totp() });
    await whenLoaded(page);
    const lists = () => seen.filter((r) => r.url.includes('/sessions/list.all')).length;
    const before = lists();
    await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
    await page.waitForFunction((n) => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/sessions/list.all')).length > n, before);
    await page.locator('header.rcdm-bar p.loaded').waitFor();
    await page.locator('table tbody tr').first().click();
    await page.locator('.details').waitFor();
    await seen.settled();
    assert.equal(await page.getByRole('dialog').count(), 0, 'no code was asked for again');
    assert.ok(seen.every((r) => r.status !== 400), 'no 2FA challenge reached the page');
    assert.deepEqual(errors, []);
  } finally {
    await nginx.stop();
    await proxied.stop();
  }
});

test('(b) a portal on another origin proxies /api/ and embeds the widget in three lines', async () => {
  const portalPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title>
<script type="module" src="/device-manager/rc-device-manager.js"></script>
<link rel="icon" href="/device-manager/favicon.svg">
</head><body><h1>Intranet</h1>
<rc-device-manager id="here" page-size="50"></rc-device-manager>
<rc-device-manager id="there"></rc-device-manager>
</body></html>`;
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const pages = `${tmpdir()}/rcdm-portal-${process.pid}-${Date.now()}`;
  mkdirSync(pages, { recursive: true });
  writeFileSync(`${pages}/index.html`, portalPage);
  const nginx = await startNginx([
    // Rocket.Chat's origin (the app lives there) ...
    snippet('device-manager.conf', { DIST }) + snippet('api-proxy.conf', { ROCKETCHAT: sim.url }),
    // ... and the portal's: its own page, the app and the API proxied through it, plus a
    // second Rocket.Chat under /other/ for the second widget.
    `    location / { root ${pages}; }\n` + snippet('device-manager.conf', { DIST }) +
      snippet('api-proxy.conf', { ROCKETCHAT: sim.url }) +
      `    location /other/api/ { proxy_pass ${other.url}/api/; }\n`,
  ]);
  try {
    const { page, errors } = ui;
    const seen = recordResponses(page);
    await page.goto(`${nginx.urls[1]}/`);
    const here = page.locator('#here');
    const there = page.locator('#there');
    await here.locator('.rcdm').waitFor();
    await there.locator('.rcdm').waitFor();
    await signIn(here, { code: totp() });
    await here.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' }).waitFor();
    await signIn(there, { server: `${nginx.urls[1]}/other`, token: PAT, code: '' });
    await whenLoaded(there);
    await seen.settled();
    assert.ok(seen.every((r) => r.url.startsWith(nginx.urls[1])), 'the browser only talked to the portal');
    const totals = (prefix) => seen.filter((r) => new URL(r.url).pathname.startsWith(`${prefix}/api/v1/sessions/list.all`) && r.total !== undefined).map((r) => r.total);
    // The example fixture has 6 sessions; the other server 30 generated ones plus 5 users' own.
    assert.ok(totals('').length > 0 && totals('').every((t) => t === 6), `first server: ${totals('')}`);
    assert.ok(totals('/other').length > 0 && totals('/other').every((t) => t === 35), `other server: ${totals('/other')}`);
    assert.deepEqual(errors, []);
  } finally {
    await nginx.stop();
    const { rmSync } = await import('node:fs');
    rmSync(pages, { recursive: true, force: true });
  }
});

test('(c) plain cross-origin: the 2FA header cannot pass, and the app says why', async () => {
  const cors = await startSim(['--cors', '*']);
  const nginx = await startNginx([snippet('device-manager.conf', { DIST })]);
  try {
    const { page } = ui;
    await page.goto(`${nginx.urls[0]}/device-manager/`);
    await signIn(page, { server: cors.url, code: totp() });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, /x-2fa-code/);
    assert.match(text, /proxy/i, `the next step is named: ${text}`);
    assert.equal(await page.locator('table').count(), 0);
  } finally {
    await nginx.stop();
    await cors.stop();
  }
});
