// A whole session's worth of secrets must stay in memory, and a server on another origin must
// be explained, not just fail. Each test has its own rc-sim (two for the cross-origin ones).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSim, openBrowser, signIn, totp, ADMIN, USERS, simControl, loadedCount,
} from './lib.mjs';

const sims = [];
let ui;
async function sim(args = []) {
  const s = await startSim(args);
  sims.push(s);
  return s;
}
afterEach(async () => {
  await ui?.browser.close();
  ui = undefined;
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

test('after a whole session no token, code or password is in the URL, storage or console', async () => {
  const server = await sim(['--test-control', '--sessions', '200']);
  ui = await openBrowser();
  const { page, consoleLines } = ui;
  const secrets = new Set([ADMIN.token, USERS.admin.password]);
  page.on('response', async (r) => {
    if (r.url().endsWith('/api/v1/login') && r.ok()) {
      secrets.add((await r.json()).data.authToken);
    }
  });
  const urls = [];
  page.on('framenavigated', (f) => urls.push(f.url()));
  await page.goto(server.url);

  // Token sign-in, remembering the server and user ID on this device.
  await page.getByLabel('Remember server and user ID on this device').check();
  const first = totp();
  secrets.add(first);
  await signIn(page, { code: first });
  await loadedCount(page);
  // The 2FA window runs out: a code typed into the prompt.
  await simControl(server, 'expire-2fa', {});
  await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
  const second = totp();
  secrets.add(second);
  await page.getByRole('dialog').getByLabel('Code from your authenticator app').fill(second);
  await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Username + password sign-in, then out again.
  await page.getByRole('button', { name: 'Use a username and password instead' }).click();
  await page.getByLabel('Username or e-mail', { exact: true }).fill(USERS.admin.username);
  await page.getByLabel('Password', { exact: true }).fill(USERS.admin.password);
  const third = totp();
  secrets.add(third);
  await page.getByLabel('2FA code', { exact: true }).fill(third);
  await page.getByRole('button', { name: 'Load sessions' }).click();
  await loadedCount(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Load sessions' }).waitFor();

  const stored = await page.evaluate(() => {
    const dump = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie };
  });
  const places = {
    url: [page.url(), ...urls].join('\n'),
    localStorage: stored.local,
    sessionStorage: stored.session,
    cookie: stored.cookie,
    console: consoleLines.join('\n'),
  };
  assert.ok(secrets.size >= 4, 'the login token was seen');
  for (const secret of secrets) {
    for (const [where, text] of Object.entries(places)) {
      assert.equal(text.includes(secret), false, `a secret is in ${where}`);
    }
  }
  // What was remembered is only the non-secret convenience.
  assert.match(stored.local, /^rcdm:remember=\{.*\}$/);
  assert.equal(stored.session, '');

  // A fresh visit offers it back, with the box ticked and nothing secret filled in.
  await page.reload();
  await page.getByRole('button', { name: 'Use a user ID and auth token instead' }).click();
  await page.getByLabel('Auth token', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Auth token', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Remember server and user ID on this device').isChecked(), true);
});

test('remembering is opt-in: without the box ticked nothing is written to storage', async () => {
  const server = await sim();
  ui = await openBrowser();
  const { page } = ui;
  await page.goto(server.url);
  await signIn(page, { code: totp() });
  await loadedCount(page);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
});

// The shipped page's CSP allows connections to its own origin only, so a cross-origin server
// is refused before CORS is even asked. These two tests lift the CSP (as a deployment whose
// policy names the Rocket.Chat origin would) to see what CORS itself does to the app.
test('a server on another origin without CORS: the error explains why and what to do', async () => {
  const pageServer = await sim();
  const api = await sim(['--cors', 'off']);
  ui = await openBrowser({ bypassCSP: true });
  const { page } = ui;
  await page.goto(pageServer.url);
  await signIn(page, { server: api.url, code: totp() });
  const alert = page.getByRole('alert');
  await alert.getByText(/most likely blocked by the browser/).waitFor();
  const text = await alert.textContent();
  assert.ok(text.includes(new URL(api.url).origin), text);
  assert.match(text, /x-2fa-code/);
  assert.match(text, /Open RC Device Manager from the Rocket\.Chat server's own address/);
  assert.equal(text.includes(ADMIN.token), false);
  assert.ok(ui.consoleLines.some((l) => /blocked by CORS policy/.test(l)),
    `refused by CORS, not by anything else: ${ui.consoleLines.join('\n')}`);
});

test('across origins with CORS on, a token that skips 2FA still works', async () => {
  const pageServer = await sim();
  const api = await sim(['--cors', '*', '--sessions', '150']);
  ui = await openBrowser({ bypassCSP: true });
  const { page } = ui;
  await page.goto(pageServer.url);
  await signIn(page, { server: api.url, ...USERS.adminPat, code: '' });
  const { loaded, total } = await loadedCount(page);
  assert.ok(total >= 150);
  assert.equal(loaded, total);
  await page.getByText(`Signed in as ${USERS.adminPat.userId} on ${api.url}`).waitFor();
});

test('embedded with credentials and autoRefreshSeconds: loads at once, then again by itself', async () => {
  const server = await sim(['--test-control', '--sessions', '40']);
  ui = await openBrowser();
  const { page } = ui;
  await page.goto(`${server.url}/portal.html`);
  await page.evaluate(async ({ userId, token }) => {
    const { mount } = await import('./rc-device-manager.js');
    const host = document.createElement('section');
    host.id = 'auto';
    document.body.append(host);
    window.__loaded = [];
    host.addEventListener('rcdm:loaded', (e) => window.__loaded.push(e.detail));
    await mount(host, { userId, authToken: token, autoRefreshSeconds: 10 });
  }, USERS.adminPat);
  await page.waitForFunction(() => window.__loaded.length === 1);
  const first = await page.evaluate(() => window.__loaded[0]);
  assert.equal(first.loaded, first.total);
  await simControl(server, 'sessions', { count: 3 });
  // Nobody touches anything: the timer reloads and the new logins arrive.
  await page.waitForFunction(() => window.__loaded.length === 2, null, { timeout: 20_000 });
  const second = await page.evaluate(() => window.__loaded[1]);
  assert.deepEqual(second, { loaded: first.loaded + 3, total: first.total + 3, shortfall: null });
  await page.locator('#auto header.rcdm-bar').getByText(`${second.loaded} sessions loaded`).waitFor();
});
