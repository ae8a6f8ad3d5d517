// The workspace end to end over rc-sim's 5,000 generated sessions (seed 3): search, regex,
// sort, paging, details, logout (single, own session, bulk), export, bookmarks, keyboard
// only, hostile text. Each test gets its own server: logouts change what it lists.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { totp, simControl } from './lib.mjs';
import {
  signedIn, status, statusMatches, parseStatus, search, column, serverLists, tabTo, focused, focusLandsOn,
} from './table-lib.mjs';

let s;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('search, regex with an inline error, sort, multi-sort and paging', async () => {
  s = await signedIn();
  const { page } = s;
  const all = parseStatus(await status(page));
  assert.ok(all.total >= 5000, `loaded ${all.total}`);
  assert.deepEqual((await page.locator('table.devices thead th').allTextContents()).map((h) => h.trim()),
    ['Client', 'Version', 'OS', 'User', 'Last login', 'Device ID', 'IP address']);

  const firefox = parseStatus(await search(page, 'firefox'));
  assert.ok(firefox.matched > 25 && firefox.matched < all.total, JSON.stringify(firefox));
  assert.ok((await column(page, 'client')).every((c) => /firefox/i.test(c)));

  await page.getByLabel('Regex', { exact: true }).check();
  await page.getByLabel('Search', { exact: true }).fill('^(firefox|edge');
  const alert = page.getByRole('alert').filter({ hasText: 'not a valid regular expression' });
  await alert.waitFor();
  assert.equal(await page.getByLabel('Search', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(parseStatus(await status(page)).matched, firefox.matched, 'the last valid rows stay');
  await page.getByLabel('Search', { exact: true }).fill('^(firefox|edge) ');
  await alert.waitFor({ state: 'detached' });
  const both = parseStatus(await statusMatches(page, /filtered from/));
  assert.ok(both.matched > firefox.matched);
  assert.ok((await column(page, 'client')).every((c) => /^(firefox|edge)/i.test(c)));

  // Sort by Client, then descending, then OS as a second key with shift.
  const clientTh = page.locator('table.devices thead th', { hasText: 'Client' });
  await clientTh.getByRole('button').click();
  await page.locator('table.devices thead th[aria-sort="ascending"]', { hasText: 'Client' }).waitFor();
  const asc = await column(page, 'client');
  assert.deepEqual(asc, [...asc].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  // A click anywhere in the header cell sorts, not only on its text: here its far corner.
  const box = await clientTh.boundingBox();
  await page.mouse.click(box.x + box.width - 2, box.y + box.height - 2);
  await page.locator('table.devices thead th[aria-sort="descending"]', { hasText: 'Client' }).waitFor();
  await page.locator('table.devices thead th', { hasText: 'OS' }).getByRole('button').click({ modifiers: ['Shift'] });
  await page.locator('table.devices thead th button[data-sort="▲2"]', { hasText: 'OS' }).waitFor();
  assert.equal(await clientTh.getByRole('button').getAttribute('data-sort'), '▼1');
  const clients = await column(page, 'client');
  const oses = await column(page, 'os');
  for (let i = 1; i < clients.length; i++) {
    if (clients[i] === clients[i - 1]) {
      assert.ok(oses[i - 1].localeCompare(oses[i], 'en', { sensitivity: 'base', numeric: true }) <= 0,
        `OS not ascending within ${clients[i]}: ${oses[i - 1]} > ${oses[i]}`);
    }
  }
  assert.equal(clients[0], 'Firefox', 'descending: Firefox before Edge');

  // Paging: next, last, go to, rows per page; the page resets when the search changes.
  await page.getByRole('button', { name: 'Next page' }).click();
  await statusMatches(page, /^26–50 of/);
  await page.getByRole('button', { name: 'Last page' }).click();
  const last = parseStatus(await statusMatches(page, new RegExp(`–${both.matched.toLocaleString('en-US')} of`)));
  assert.equal(last.to, both.matched);
  await page.getByLabel('Page', { exact: true }).fill('2');
  await page.getByLabel('Page', { exact: true }).press('Enter');
  await statusMatches(page, /^26–50 of/);
  await page.getByLabel('Rows per page').selectOption('100');
  await statusMatches(page, /^1–100 of/);
  assert.equal(await page.locator('table.devices tbody tr').count(), 100, 'only one page is in the DOM');
  await page.getByLabel('Search', { exact: true }).fill('^(firefox|edge) 1');
  await statusMatches(page, /^1–/);
  assert.deepEqual(s.errors, []);
});

test('Enter on a row opens every field, refreshed from the server, with copy buttons', async () => {
  s = await signedIn({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const { page } = s;
  const row = page.locator('table.devices tbody tr').nth(2);
  const id = (await row.locator('td.col.id').textContent()).trim();
  await row.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('aside.details');
  await panel.getByText('Up to date').waitFor();
  const labels = (await panel.locator('dt').allTextContents()).map((t) => t.trim());
  for (const want of ['Client', 'Version', 'Long version', 'OS', 'User ID', 'Last login', 'Device ID', 'IP address', 'Host']) {
    assert.ok(labels.includes(want), `${want} in ${labels}`);
  }
  const field = (label) => panel.locator('.field', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  assert.equal((await field('Device ID').locator('.value').textContent()).trim(), id);
  await field('Device ID').getByRole('button', { name: 'Copy Device ID' }).click();
  await field('Device ID').getByRole('button', { name: 'Copy Device ID' }).filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), id);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TR', 'focus back on the row');
  assert.deepEqual(s.errors, []);
});

test('logging out one device removes it here and on the server; the own session asks twice', async () => {
  s = await signedIn();
  const { page, sim } = s;
  const before = parseStatus(await status(page));
  const row = page.locator('table.devices tbody tr:not(.mine)').first();
  const id = (await row.locator('td.col.id').textContent()).trim();
  assert.equal(await serverLists(sim, id), true);
  await row.getByRole('button', { name: 'Log out device' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Device will be logged out from workspace and current session will be ended. User will be able to log in again with the same device.').waitFor();
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await page.locator('.toast', { hasText: 'Device logged out' }).waitFor();
  await page.locator('table.devices tbody tr', { hasText: id }).waitFor({ state: 'detached' });
  assert.equal(parseStatus(await status(page)).total, before.total - 1);
  assert.equal(await serverLists(sim, id), false, 'rc-sim still lists the session');

  // The session this page uses: "You", and a second question; cancelled here.
  const own = page.locator('table.devices tbody tr', { has: page.locator('.badge[title^="Your session"]') });
  await search(page, 'rcsimAdminUser001');
  await own.first().waitFor();
  await own.first().getByRole('button', { name: 'Log out device' }).click();
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await dialog.getByText('This is the session this page is signed in with; you will be signed out.').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(s.errors, []);
});

test('logging out the session this page uses signs the page out, with a sentence saying why', async () => {
  s = await signedIn();
  const { page, sim } = s;
  const own = page.locator('table.devices tbody tr', { has: page.locator('.badge[title^="Your session"]') });
  await search(page, 'rcsimAdminUser001');
  await own.first().waitFor();
  const id = (await own.first().locator('td.col.id').textContent()).trim();
  await own.first().getByRole('button', { name: 'Log out device' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await dialog.getByRole('button', { name: 'Log out and sign me out' }).click();
  // Back at the sign-in form, told why, with the token gone from the form.
  await page.getByRole('status').filter({ hasText: 'You logged out the session this page was using' }).waitFor();
  await page.getByRole('button', { name: 'Load sessions' }).waitFor();
  assert.equal(await page.locator('table.devices').count(), 0);
  assert.equal(await page.getByLabel('Auth token', { exact: true }).inputValue(), '');
  assert.equal(await serverLists(sim, id), false, 'rc-sim still lists the session');
  assert.deepEqual(s.errors, []);
});

test('bulk logout of every matching row: one confirmation, all gone here and on the server', async () => {
  s = await signedIn();
  const { page, sim } = s;
  // A user with a handful of sessions, none of them this page's own.
  const users = await column(page, 'user');
  let ids = [];
  for (const user of users.filter((u) => u && !u.includes('You')).slice(0, 10)) {
    const st = parseStatus(await search(page, user));
    if (st && st.matched >= 2 && st.matched <= 25 && (await page.locator('tbody tr.mine').count()) === 0) {
      ids = await column(page, 'id');
      break;
    }
  }
  assert.ok(ids.length >= 2, 'no user with 2–25 sessions on the first page');
  await page.getByLabel(/^Select all [\d,]+ matching devices$/).check();
  await page.getByRole('button', { name: `Log out ${ids.length} devices` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: `Log out ${ids.length} devices` }).waitFor();
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await page.locator('.toast', { hasText: `${ids.length} devices logged out` }).waitFor();
  await page.getByText('No sessions match').waitFor();
  for (const id of ids) assert.equal(await serverLists(sim, id), false, `${id} still listed`);
  assert.deepEqual(s.errors, []);
});

test('export writes the filtered, sorted view (all pages) as CSV and JSON', async () => {
  s = await signedIn();
  const { page } = s;
  const st = parseStatus(await search(page, 'android'));
  assert.ok(st.matched > 25, 'several pages');
  await page.locator('table.devices thead th', { hasText: 'Last login' }).getByRole('button').click();
  await page.locator('table.devices thead th[aria-sort="descending"]', { hasText: 'Last login' }).waitFor();
  const firstId = (await column(page, 'id'))[0];
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.match(csvDl.suggestedFilename(), /^devices-\d{4}-\d\d-\d\d\.csv$/);
  const csv = (await readFile(await csvDl.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  assert.match(lines[0], /^Client,Device type,Version,OS,User,Username,User ID,Last login,Login at \(UTC\),Device ID,IP,Host$/);
  assert.equal(lines.length - 1, st.matched, 'every matching row, not the page');
  assert.ok(lines[1].includes(firstId), 'in the order on screen');
  assert.ok(lines.slice(1).every((l) => !/^[=+\-@]/.test(l)), 'no cell starts a formula');
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  assert.match(jsonDl.suggestedFilename(), /^devices-\d{4}-\d\d-\d\d\.json$/);
  const rows = JSON.parse(await readFile(await jsonDl.path(), 'utf8'));
  assert.equal(rows.length, st.matched);
  assert.equal(rows[0].sessionId, firstId);
  assert.ok(rows.every((r) => JSON.stringify(r).toLowerCase().includes('android')));
  assert.deepEqual(s.errors, []);
});

test('a bookmarked view comes back after sign-in, and Back returns to the previous page', async () => {
  s = await signedIn({ path: '/?q=chrome&sort=-client,os&page=2&size=50' });
  const { page } = s;
  assert.equal(await page.getByLabel('Search', { exact: true }).inputValue(), 'chrome');
  await page.locator('table.devices thead th[aria-sort="descending"]', { hasText: 'Client' }).waitFor();
  assert.match(await status(page), /^51–100 of [\d,]+ \(filtered from/);
  await page.getByRole('button', { name: 'Next page' }).click();
  await statusMatches(page, /^101–150 of/);
  assert.match(page.url(), /page=3/);
  await page.goBack();
  await statusMatches(page, /^51–100 of/);
  assert.ok(!/token|2fa|code=/i.test(page.url()), page.url());
  assert.deepEqual(s.errors, []);
});

test('keyboard only: search, sort, page, details, logout with a trapped dialog, Escape', async () => {
  s = await signedIn();
  const { page, sim } = s;
  await tabTo(page, 'input[type=search]');
  await page.keyboard.type('chrome');
  await statusMatches(page, /filtered from/);
  await tabTo(page, 'th button.sort');
  await page.keyboard.press('Enter');
  await page.locator('table.devices thead th[aria-sort="ascending"]', { hasText: 'Client' }).waitFor();
  await tabTo(page, '[aria-label="Next page"]');
  await page.keyboard.press('Enter');
  await statusMatches(page, /^26–50 of/);
  // Back up to the table's one tab stop, then open the first row.
  await tabTo(page, 'tbody tr', { shift: true });
  const id = await page.evaluate(() => document.activeElement.querySelector('td.col.id').textContent.trim());
  await page.keyboard.press('Enter');
  await page.locator('aside.details').waitFor();
  await tabTo(page, 'aside.details button.danger');
  await page.keyboard.press('Space');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal(await focused(page), 'Cancel');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Log out');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'Cancel', 'focus stays in the dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await focusLandsOn(page, 'Log out device'); // focus returns to the button
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('.toast', { hasText: 'Device logged out' }).waitFor();
  await page.locator('table.devices tbody tr', { hasText: id }).waitFor({ state: 'detached' });
  // Focus lands on a row of the table, not on the page body.
  await page.waitForFunction(() => document.activeElement?.tagName === 'TR', null, { timeout: 5000 });
  assert.equal(await serverLists(sim, id), false);
  assert.deepEqual(s.errors, []);
});

test('hostile names and devices render as text: no element, no dialog', async () => {
  s = await signedIn();
  const { page } = s;
  const st = parseStatus(await search(page, 'onerror'));
  assert.ok(st && st.matched > 0, 'rc-sim seeds hostile rows');
  const text = (await page.locator('table.devices tbody').textContent());
  assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'shown as text');
  assert.equal(await page.locator('table.devices tbody img, table.devices tbody script').count(), 0);
  await search(page, 'script');
  await page.locator('table.devices tbody tr').first().click();
  await page.locator('aside.details').waitFor();
  assert.equal(await page.locator('aside.details img, aside.details script').count(), 0);
  await page.getByRole('button', { name: 'Overview' }).click();
  await page.locator('section.overview svg').first().waitFor();
  assert.equal(await page.locator('section.overview img, section.overview script').count(), 0);
  assert.deepEqual(s.dialogs, [], 'the page opened a dialog');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(s.errors, []);
});

test('a logout the server wants a 2FA code for asks once in place, then finishes the bulk run', async () => {
  s = await signedIn({ args: ['--sessions', '500', '--seed', '3', '--test-control'] });
  const { page, sim } = s;
  await simControl(sim, 'expire-2fa', {});
  const rows = page.locator('table.devices tbody tr:not(.mine)');
  const ids = [];
  for (let i = 0; i < 3; i++) {
    ids.push((await rows.nth(i).locator('td.col.id').textContent()).trim());
    await rows.nth(i).locator('td.sel input').check();
  }
  await page.getByRole('button', { name: 'Log out 3 devices' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Log out', exact: true }).click();
  // The shell's code prompt, above the running logout dialog: one prompt for all three.
  const code = page.locator('input[name="prompt-code"]');
  await code.waitFor();
  assert.equal(await code.count(), 1);
  await code.fill(totp());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.toast', { hasText: '3 devices logged out' }).waitFor();
  for (const id of ids) assert.equal(await serverLists(sim, id), false, `${id} still listed`);
  // The challenges themselves (400 totp-required) are logged by the browser, nothing else.
  assert.deepEqual(s.errors.filter((e) => !/status of 400/.test(e)), []);
});
