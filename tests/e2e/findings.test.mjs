// Session hygiene (#14) against rc-sim: each finding's count and rows, keep-newest-N, the
// logout preview, the report (refusals, retry, already gone), the verification after a logout
// the server ignored, the logout record and its export and events, and new/gone marks after a
// refresh. Each test gets its own server: logouts change what it lists.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSim, openBrowser, signIn, totp, simControl, ADMIN, USERS } from './lib.mjs';
import { statusMatches, parseStatus, status, column, serverLists } from './table-lib.mjs';
import { mountIn, PAT } from './embed-helpers.mjs';

const NO2FA_ID = 'rcsimNo2faUser001';
const DAY = 86_400_000;
let s;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** rc-sim (after `before(sim)` set up its data), a browser, signed in with the table loaded. */
async function start({ args = [], before = async () => {} } = {}) {
  const sim = await startSim(['--sessions', '400', '--seed', '5', '--test-control', ...args]);
  await before(sim);
  const ui = await openBrowser();
  await ui.page.goto(sim.url + '/');
  await signIn(ui.page, { code: totp() });
  await loaded(ui.page);
  return { sim, ...ui, async close() { await ui.browser.close(); await sim.stop(); } };
}

/** rc-sim with `sessions` generated rows and a browser at `path`, not signed in. */
async function opened(sessions, path) {
  const sim = await startSim(['--sessions', String(sessions), '--seed', '5']);
  const ui = await openBrowser();
  await ui.page.goto(sim.url + path);
  return { sim, ...ui, async close() { await ui.browser.close(); await sim.stop(); } };
}

async function loaded(page) {
  await page.locator('header.rcdm-bar p.loaded', { hasText: /sessions? loaded/ }).waitFor();
  await page.locator('table.devices tbody tr').first().waitFor();
  await page.locator('.pager .status', { hasText: / of [\d,]+/ }).waitFor();
}

/** Every session rc-sim lists now (admin PAT, outside the page); `filter` narrows on the server. */
async function serverRows(sim, filter = '') {
  const out = new Map();
  for (let offset = 0; ; offset += 100) {
    const res = await fetch(`${sim.url}/api/v1/sessions/list.all?count=100&offset=${offset}&filter=${encodeURIComponent(filter)}`, {
      headers: { 'X-User-Id': USERS.adminPat.userId, 'X-Auth-Token': USERS.adminPat.token },
    });
    const body = await res.json();
    for (const r of body.sessions) out.set(r._id, r);
    if (body.sessions.length === 0 || offset + 100 >= body.total) break;
  }
  return [...out.values()];
}

const ofUser = (rows, id) => rows.filter((r) => r.userId === id);

async function addLogins(sim, count, userId, ip = '192.0.2.7') {
  return (await simControl(sim, 'sessions', { count, userId, ip })).added;
}

/** Ticks the first `n` rows that are not the admin's own in `scope`; returns their ids. */
async function selectOthers(scope, n) {
  const rows = scope.locator('table.devices tbody tr:not(.mine)');
  const ids = [];
  for (let i = 0; i < n; i++) {
    ids.push((await rows.nth(i).locator('td.col.id').textContent()).trim());
    await rows.nth(i).locator('td.sel input').check();
  }
  return ids;
}

async function openFindings(page) {
  await page.locator('button.findings-toggle').click();
  const panel = page.locator('section.findings');
  await panel.getByRole('heading', { name: 'Findings' }).waitFor();
  return panel;
}

/** The first number beside a finding in the panel. */
async function countOf(panel, key) {
  const text = await panel.locator(`li[data-finding="${key}"] .count`).textContent();
  return Number(/^([\d,]+)/.exec(text.trim())[1].replaceAll(',', ''));
}

async function show(panel, key) {
  await panel.locator(`li[data-finding="${key}"]`).getByRole('button', { name: /^Show: / }).click();
}

