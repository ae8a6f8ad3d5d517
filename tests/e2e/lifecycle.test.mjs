// An embedded widget's lifecycle as a portal drives it: credentials without a server URL go
// to the configured server, a sign-out sticks, a refresh waits for a running logout, a
// re-inserted element mounts once, and 100 cycles of sign-in → a logout stuck on a 2FA
// prompt → destroy leave no client (no token) and at most one page of wasm memory.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openBrowser, totp, ADMIN, simControl, serverTotal, whenLoaded } from './lib.mjs';
import { installRecorders, mountIn, PAT } from './embed-helpers.mjs';
import { serverLists } from './table-lib.mjs';

let sim;
let extra;
let ui;
beforeEach(async () => {
  sim = await startSim(['--test-control', '--sessions', '120', '--seed', '4']);
});
afterEach(async () => {
  await ui?.browser.close();
  await extra?.stop();
  await sim?.stop();
  ui = undefined;
  extra = undefined;
});

async function portal(contextOptions = {}) {
  ui = await openBrowser(contextOptions);
  await installRecorders(ui.context);
  await ui.page.goto(`${sim.url}/portal.html`);
  await ui.page.locator('#right .rcdm').waitFor();
  return ui.page;
}

const stats = (page) => page.evaluate(async () => (await import('./rc-device-manager.js')).debugStats());
const loadedEvents = (page) => page.evaluate(() => (window.__rcdmEvents ?? []).filter((e) => e.type === 'rcdm:loaded').length);

test('credentials without serverUrl go to the server the element or the options name', async () => {
  extra = await startSim(['--cors', '*', '--sessions', '40', '--seed', '8']);
  const page = await portal({ bypassCSP: true });
  await page.evaluate((url) => {
    const el = document.createElement('rc-device-manager');
    el.id = 'byattr';
    el.setAttribute('server-url', url);
    document.body.append(el);
  }, extra.url);
  await page.locator('#byattr .rcdm').waitFor();
  assert.equal(await page.evaluate((pat) => document.getElementById('byattr')
    .setCredentials({ userId: 'rcsimAdminUser001', authToken: pat }), PAT), true);
  await page.locator('#byattr').getByText(`Signed in as rcsimAdminUser001 on ${extra.url}`).waitFor();
  const byOption = await mountIn(page, 'byoption', { serverUrl: extra.url });
  await page.evaluate((pat) => window.__handles.byoption
    .setCredentials({ userId: 'rcsimAdminUser001', authToken: pat }), PAT);
  await byOption.getByText(`Signed in as rcsimAdminUser001 on ${extra.url}`).waitFor();
  assert.deepEqual(ui.errors, []);
});

test('a sign-out inside the widget sticks through setOptions and attribute changes until the host signs in again', async () => {
  const page = await portal();
  const w = await mountIn(page, 'w', {});
  await page.evaluate((pat) => window.__handles.w.setCredentials({ userId: 'rcsimAdminUser001', authToken: pat }), PAT);
  await whenLoaded(w);
  await w.getByRole('button', { name: 'Sign out' }).click();
  await w.getByRole('button', { name: 'Load sessions' }).waitFor();
  const loads = await loadedEvents(page);
  // pageSize restarts the app; theme applies in place. Neither signs back in.
  await page.evaluate(() => window.__handles.w.setOptions({ pageSize: 50 }));
  await page.evaluate(() => window.__handles.w.setOptions({ pageSize: 100, theme: 'dark' }));
  await w.getByRole('button', { name: 'Load sessions' }).waitFor();
  // A command makes the round trip through the restarted app before anything is checked.
  assert.equal(await page.evaluate(() => window.__handles.w.setFilter('x')), true);
  assert.equal(await w.getByLabel('Auth token', { exact: true }).inputValue(), '');
  assert.equal(await w.locator('table').count(), 0);
  assert.equal(await loadedEvents(page), loads, 'no load after the sign-out');
  // The same through the custom element: sign in, sign out, change an attribute.
  await page.evaluate(() => {
    const el = document.createElement('rc-device-manager');
    el.id = 'el';
    document.body.append(el);
  });
  await page.locator('#el .rcdm').waitFor();
  await page.evaluate((pat) => document.getElementById('el').setCredentials({ userId: 'rcsimAdminUser001', authToken: pat }), PAT);
  const el = page.locator('#el');
  await whenLoaded(el);
  await el.getByRole('button', { name: 'Sign out' }).click();
  await el.getByRole('button', { name: 'Load sessions' }).waitFor();
  const loads2 = await loadedEvents(page);
  await page.evaluate(() => document.getElementById('el').setAttribute('page-size', '50'));
  assert.equal(await page.evaluate(() => document.getElementById('el').setFilter('x')), true);
  await el.getByRole('button', { name: 'Load sessions' }).waitFor();
  assert.equal(await loadedEvents(page), loads2);
  // The host signs in again: that holds.
  await page.evaluate((pat) => window.__handles.w.setCredentials({ userId: 'rcsimAdminUser001', authToken: pat }), PAT);
  await whenLoaded(w);
  assert.deepEqual(ui.errors, []);
});

