// Embedding in a portal: the example portal page with two widgets (custom element + mount()),
// options checking, the handle's commands, events on the host element, isolation, and a
// mount/destroy loop that must leak nothing Chromium can count.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openBrowser, signIn, totp, ADMIN, whenLoaded } from './lib.mjs';
import { installRecorders, domCounters, globalListeners, mountIn, PAT } from './embed-helpers.mjs';

let sim;
let ui;
beforeEach(async () => {
  sim = await startSim();
  ui = await openBrowser();
  await installRecorders(ui.context);
});
afterEach(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

const events = (page) => page.evaluate(() => window.__rcdmEvents);

async function openPortal(page) {
  await page.goto(`${sim.url}/portal.html`);
  await page.locator('#left .rcdm').waitFor();
  await page.locator('#right .rcdm').waitFor();
  return { left: page.locator('#left'), right: page.locator('#right') };
}

test('the portal page shows two widgets side by side, each themed by the portal', async () => {
  const { page, errors } = ui;
  const { left, right } = await openPortal(page);
  for (const w of [left, right]) {
    await w.getByLabel('User ID', { exact: true }).waitFor();
    assert.equal(await w.locator('.rcdm').count(), 1, 'one widget root per host');
  }
  const accent = (w) => w.getByRole('button', { name: 'Load sessions' })
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(await accent(left), 'rgb(10, 125, 79)', 'left accent from #left .rcdm { --rcdm-accent }');
  assert.equal(await accent(right), 'rgb(217, 72, 15)', 'right accent from #right .rcdm { --rcdm-accent }');
  const [lb, rb] = [await left.boundingBox(), await right.boundingBox()];
  assert.ok(lb.x + lb.width <= rb.x, `side by side: ${JSON.stringify([lb, rb])}`);
  assert.deepEqual(errors, []);
});

test('two widgets with different credentials keep their own state', async () => {
  const { page, errors } = ui;
  const { left, right } = await openPortal(page);
  await signIn(left, { code: totp() });
  await whenLoaded(left);
  // The right widget saw nothing of it: still its own empty sign-in form.
  assert.equal(await right.getByLabel('User ID', { exact: true }).inputValue(), '');
  assert.equal(await right.getByLabel('Auth token', { exact: true }).inputValue(), '');
  assert.equal(await right.locator('table').count(), 0);
  await signIn(right, { token: PAT, code: '' });
  await whenLoaded(right);
  assert.ok(await left.locator('table tbody tr').count() > 0, 'the left widget keeps its rows');
  // Each widget has its own columns: the element's `columns` attribute leaves Version out.
  const headers = async (w) => (await w.locator('table thead th').allTextContents()).join('|');
  assert.doesNotMatch(await headers(left), /Version/);
  assert.match(await headers(right), /Version/);
  assert.deepEqual(errors, []);
});

test('mistyped and unknown options are named on the console and the widget still shows', async () => {
  const { page, errors } = ui;
  await page.goto(`${sim.url}/portal.html`);
  const w = await mountIn(page, 'typo', { pageSize: 33, theme: 'neon', colour: 'red', authToken: 12345 });
  await w.getByLabel('User ID', { exact: true }).waitFor();
  const said = errors.join('\n');
  for (const name of ['"pageSize"', '"theme"', '"colour"', '"authToken"']) {
    assert.ok(said.includes(name), `console names ${name}: ${said}`);
  }
  assert.ok(!said.includes('12345'), 'a mistyped secret is never echoed');
});

test('setCredentials right after mount signs in with credentials the portal holds; rcdm:loaded reaches the host', async () => {
  const { page } = ui;
  await page.goto(`${sim.url}/portal.html`);
  const accepted = await page.evaluate(async ({ userId, authToken }) => {
    const { mount } = await import('./rc-device-manager.js');
    const host = document.createElement('div');
    host.id = 'creds';
    document.body.append(host);
    const handle = await mount(host, {});
    return handle.setCredentials({ userId, authToken }); // at once, as a portal would
  }, { userId: ADMIN.userId, authToken: PAT });
  assert.equal(accepted, true, 'the widget took the command');
  await whenLoaded(page.locator('#creds'));
  await page.waitForFunction(() => window.__rcdmEvents.some((e) => e.type === 'rcdm:loaded'));
  const loaded = (await events(page)).find((e) => e.type === 'rcdm:loaded');
  assert.equal(loaded.target, 'creds', 'dispatched on the host element');
  assert.ok(loaded.detail.loaded > 0 && loaded.detail.total >= loaded.detail.loaded, JSON.stringify(loaded.detail));
  assert.ok(!JSON.stringify(await events(page)).includes(PAT), 'no event carries the token');
});

test('credentials in the mount options sign in without any typing', async () => {
  const { page, errors } = ui;
  await page.goto(`${sim.url}/portal.html`);
  const w = await mountIn(page, 'preset', { userId: ADMIN.userId, authToken: PAT, pageSize: 50 });
  await whenLoaded(w);
  assert.equal(await w.getByLabel('Auth token', { exact: true }).count(), 0, 'no sign-in form');
  assert.deepEqual(errors, []);
});

test('a refused token comes back as rcdm:error with a sentence and no secret', async () => {
  const { page } = ui;
  await page.goto(`${sim.url}/portal.html`);
  const bad = 'not-a-valid-token-4f9c2e71';
  await mountIn(page, 'refused', { userId: ADMIN.userId, authToken: bad });
  await page.waitForFunction(() => window.__rcdmEvents.some((e) => e.type === 'rcdm:error'));
  const error = (await events(page)).find((e) => e.type === 'rcdm:error');
  assert.equal(error.target, 'refused');
  assert.equal(typeof error.detail.kind, 'string');
  assert.ok(error.detail.message.length > 10, JSON.stringify(error.detail));
  assert.ok(!JSON.stringify(error).includes(bad), 'the token is not in the event');
  await page.locator('#refused').getByLabel('Auth token', { exact: true }).waitFor();
});

test('malformed credentials are refused with a sentence naming the field', async () => {
  const { page, errors } = ui;
  await page.goto(`${sim.url}/portal.html`);
  await mountIn(page, 'bad', {});
  const accepted = await page.evaluate(() =>
    window.__handles.bad.setCredentials({ userID: 'x', authToken: 'secret-value-1' }));
  assert.equal(accepted, false);
  const said = errors.join('\n');
  assert.match(said, /"userID"/);
  assert.match(said, /"userId" must be a non-empty string/);
  assert.ok(!said.includes('secret-value-1'));
});

test('refresh and setFilter reach the right widget only', async () => {
  const { page } = ui;
  const { left, right } = await openPortal(page);
  for (const w of [left, right]) {
    await signIn(w, { code: totp() });
    await whenLoaded(w);
  }
  await page.evaluate(() => document.getElementById('left').setFilter('o94SveQp6fyPsoiNC'));
  await left.locator('table tbody tr').filter({ hasText: 'o94SveQp6fyPsoiNC' }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#left table tbody tr').length === 1);
  assert.ok(await right.locator('table tbody tr').count() > 1, 'the other widget is not filtered');
  const before = (await events(page)).filter((e) => e.type === 'rcdm:loaded' && e.target === 'right').length;
  assert.equal(await page.evaluate(() => window.portalWidgets.right.refresh()), true);
  await page.waitForFunction((n) => window.__rcdmEvents.filter((e) => e.type === 'rcdm:loaded' && e.target === 'right').length > n, before);
  assert.equal((await events(page)).filter((e) => e.type === 'rcdm:loaded' && e.target === 'left').length, 1);
});

test('destroy leaves nothing: 100 mount/destroy cycles leak no node, listener, timer or wasm memory', async () => {
  const { page, errors } = ui;
  await page.goto(`${sim.url}/portal.html`);
  await page.locator('#right .rcdm').waitFor();
  const cycle = (n) => page.evaluate(async (n) => {
    const { mount, debugStats } = await import('./rc-device-manager.js');
    for (let i = 0; i < n; i++) {
      const host = document.createElement('section');
      document.body.append(host);
      const handle = await mount(host, { autoRefreshSeconds: 10, pageSize: 50 });
      if (!host.querySelector('.rcdm')) throw new Error('nothing mounted');
      handle.destroy();
      if (host.childNodes.length !== 0) throw new Error(`destroy left ${host.innerHTML}`);
      if (handle.refresh() !== false) throw new Error('a destroyed handle still takes commands');
      host.remove();
    }
    return debugStats();
  }, n);
  // Read after the counters: Yew unmounts in a microtask after destroy() returns.
  const timers = () => page.evaluate(() => window.__liveTimers());
  await cycle(3); // warm up: the pooled root, interned strings, the allocator's first pages
  const globalsBefore = await globalListeners(page);
  const before = { ...(await cycle(0)), ...(await domCounters(page)), timers: await timers() };
  const after = { ...(await cycle(100)), ...(await domCounters(page)), timers: await timers() };
  assert.deepEqual(after.counts, before.counts, 'live widgets and pooled roots');
  assert.deepEqual(after.counts, [2, 1], 'the portal\'s own two widgets, and one idle root reused by every cycle');
  // Closures the browser frees at its own pace can move the allocator's high-water mark by
  // one 64 KiB page once; a leak of more than 655 bytes a cycle still fails.
  assert.ok(after.wasmBytes - before.wasmBytes <= 65536,
    `wasm memory grew from ${before.wasmBytes} to ${after.wasmBytes} bytes in 100 cycles`);
  assert.equal(after.nodes, before.nodes, 'DOM nodes');
  assert.equal(after.jsEventListeners, before.jsEventListeners, 'JS event listeners');
  assert.equal(after.timers, before.timers, 'live timers');
  assert.deepEqual(await globalListeners(page), globalsBefore, 'listeners on window and document');
  assert.deepEqual(errors, []);
});

test('a signed-in widget with rows, details open and auto-refresh leaves nothing behind on destroy', async () => {
  const { page, errors } = ui;
  await page.goto(`${sim.url}/portal.html`);
  await page.locator('#right .rcdm').waitFor();
  const busyCycle = async (id) => {
    const w = await mountIn(page, id, { userId: ADMIN.userId, authToken: PAT, autoRefreshSeconds: 10 });
    const row = w.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' });
    await row.waitFor();
    await row.locator('td').nth(1).click();
    await w.getByRole('heading', { name: 'Device details' }).waitFor();
    const timersWhileMounted = await page.evaluate(() => window.__liveTimers());
    await page.evaluate((id) => { window.__handles[id].destroy(); document.getElementById(id).remove(); }, id);
    return timersWhileMounted;
  };
  const state = async () => ({
    ...(await domCounters(page)),
    timers: await page.evaluate(() => window.__liveTimers()),
    globals: await globalListeners(page),
  });
  // The first cycle leaves what is meant to stay: an idle pooled root with Yew's delegated
  // listeners, and Playwright's own click-check listeners on window. A second one adds nothing.
  await busyCycle('busy1');
  const before = await state();
  const whileMounted = await busyCycle('busy2');
  const after = await state();
  assert.ok(whileMounted > before.timers, 'the auto-refresh timer ran while mounted');
  assert.deepEqual(after.globals, before.globals, 'listeners on window and document');
  assert.equal(after.timers, before.timers, 'live timers (the auto-refresh interval is gone)');
  assert.equal(after.jsEventListeners, before.jsEventListeners, 'JS event listeners');
  assert.equal(after.nodes, before.nodes, 'DOM nodes');
  assert.deepEqual(errors, []);
});

test('the custom element maps attributes to options, follows attribute changes and destroys on removal', async () => {
  const { page, errors } = ui;
  const { left } = await openPortal(page);
  const root = left.locator('.rcdm');
  assert.equal(await root.getAttribute('data-theme'), 'light');
  await page.evaluate(() => document.getElementById('left').setAttribute('theme', 'dark'));
  await page.waitForFunction(() => document.querySelector('#left .rcdm')?.getAttribute('data-theme') === 'dark');
  const live = () => page.evaluate(async () => (await import('./rc-device-manager.js')).debugStats().counts[0]);
  assert.equal(await live(), 2);
  await page.evaluate(() => document.getElementById('left').remove());
  await page.waitForFunction(async () => (await import('./rc-device-manager.js')).debugStats().counts[0] === 1);
  // Moving an element keeps its widget (disconnect + reconnect in one task).
  await page.evaluate(() => document.body.prepend(document.getElementById('right')));
  assert.equal(await live(), 1);
  await page.locator('#right .rcdm').waitFor();
  assert.deepEqual(errors, []);
});

test('an attribute the app reads at start restarts the widget, signed in again with the portal\'s credentials', async () => {
  const { page, errors } = ui;
  const { left } = await openPortal(page);
  assert.equal(await page.evaluate(({ userId, authToken }) =>
    document.getElementById('left').setCredentials({ userId, authToken }), { userId: ADMIN.userId, authToken: PAT }), true);
  await whenLoaded(left);
  const loads = () => page.evaluate(() => window.__rcdmEvents.filter((e) => e.type === 'rcdm:loaded' && e.target === 'left').length);
  const first = await loads();
  const headers = async () => (await left.locator('table thead th').allTextContents()).join('|');
  assert.doesNotMatch(await headers(), /Version/);
  await page.evaluate(() => document.getElementById('left').setAttribute('columns', 'client version user'));
  await page.waitForFunction((n) => window.__rcdmEvents.filter((e) => e.type === 'rcdm:loaded' && e.target === 'left').length > n, first);
  await whenLoaded(left);
  assert.match(await headers(), /Version/);
  assert.equal(await left.getByLabel('Auth token', { exact: true }).count(), 0, 'no sign-in form: the credentials were given again');
  assert.deepEqual(errors, []);
});

test('isolation: the widget styles only inside .rcdm and leaves the portal untouched', async () => {
  const { page } = ui;
  await page.goto(`${sim.url}/portal.html`);
  await page.locator('#right .rcdm').waitFor();
  const unscoped = await page.evaluate(() => {
    const out = [];
    const walk = (rules, sheet) => {
      for (const r of rules) {
        if (r.selectorText !== undefined) {
          for (const sel of r.selectorText.split(',')) {
            if (!/^\s*\.rcdm\b/.test(sel)) out.push(`${sheet}: ${sel.trim()}`);
          }
        } else if (r.cssRules) walk(r.cssRules, sheet);
      }
    };
    for (const s of document.styleSheets) {
      if (s.ownerNode?.dataset?.rcdm !== undefined) walk(s.cssRules, s.href);
    }
    return out;
  });
  assert.deepEqual(unscoped, [], 'every app rule starts with .rcdm');
  const sheets = await page.evaluate(() => Array.from(document.querySelectorAll('link[data-rcdm]'), (l) => l.href));
  assert.ok(sheets.length >= 1, 'the app brought its stylesheets');
  // The portal's own look is the same with and without the widgets' styles.
  const look = () => page.evaluate(() => ['body', '.portal-header h1', '.portal-panel', '#portal-search-text']
    .map((s) => { const c = getComputedStyle(document.querySelector(s)); return [s, c.font, c.color, c.backgroundColor, c.margin, c.padding, c.borderRadius].join(' '); }));
  const withApp = await look();
  await page.evaluate(() => document.querySelectorAll('link[data-rcdm]').forEach((l) => { l.disabled = true; }));
  assert.deepEqual(await look(), withApp);
});

test('embedded widgets keep the page URL as it is (URL state is opt-in)', async () => {
  const { page } = ui;
  const { left } = await openPortal(page);
  const url = page.url();
  const entries = await page.evaluate(() => history.length);
  await signIn(left, { code: totp() });
  await whenLoaded(left);
  await page.evaluate(() => document.getElementById('left').setFilter('Chrome'));
  await page.waitForFunction(() => {
    const rows = Array.from(document.querySelectorAll('#left table tbody tr'));
    return rows.length > 0 && rows.every((r) => r.textContent.includes('Chrome'));
  });
  assert.equal(page.url(), url);
  assert.equal(await page.evaluate(() => history.length), entries, 'no history entries added');
});

test('urlState: true opts an embedded widget into mirroring its view in the page URL', async () => {
  const { page, errors } = ui;
  await page.goto(`${sim.url}/portal.html`);
  const before = page.url();
  const w = await mountIn(page, 'urled', { userId: ADMIN.userId, authToken: PAT, urlState: true });
  await whenLoaded(w);
  await page.evaluate(() => window.__handles.urled.setFilter('Chrome'));
  await page.waitForFunction((u) => location.href !== u, before);
  assert.ok(!page.url().includes(PAT), 'never the token');
  assert.deepEqual(errors, []);
});