async function applySettings(panel, { stale, many, versions, networks } = {}) {
  if (stale !== undefined) await panel.getByLabel('Stale after (days)', { exact: true }).fill(String(stale));
  if (many !== undefined) await panel.getByLabel('Too many: more sessions than', { exact: true }).fill(String(many));
  if (versions !== undefined) await panel.getByLabel('Minimum versions', { exact: true }).fill(versions);
  if (networks !== undefined) await panel.getByLabel('Trusted networks', { exact: true }).fill(networks);
  await panel.getByRole('button', { name: 'Apply' }).click();
}

/** The matched count of the status line once it says it is filtered. */
async function matched(page) {
  return parseStatus(await statusMatches(page, /filtered from/)).matched;
}

test('each finding counts what the server lists, and Show filters the table to exactly those rows', async () => {
  s = await start({ before: (sim) => addLogins(sim, 12, NO2FA_ID) });
  const { page, sim } = s;
  const rows = await serverRows(sim);
  const panel = await openFindings(page);

  // Stale: a login over N days ago (N edited to 30 so the data set has some).
  await applySettings(panel, { stale: 30 });
  const now = Date.now();
  const stale = rows.filter((r) => r.loginAt && Date.parse(r.loginAt) < now - 30 * DAY).length;
  await panel.locator('li[data-finding="stale"] .finding-name', { hasText: 'over 30 days' }).waitFor();
  assert.equal(await countOf(panel, 'stale'), stale);
  assert.ok(stale > 0, 'the data set has stale sessions');
  await show(panel, 'stale');
  assert.equal(await matched(page), stale);
  assert.match(page.url(), /stale=30/);
  await page.locator('.chips .chip', { hasText: 'Stale: last login over 30 days ago' }).click();
  await statusMatches(page, /^1–25 of [\d,]+$/);

  // Too many per user: no2fa has 12 added logins and their own.
  const byUser = new Map();
  for (const r of rows) if (r.userId) byUser.set(r.userId, (byUser.get(r.userId) ?? 0) + 1);
  const over = [...byUser.values()].filter((n) => n > 10);
  assert.equal(await countOf(panel, 'many'), over.reduce((a, b) => a + b, 0));
  await show(panel, 'many');
  assert.equal(await matched(page), over.reduce((a, b) => a + b, 0));
  // Combined with the search: only no2fa's rows.
  await page.getByLabel('Search', { exact: true }).fill('No Twofactor');
  await statusMatches(page, new RegExp(`of ${ofUser(rows, NO2FA_ID).length} \\(filtered`));
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await statusMatches(page, /^1–25 of [\d,]+$/);

  // Duplicates: the 12 added logins share user, client, OS and IP.
  assert.ok(await countOf(panel, 'dup') >= 12);
  await show(panel, 'dup');
  assert.equal(await matched(page), await countOf(panel, 'dup'));
  await page.locator('.chips .chip', { hasText: 'Duplicates' }).click();

  // Orphaned: rows without `_user`.
  const orphaned = rows.filter((r) => !r._user).length;
  assert.equal(await countOf(panel, 'orphan'), orphaned);

  // Outside trusted networks: every row whose IP is not in 192.0.2.0/24 (the added logins').
  await applySettings(panel, { networks: '192.0.2.0/24 Lab\n10.0.0.0/33 Broken' });
  await panel.locator('.field-errors', { hasText: 'Line 2:' }).waitFor();
  assert.equal(await countOf(panel, 'untrusted'), 0, 'a form with a bad line changes nothing');
  await applySettings(panel, { networks: '192.0.2.0/24 Lab' });
  await panel.locator('.field-errors').waitFor({ state: 'detached' });
  const inLab = rows.filter((r) => /^(::ffff:)?192\.0\.2\.\d+$/i.test((r.ip ?? '').split(',')[0].trim())).length;
  assert.equal(await countOf(panel, 'untrusted'), rows.length - inLab);
  await show(panel, 'untrusted');
  assert.equal(await matched(page), rows.length - inLab);
  assert.ok((await column(page, 'ip')).every((ip) => !ip.startsWith('192.0.2.')));

  // Outdated: a minimum for Chrome above every version the data set has: every Chrome row.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await applySettings(panel, { versions: 'Chrome 9999' });
  await panel.locator('li[data-finding="outdated"] .note').waitFor({ state: 'detached' });
  const outdated = await countOf(panel, 'outdated');
  assert.ok(outdated > 0);
  await show(panel, 'outdated');
  assert.equal(await matched(page), outdated);
  assert.ok((await column(page, 'client')).every((c) => c === 'Chrome'));
  assert.deepEqual(s.errors, []);
});