test('refresh() during a bulk logout waits for it: no logged-out row comes back', async () => {
  await simControl(sim, 'faults', { latency_ms: 120 });
  const page = await portal();
  const w = await mountIn(page, 'w', { userId: ADMIN.userId, authToken: PAT, pageSize: 250 });
  await whenLoaded(w);
  await page.evaluate(() => window.__handles.w.setFilter('firefox'));
  const box = w.getByLabel(/^Select all [\d,]+ matching devices$/);
  await box.waitFor();
  const n = Number((await box.getAttribute('aria-label')).match(/[\d,]+/)[0].replaceAll(',', ''));
  assert.ok(n >= 8, `${n} firefox sessions`);
  const ids = (await w.locator('table tbody td.col.id').allTextContents()).map((t) => t.trim());
  await box.check();
  await w.getByRole('button', { name: `Log out ${n} devices` }).click();
  await w.getByRole('dialog').getByRole('button', { name: 'Log out', exact: true }).click();
  await w.getByRole('dialog').getByText('Logging out…').waitFor();
  const loads = await loadedEvents(page);
  assert.equal(await page.evaluate(() => window.__handles.w.refresh()), true);
  await w.locator('.toast', { hasText: `${n} devices logged out` }).waitFor();
  // The refresh ran after the run, against the server's list without those sessions.
  await page.waitForFunction((before) => (window.__rcdmEvents ?? [])
    .filter((e) => e.type === 'rcdm:loaded').length > before, loads);
  const last = await page.evaluate(() => (window.__rcdmEvents ?? []).filter((e) => e.type === 'rcdm:loaded').at(-1).detail);
  assert.equal(last.total, await serverTotal(sim));
  for (const id of ids.slice(0, 5)) assert.equal(await serverLists(sim, id), false);
  await page.evaluate(() => window.__handles.w.setFilter(''));
  await page.evaluate(() => window.__handles.w.setFilter('firefox'));
  await w.getByText('No sessions match').waitFor();
  assert.deepEqual(ui.errors, []);
});

test('an element removed and re-inserted while the app loads mounts one widget', async () => {
  ui = await openBrowser();
  const page = ui.page;
  await page.route(`${sim.url}/reinsert.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html><body><script type="module">
      import { debugStats } from '/rc-device-manager.js';
      window.__stats = debugStats;
      const el = document.createElement('rc-device-manager');
      document.body.append(el); el.remove(); document.body.append(el);
      el.remove(); document.body.append(el);
    </script></body></html>`,
  }));
  await page.goto(`${sim.url}/reinsert.html`);
  await page.locator('rc-device-manager .rcdm').waitFor();
  await page.locator('rc-device-manager').getByRole('button', { name: 'Load sessions' }).waitFor();
  assert.equal(await page.locator('rc-device-manager .rcdm').count(), 1);
  assert.deepEqual((await page.evaluate(() => window.__stats())).counts, [1, 0]);
  assert.deepEqual(ui.errors, []);
});

test('100 cycles of sign-in → a logout waiting on a 2FA prompt → destroy leave no client and no wasm memory', async () => {
  const page = await portal();
  const userAgent = await page.evaluate(() => navigator.userAgent);
  // Authorize the admin token for this browser (user agent + IP) as a code the page sent would.
  const remember = async () => {
    const res = await fetch(`${sim.url}/api/v1/sessions/list.all?count=1`, {
      headers: { 'X-User-Id': ADMIN.userId, 'X-Auth-Token': ADMIN.token, 'x-2fa-code': totp(), 'User-Agent': userAgent },
    });
    assert.equal(res.status, 200);
  };
  const cycle = async (i) => {
    await remember();
    const w = await mountIn(page, `c${i}`, { userId: ADMIN.userId, authToken: ADMIN.token });
    const row = w.locator('table tbody tr:not(.mine)').first();
    // The whole load (its first rows show before the end), so only the logout meets 2FA.
    await w.locator('header.rcdm-bar p.loaded', { hasText: /sessions? loaded/ }).waitFor();
    await row.waitFor();
    await simControl(sim, 'expire-2fa', {});
    await row.getByRole('button', { name: 'Log out device' }).click();
    await w.getByRole('dialog').getByRole('button', { name: 'Log out', exact: true }).click();
    await w.getByLabel('Code from your authenticator app').waitFor();
    await page.evaluate((id) => { window.__handles[id].destroy(); document.getElementById(id).remove(); }, `c${i}`);
  };
  for (let i = 0; i < 10; i++) await cycle(i); // warm-up: the pooled root, the allocator's pages
  const before = await stats(page);
  for (let i = 10; i < 110; i++) await cycle(i);
  const after = await stats(page);
  assert.equal(after.clients, before.clients, 'live API clients (tokens)');
  assert.equal(after.clients, 0, 'the portal\'s own widgets are not signed in');
  assert.deepEqual(after.counts, before.counts, 'live widgets and pooled roots');
  // What one signed-in widget holds (client, rows, grid) is kilobytes: a leak of it over
  // 100 cycles would be many 64 KiB pages. The allocator may take one more page for
  // fragmentation, and no more.
  assert.ok(after.wasmBytes - before.wasmBytes <= 65536,
    `wasm memory grew ${after.wasmBytes - before.wasmBytes} bytes over 100 cycles`);
  assert.deepEqual(ui.errors.filter((e) => !/status of 400/.test(e)), []);
});
