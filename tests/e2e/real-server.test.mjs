// The app against rc-sim configured as real workspaces may be (contract §1, §3): a server
// before 8.7 that never says which session is the caller's, page caps other than 100, 2FA
// remembering off or 2FA off entirely, a remembered window that runs out mid-load, and a
// server (or proxy) that lies about its count, pads its answers, answers info.admin with
// another session or rate-limits with Retry-After. Each test has its own rc-sim.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSim, openBrowser, signIn, totp, USERS, ADMIN, simControl, emailCode, loadedCount,
} from './lib.mjs';
import { search, serverLists, parseStatus, status } from './table-lib.mjs';

let sim;
let ui;
/** rc-sim with `args`, a browser on it, and every list.all request the page sends. */
async function open(args = []) {
  sim = await startSim(['--test-control', ...args]);
  ui = await openBrowser();
  const lists = [];
  ui.page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/api/v1/sessions/list.all')) lists.push(url);
  });
  await ui.page.goto(sim.url);
  return { page: ui.page, lists };
}
async function close() {
  await ui?.browser.close();
  await sim?.stop();
  ui = undefined;
  sim = undefined;
}
afterEach(close);

const note = (page) => page.locator('.note.shortfall');

test('before 8.7 (no `current` anywhere): every own session is asked about twice, logged out last, and the page signs out cleanly', async () => {
  const { page } = await open(['--sessions', '200', '--seed', '3', '--mark-current', 'off']);
  // A second session of the same admin, from a password login elsewhere.
  const login = await fetch(`${sim.url}/api/v1/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: 'admin', password: USERS.admin.password, code: totp() }),
  });
  assert.equal(login.status, 200);
  await signIn(page, { code: totp() });
  await loadedCount(page);
  const st = parseStatus(await search(page, ADMIN.userId));
  assert.equal(st.matched, 2, 'the admin has two sessions');
  // Neither is claimed as "the one this page uses": the server did not say.
  assert.equal(await page.locator('.badge[title="One of your own sessions"]').count(), 2);
  assert.equal(await page.locator('.badge[title^="Your session"]').count(), 0);
  const ids = (await page.locator('table.devices tbody td.col.id').allTextContents()).map((t) => t.trim());
  await page.getByLabel(/^Select all [\d,]+ matching devices$/).check();
  await page.getByRole('button', { name: 'Log out 2 devices' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Log out', exact: true }).click();
  await dialog.getByText('does not say which session this page is signed in with').waitFor();
  await dialog.getByRole('button', { name: 'Log out, even if it signs me out' }).click();
  await page.getByRole('status').filter({ hasText: 'You logged out the session this page was using' }).waitFor();
  await page.getByRole('button', { name: 'Load sessions' }).waitFor();
  for (const id of ids) assert.equal(await serverLists(sim, id), false, `${id} still listed`);
  // One 401, the GET me that found the token gone (the browser logs every 4xx); no cascade.
  const unauthorized = ui.errors.filter((e) => /status of 401/.test(e));
  assert.ok(unauthorized.length <= 1, ui.errors.join('\n'));
  assert.deepEqual(ui.errors.filter((e) => !/status of 401/.test(e)), []);
});

test('page caps of 7 and 1,000 (API_Upper_Count_Limit): every session, in the fewest pages', async () => {
  for (const cap of [7, 1000]) {
    const { page, lists } = await open(['--sessions', '1500', '--seed', '5', '--count-cap', String(cap)]);
    await signIn(page, { code: totp() });
    const { loaded, total } = await loadedCount(page);
    assert.equal(loaded, total, `cap ${cap}`);
    assert.ok(total >= 1500);
    const pages = Math.ceil(total / cap);
    assert.ok(lists.length <= pages + 1, `cap ${cap}: ${lists.length} requests for ${pages} pages`);
    assert.equal(lists[0].searchParams.get('count'), '1000', 'the first page asks for large pages');
    assert.ok(lists.slice(1).every((u) => u.searchParams.get('count') === String(cap)), `cap ${cap}`);
    assert.deepEqual(ui.errors, []);
    await close();
  }
});

test('remembering 2FA off: one authenticator code loads every page without a prompt', async () => {
  const { page, lists } = await open(['--sessions', '900', '--count-cap', '50', '--remember-for', '0']);
  await signIn(page, { code: totp() });
  const { loaded, total } = await loadedCount(page);
  assert.equal(loaded, total);
  assert.equal(await page.getByRole('dialog').count(), 0, 'no prompt');
  assert.ok(lists.length > 10);
  assert.equal(await note(page).count(), 0);
});

test('remembering 2FA off with e-mailed codes: the rows read are kept and the page says what is needed', async () => {
  const { page } = await open(['--sessions', '900', '--count-cap', '50', '--remember-for', '0']);
  await page.getByLabel('User ID', { exact: true }).fill(USERS.email.userId);
  await page.getByLabel('Auth token', { exact: true }).fill(USERS.email.token);
  await page.getByRole('button', { name: 'Send code by email' }).click();
  await page.getByText('Code sent to emailuser.', { exact: false }).waitFor();
  await page.getByLabel('2FA code', { exact: true }).fill(await emailCode(sim));
  await page.getByRole('button', { name: 'Load sessions' }).click();
  await note(page).getByText('e-mailed code works only once: a full load needs an authenticator app').waitFor();
  const { loaded, total } = await loadedCount(page);
  assert.ok(loaded >= 50 && loaded < total, `${loaded} of ${total}`);
  assert.equal(await page.getByRole('dialog').count(), 0, 'no prompt per page');
  assert.ok(await page.locator('table.devices tbody tr').count() > 0);
});

test('2FA off for the workspace: no code is ever asked for', async () => {
  const { page } = await open(['--sessions', '300', '--twofa', 'off']);
  await signIn(page, { code: '' });
  const { loaded, total } = await loadedCount(page);
  assert.equal(loaded, total);
  assert.equal(await page.getByRole('dialog').count(), 0);
});

test('the remembered window running out mid-load asks once in place and the load goes on', async () => {
  const { page } = await open(['--sessions', '3000', '--latency-ms', '150']);
  await signIn(page, { code: totp() });
  const first = await loadedCount(page);
  await simControl(sim, 'sessions', { count: 3 });
  // Refresh goes without a code (the window is remembered); it runs out after page one.
  await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
  await page.getByText(/^Loaded [\d,]+ of [\d,]+ sessions/).waitFor();
  await simControl(sim, 'expire-2fa', {});
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Code from your authenticator app').fill(totp());
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(`${(first.total + 3).toLocaleString('en-US')} sessions loaded`).waitFor();
  assert.equal(await note(page).count(), 0, 'nothing missing');
  // The browser logs each challenge (a 400) it was answered with; nothing else went wrong.
  assert.deepEqual(ui.errors.filter((e) => !/status of 400/.test(e)), []);
});

test('a lying total (10^12, negative, fractional, jumping) shows the rows that exist in few requests', async () => {
  const cases = [
    [['--lying-total', '1000000000000'], /count of sessions \(1000000000000\) and the rows it sent disagree/],
    [['--lying-total', '-5'], /no usable count of sessions/],
    [['--lying-total', '1.5'], /no usable count of sessions/],
    [['--total-jump', '100000'], null],
  ];
  for (const [args, sentence] of cases) {
    const { page, lists } = await open(['--sessions', '400', '--seed', '9', ...args]);
    await signIn(page, { code: totp() });
    await page.locator('table.devices tbody tr').first().waitFor();
    const { loaded, total } = await loadedCount(page);
    assert.ok(loaded >= 400 && loaded <= 405, `${args}: loaded ${loaded}`);
    if (sentence) {
      await note(page).filter({ hasText: sentence }).waitFor();
      assert.equal(total, loaded, `${args}: the header counts the rows that exist`);
    }
    assert.ok(lists.length <= 6 * 12, `${args}: ${lists.length} requests`);
    assert.deepEqual(ui.errors, [], `${args}`);
    await close();
  }
});

test('an answer over 64 MB is refused with a sentence before it is held', async () => {
  const { page } = await open(['--sessions', '50', '--pad-bytes', String(70 * 1024 * 1024)]);
  await signIn(page, { code: totp() });
  await page.getByRole('alert').getByText('larger than 64 MB').waitFor();
  assert.deepEqual(ui.errors, []);
  // The page is alive: the form still answers.
  await page.getByRole('button', { name: 'Load sessions' }).waitFor();
});

test('info.admin answering another session: its details are not shown as this one', async () => {
  const { page } = await open(['--sessions', '60', '--info-wrong-id']);
  await signIn(page, { code: totp() });
  await loadedCount(page);
  const row = page.locator('table.devices tbody tr').nth(3);
  const id = (await row.locator('td.col.id').textContent()).trim();
  await row.click();
  const details = page.locator('.details');
  await details.getByText("another session's details").waitFor();
  assert.ok((await details.textContent()).includes(id), 'the list row is still shown');
});

test('a proxy rate-limiting with Retry-After: the load waits and completes', async () => {
  const { page } = await open(['--sessions', '800', '--proxy-429', '0.3', '--retry-after-secs', '1']);
  await signIn(page, { code: totp() });
  const { loaded, total } = await loadedCount(page);
  assert.equal(loaded, total);
  assert.equal(await note(page).count(), 0);
  assert.ok((await status(page)).length > 0);
});