test('a bad finding in a link is said, not guessed at', async () => {
  s = await opened(50, '/?stale=0&dup=1');
  const ui = s;
  await signIn(ui.page, { code: totp() });
  await ui.page.locator('.toast', { hasText: 'stale=0 is not valid: use a whole number from 1 to 36500.' }).waitFor();
  await ui.page.locator('.chips .chip', { hasText: 'Duplicates' }).waitFor();
  assert.equal(await ui.page.locator('.chips .chip', { hasText: 'Stale' }).count(), 0);
  assert.deepEqual(ui.errors, []);
});

test('keep the newest N of one user: the preview names exactly what ends, the rest stays', async () => {
  s = await start({ before: (sim) => addLogins(sim, 15, NO2FA_ID) });
  const { page, sim } = s;
  const before = ofUser(await serverRows(sim), NO2FA_ID);
  assert.equal(before.length, 16);
  const byNewest = [...before].sort((a, b) => Date.parse(b.loginAt) - Date.parse(a.loginAt)
    || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  const panel = await openFindings(page);
  await panel.getByRole('button', { name: 'Keep the newest 10 of No Twofactor (16), log out the rest' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Log out 6 devices' }).waitFor();
  // The preview: per user, per client, the first rows.
  assert.equal((await dialog.locator('.per-user li').allTextContents()).join('|'), 'No Twofactor: 6');
  assert.equal(await dialog.locator('.first-rows li').count(), 6);
  const listed = (await dialog.locator('.first-rows li code').allTextContents()).sort();
  assert.deepEqual(listed, byNewest.slice(10).map((r) => r._id).sort());
  assert.equal(await dialog.locator('.own-note').count(), 0, 'none of them is the admin\'s');
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await page.locator('.toast', { hasText: '6 devices logged out' }).waitFor();
  await dialog.locator('.summary', { hasText: '6 ended, 0 already gone, 0 refused.' }).waitFor();
  await dialog.locator('.verify', { hasText: 'Verified: none of the ended sessions is still signed in.' }).waitFor();
  const after = ofUser(await serverRows(sim), NO2FA_ID).map((r) => r._id).sort();
  assert.deepEqual(after, byNewest.slice(0, 10).map((r) => r._id).sort(), 'the 10 newest stay');
  assert.deepEqual(s.errors, []);
});

test('the preview calls out the admin\'s own sessions', async () => {
  s = await start();
  const { page } = s;
  await page.getByLabel('Search', { exact: true }).fill('admin');
  await statusMatches(page, /filtered from/);
  const mine = page.locator('table.devices tbody tr.mine');
  await mine.first().waitFor();
  await page.getByLabel(/^Select all [\d,]+ matching devices?$/).check();
  await page.locator('.bulk button.danger').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.own-note', { hasText: /of these (is|are) yours\./ }).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(s.errors, []);
});

test('the report gives each row\'s result, and Retry failures ends the refused ones', async () => {
  s = await start();
  const { page, sim } = s;
  const ids = await selectOthers(page, 3);
  // The licence off: every logout refused at once (400 error-action-not-allowed).
  await simControl(sim, 'licence', { enabled: false });
  await page.getByRole('button', { name: 'Log out 3 devices' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await dialog.locator('.summary', { hasText: '0 ended, 0 already gone, 3 refused.' }).waitFor();
  assert.equal(await dialog.locator('li.result.refused .why').count(), 3);
  assert.ok((await dialog.locator('li.result.refused .why').first().textContent()).length > 2, 'the reason is given');
  // Licence back: the retry ends them (a session already ended elsewhere also answers 200 on
  // rc-sim, as on the server, so "already gone" is only a 404 for an unknown id).
  await simControl(sim, 'licence', { enabled: true });
  await dialog.getByRole('button', { name: 'Retry failures' }).click();
  await dialog.locator('.summary', { hasText: '3 ended, 0 already gone, 0 refused.' }).waitFor();
  await dialog.locator('.verify', { hasText: 'Verified' }).waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Retry failures' }).count(), 0);
  for (const id of ids) assert.equal(await serverLists(sim, id), false, `${id} still listed`);
  assert.deepEqual(s.errors.filter((e) => !/status of 400/.test(e)), []);
});

test('verification: sessions the server said it ended but kept are flagged', async () => {
  s = await start();
  const { page, sim } = s;
  await simControl(sim, 'faults', { logout_ignored: true });
  const ids = await selectOthers(page, 2);
  await page.getByRole('button', { name: 'Log out 2 devices' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await dialog.locator('.summary', { hasText: '2 ended, 0 already gone, 0 refused.' }).waitFor();
  await dialog.locator('.verify', { hasText: '2 sessions are still signed in after the server said they ended' }).waitFor();
  const flagged = await dialog.locator('li.survived-row').evaluateAll((els) => els.map((e) => e.dataset.session).sort());
  assert.deepEqual(flagged, [...ids].sort());
  for (const id of ids) assert.equal(await serverLists(sim, id), true, 'rc-sim kept it');
  assert.deepEqual(s.errors, []);
});

test('embedded: findings settings from options, the logout record, its CSV export and rcdm:logout events', async () => {
  s = await opened(200, '/portal.html');
  const ui = s;
  const { page } = ui;
  const w = await mountIn(page, 'hyg', {
    userId: ADMIN.userId, authToken: PAT,
    findings: { staleDays: 45, maxPerUser: 3, trustedNetworks: ['10.0.0.0/8 Office'] },
  });
  await page.evaluate(() => {
    window.__logouts = [];
    document.getElementById('hyg').addEventListener('rcdm:logout', (e) => window.__logouts.push(e.detail));
  });
  await w.locator('table.devices tbody tr').first().waitFor();
  await w.locator('button.findings-toggle').click();
  await w.locator('li[data-finding="stale"] .finding-name', { hasText: 'over 45 days' }).waitFor();
  await w.locator('li[data-finding="many"] .finding-name', { hasText: 'over 3 sessions' }).waitFor();
  assert.equal((await w.getByLabel('Trusted networks', { exact: true }).inputValue()).trim(), '10.0.0.0/8 Office');
  await w.locator('button.findings-toggle').click();

  const ids = await selectOthers(w, 2);
  await w.getByRole('button', { name: 'Log out 2 devices' }).click();
  await w.getByRole('dialog').getByRole('button', { name: 'Log out', exact: true }).click();
  await w.locator('.dialog .verify', { hasText: 'Verified' }).waitFor();
  await w.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  const events = await page.evaluate(() => window.__logouts);
  assert.deepEqual(events.map((e) => e.sessionId).sort(), [...ids].sort());
  for (const e of events) {
    assert.equal(e.result, 'ended');
    assert.equal(e.adminId, ADMIN.userId);
    assert.ok(!JSON.stringify(e).includes(PAT), 'no token in the event');
  }
  await w.getByRole('button', { name: 'Logout record (2)' }).click();
  const log = w.locator('section.logout-log');
  assert.equal(await log.locator('tbody tr').count(), 2);
  const [dl] = await Promise.all([page.waitForEvent('download'), log.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.match(dl.suggestedFilename(), /^logouts-\d{4}-\d\d-\d\d\.csv$/);
  const csv = (await readFile(await dl.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'When (UTC),Admin user ID,Device ID,User ID,Username,Client,IP,Result,Reason');
  assert.equal(lines.length, 3);
  for (const id of ids) assert.ok(lines.some((l) => l.includes(id) && l.includes(',Ended,')), id);
  assert.ok(!csv.includes(PAT));
  assert.deepEqual(ui.errors, []);
});

test('new and gone since the last load: new logins marked, a session ended elsewhere listed', async () => {
  s = await start({ args: ['--login-rate', '2'] });
  const { page, sim } = s;
  const victim = (await page.locator('table.devices tbody tr:not(.mine) td.col.id').first().textContent()).trim();
  const res = await fetch(`${sim.url}/api/v1/sessions/logout`, {
    method: 'POST',
    headers: { 'X-User-Id': USERS.adminPat.userId, 'X-Auth-Token': USERS.adminPat.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ sessionId: victim }),
  });
  assert.equal(res.status, 200);
  // rc-sim's own logins (`--login-rate`) go on; two more made now are certainly new.
  const added = await addLogins(sim, 2, NO2FA_ID);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByLabel('Search', { exact: true }).fill(added[0]);
  await page.locator('table.devices tbody tr', { hasText: added[0] }).locator('.badge-new').waitFor();
  await page.getByLabel('Search', { exact: true }).fill('');
  await statusMatches(page, /^1–25 of [\d,]+$/);
  const marked = await page.locator('table.devices tbody tr:has(.badge-new) td.col.id').allTextContents();
  assert.ok(marked.length >= 2, 'the new logins, on the first page (newest first)');
  assert.ok(added.every((id) => marked.map((t) => t.trim()).includes(id)), `${added} in ${marked}`);
  const panel = await openFindings(page);
  await panel.locator('.gone-list li', { hasText: victim }).waitFor();
  assert.match(await status(page), /of [\d,]+/);
  assert.deepEqual(s.errors, []);
});

test('the custom element\'s findings attributes set the panel, and a change applies in place', async () => {
  s = await opened(100, '/portal.html');
  const ui = s;
  const { page } = ui;
  const left = page.locator('#left');
  await left.locator('.rcdm').waitFor();
  await page.evaluate(() => {
    const el = document.getElementById('left');
    el.setAttribute('stale-days', '45');
    el.setAttribute('max-per-user', '3');
    el.setAttribute('min-versions', 'desktop-app=4.0.0 Chrome=120');
    el.setAttribute('trusted-networks', '10.0.0.0/8 Office; 2001:db8::/32 VPN');
  });
  assert.equal(await page.evaluate(({ userId, authToken }) =>
    document.getElementById('left').setCredentials({ userId, authToken }), { userId: ADMIN.userId, authToken: PAT }), true);
  await left.locator('table.devices tbody tr').first().waitFor();
  await left.locator('button.findings-toggle').click();
  await left.locator('li[data-finding="stale"] .finding-name', { hasText: 'over 45 days' }).waitFor();
  await left.locator('li[data-finding="many"] .finding-name', { hasText: 'over 3 sessions' }).waitFor();
  assert.equal((await left.getByLabel('Trusted networks', { exact: true }).inputValue()).trim(),
    '10.0.0.0/8 Office\n2001:db8::/32 VPN');
  assert.equal((await left.getByLabel('Minimum versions', { exact: true }).inputValue()).trim(),
    'desktop-app 4.0.0\nChrome 120');
  await page.evaluate(() => document.getElementById('left').setAttribute('stale-days', '7'));
  await left.locator('li[data-finding="stale"] .finding-name', { hasText: 'over 7 days' }).waitFor();
  assert.deepEqual(ui.errors, []);
});
