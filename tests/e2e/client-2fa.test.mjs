// Every way of signing in, end to end against rc-sim: e-mailed codes, the password fallback,
// a personal access token, username + password (+ code), and a code asked for again in the
// middle of a session without losing what was loaded. Each test has its own rc-sim.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSim, openBrowser, signIn, totp, USERS, simControl, emailCode, loadedCount,
} from './lib.mjs';

let sim;
let ui;
async function open(args = []) {
  sim = await startSim(['--test-control', ...args]);
  ui = await openBrowser();
  await ui.page.goto(sim.url);
  return ui.page;
}
afterEach(async () => {
  await ui?.browser.close();
  await sim?.stop();
  ui = undefined;
  sim = undefined;
});

const label = (page, text) => page.getByLabel(text, { exact: true });
const loadButton = (page) => page.getByRole('button', { name: 'Load sessions' });

test('e-mail 2FA: "Send code by email" says where it went, and that code signs in', async () => {
  const page = await open();
  await label(page, 'User ID').fill(USERS.email.userId);
  await label(page, 'Auth token').fill(USERS.email.token);
  await page.getByRole('button', { name: 'Send code by email' }).click();
  await page.getByText('Code sent to emailuser.', { exact: false }).waitFor();
  await label(page, '2FA code').fill(await emailCode(sim));
  await loadButton(page).click();
  const { loaded } = await loadedCount(page);
  assert.ok(loaded >= 1);
  assert.equal(await page.getByRole('dialog').count(), 0, 'no prompt was needed');
});

test('e-mail 2FA without asking first: the prompt says the code was sent and takes it', async () => {
  const page = await open();
  await signIn(page, { userId: USERS.email.userId, token: USERS.email.token, code: '' });
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Code sent to emailuser.').waitFor();
  await dialog.getByLabel('Code from the e-mail').fill(await emailCode(sim));
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await loadedCount(page);
});

test('too many wrong e-mailed codes is said plainly', async () => {
  const page = await open();
  await signIn(page, { userId: USERS.email.userId, token: USERS.email.token, code: '' });
  const dialog = page.getByRole('dialog');
  const good = await emailCode(sim);
  const bad = good === '000000' ? '111111' : '000000';
  for (let i = 0; i < 5; i++) {
    await dialog.getByLabel('Code from the e-mail').fill(bad);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    if (i < 4) await dialog.getByRole('alert').getByText(/not accepted/).waitFor();
  }
  const alert = page.locator('form').getByRole('alert');
  await alert.getByText('Too many wrong two-factor codes have been tried.').waitFor();
  assert.match(await alert.textContent(), /Ask for a new e-mailed code/);
  assert.equal(await page.getByRole('dialog').count(), 0);
});

test('password fallback: a user without 2FA confirms with the account password', async () => {
  const page = await open();
  await signIn(page, { userId: USERS.no2fa.userId, token: USERS.no2fa.token, code: '' });
  const dialog = page.getByRole('dialog', { name: 'Confirm your password' });
  const field = dialog.getByLabel('Account password');
  assert.equal(await field.getAttribute('type'), 'password');
  await field.fill('not-the-password');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('alert').getByText('The server did not accept the password.').waitFor();
  await field.fill(USERS.no2fa.password);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await loadedCount(page);
});

test('a personal access token that skips 2FA needs no code at all', async () => {
  const page = await open();
  const statuses = [];
  page.on('response', (r) => { if (r.url().includes('/api/v1/')) statuses.push(r.status()); });
  await signIn(page, { ...USERS.adminPat, code: '' });
  const { loaded, total } = await loadedCount(page);
  assert.equal(loaded, total);
  assert.deepEqual([...new Set(statuses)], [200], 'the server never asked for a code');
  assert.equal(await page.getByRole('dialog').count(), 0);
});

test('username + password + TOTP code signs in; signing out ends that login on the server', async () => {
  const page = await open();
  const logouts = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/v1/logout')) logouts.push(r.method()); });
  await page.getByRole('button', { name: 'Use a username and password instead' }).click();
  await label(page, 'Username or e-mail').fill(USERS.admin.username);
  await label(page, 'Password').fill(USERS.admin.password);
  await label(page, '2FA code').fill(totp());
  await loadButton(page).click();
  await loadedCount(page);
  assert.equal(await page.getByRole('dialog').count(), 0, 'the login code served the first load too');
  const [ended] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/logout')),
    page.getByRole('button', { name: 'Sign out' }).click(),
  ]);
  assert.equal(ended.status(), 200);
  await loadButton(page).waitFor();
  assert.deepEqual(logouts, ['POST']);
});

test('username + password of an e-mail user: each step asks for its e-mailed code in place', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Use a username and password instead' }).click();
  await label(page, 'Username or e-mail').fill(USERS.email.username);
  await label(page, 'Password').fill(USERS.email.password);
  await loadButton(page).click();
  const dialog = page.getByRole('dialog');
  const first = await emailCode(sim);
  await dialog.getByLabel('Code from the e-mail').fill(first);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  // The new login token is not 2FA-confirmed yet: the server mails another code.
  const second = await emailCode(sim, 'emailuser', first);
  await dialog.getByLabel('Code from the e-mail').fill(second);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await loadedCount(page);
});

test('a pasted token is never logged out on the server by Sign out', async () => {
  const page = await open();
  const logouts = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/v1/logout')) logouts.push(r.url()); });
  await signIn(page, { code: totp() });
  await loadedCount(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('Signed out.', { exact: false }).waitFor();
  assert.equal(await label(page, 'Auth token').inputValue(), '', 'the token is forgotten');
  assert.deepEqual(logouts, []);
});

test('mid-session: when the 2FA window runs out, Refresh asks in place and reloads, losing nothing', async () => {
  const page = await open(['--sessions', '300']);
  await signIn(page, { code: totp() });
  const before = await loadedCount(page);
  await simControl(sim, 'expire-2fa', {});
  await simControl(sim, 'sessions', { count: 2 });
  await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('already loaded stay').waitFor();
  // Still there behind the prompt.
  assert.deepEqual(await loadedCount(page), before);
  assert.ok(await page.locator('table tbody tr').count() > 0);
  await dialog.getByLabel('Code from your authenticator app').fill(totp());
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await page.getByText(`${(before.total + 2).toLocaleString('en-US')} sessions loaded`).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0);
});

test('mid-session prompt cancelled: the error is shown with Retry and the rows stay', async () => {
  const page = await open(['--sessions', '120']);
  await signIn(page, { code: totp() });
  const before = await loadedCount(page);
  await simControl(sim, 'expire-2fa', {});
  await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText(/asks for a two-factor code/).waitFor();
  assert.deepEqual(await loadedCount(page), before);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await dialog.getByLabel('Code from your authenticator app').fill(totp());
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').waitFor({ state: 'detached' });
  assert.deepEqual(await loadedCount(page), before);
});
