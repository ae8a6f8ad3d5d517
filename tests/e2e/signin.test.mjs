// Signing in end to end against rc-sim: a real TOTP code shows the rows; a wrong one is
// answered in place and loses nothing that was typed.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openBrowser, signIn, totp, wrongCode } from './lib.mjs';

// A fresh server per test: a remembered 2FA window from one test must not help the next.
let sim;
let ui;
beforeEach(async () => {
  sim = await startSim();
  ui = await openBrowser();
});
afterEach(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

test('signing in with a real TOTP code shows the contract example row', async () => {
  const { page, errors } = ui;
  await page.goto(sim.url);
  await signIn(page, { code: totp() });
  const row = page.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' });
  await row.waitFor();
  const cells = (await row.locator('td').allTextContents()).join(' | ');
  for (const want of ['Chrome', '113.0.0', 'Windows', '172.20.0.2']) {
    assert.ok(cells.includes(want), `row lacks ${want}: ${cells}`);
  }
  await page.getByText(/^\d+ sessions? loaded · Last updated \d\d:\d\d$/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1);
  assert.deepEqual(errors, []);
});

test('a wrong 2FA code says so in place and keeps what was typed', async () => {
  const { page } = ui;
  await page.goto(sim.url);
  await signIn(page, { code: wrongCode() });
  const dialog = page.getByRole('dialog');
  const alert = dialog.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /two-factor code was not accepted/i);
  assert.equal(await page.getByLabel('User ID', { exact: true }).inputValue(), 'rcsimAdminUser001');
  assert.equal(page.url().includes('token'), false);
  // The right code in the prompt finishes the same sign-in.
  await dialog.getByLabel('Code from your authenticator app').fill(totp());
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await page.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' }).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0);
});

test('a Server URL given as a path on this origin is accepted, not refused by the form', async () => {
  const { page, errors } = ui;
  await page.goto(sim.url);
  // What an admin pastes from the API docs: a path, with the API prefix the client strips.
  await signIn(page, { server: '/api/v1/', code: totp() });
  await page.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' }).waitFor();
  assert.deepEqual(errors, []);
});
