// The locked-down page: a strict CSP with no violation, integrity on every script, stylesheet
// and the wasm (and a tampered file refused), secrets that reach no URL, storage, console,
// event or text after a whole session, and hostile server strings rendered as text only.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSim, openBrowser, signIn, totp, ADMIN, whenLoaded } from './lib.mjs';
import { installRecorders, pageSurfaces } from './embed-helpers.mjs';

const DIST = resolve(process.env.RCDM_DIST ?? '../../dist');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

let sim;
let ui;
let consoleAll;
async function open(args = []) {
  sim = await startSim(args);
  ui = await openBrowser();
  consoleAll = [];
  ui.page.on('console', (m) => consoleAll.push(`${m.type()}: ${m.text()}`));
  await installRecorders(ui.context);
  return ui;
}
beforeEach(() => { sim = undefined; ui = undefined; });
afterEach(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

const violations = (page) => page.evaluate(() => window.__cspViolations);

/// The tags of a built page as the browser parses them (a release build's HTML is minified:
/// attributes may be unquoted), without loading or running anything.
async function parsed(name) {
  ui ??= await openBrowser();
  const html = readFileSync(join(DIST, name), 'utf8');
  return ui.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const attrs = (el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
    return {
      csp: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
      scripts: [...doc.querySelectorAll('script')].map(attrs),
      links: [...doc.querySelectorAll('link')].map(attrs),
      styles: doc.querySelectorAll('style, [style]').length,
    };
  }, html);
}

test('every built page declares the strict policy, and nothing in them is inline', async () => {
  for (const name of ['index.html', 'portal.html']) {
    const page = await parsed(name);
    assert.equal(page.csp, CSP, `${name} policy`);
    assert.doesNotMatch(page.csp, /'unsafe-inline'|'unsafe-eval'|'nonce-|'sha(256|384|512)-/, 'no inline allowance at all');
    assert.ok(page.scripts.length >= 1, `${name} loads a script`);
    assert.deepEqual(page.scripts.filter((s) => !s.src), [], `${name} has an inline script`);
    assert.equal(page.styles, 0, `${name} has an inline style`);
  }
});

test('integrity pins every script, stylesheet and the wasm', async () => {
  const { scripts, links } = await parsed('index.html');
  const pinned = (tag) => /^sha384-[A-Za-z0-9+/=]{64}$/.test(tag.integrity ?? '');
  const sheets = links.filter((l) => l.rel === 'stylesheet');
  const preloads = links.filter((l) => /^(module)?preload$/.test(l.rel));
  assert.ok(scripts.length >= 1 && scripts.every(pinned), JSON.stringify(scripts));
  assert.ok(sheets.length >= 1 && sheets.every(pinned), JSON.stringify(sheets));
  assert.ok(preloads.some((l) => l.href.endsWith('.wasm') && pinned(l)), 'wasm preload pinned');
  assert.ok(preloads.some((l) => l.rel === 'modulepreload' && pinned(l)), 'wasm-bindgen JS pinned');
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, 'one wasm file');
});

/** The app page's own files, by role, as its tags name them (file names only). */
async function builtFiles() {
  const { scripts, links } = await parsed('index.html');
  const base = (href) => href.split('/').pop();
  return {
    wasm: base(links.find((l) => l.href?.endsWith('.wasm')).href),
    glue: base(links.find((l) => l.rel === 'modulepreload').href),
    loader: base(scripts.find((s) => 'data-rcdm-js' in s).src),
  };
}

for (const [what, role] of [['the wasm', 'wasm'], ['the wasm-bindgen JS', 'glue'], ['the loader', 'loader']]) {
  test(`a tampered copy of ${what} is refused`, async () => {
    const name = (await builtFiles())[role];
    await ui.browser.close();
    const { page, errors } = await open();
    await page.route((url) => url.pathname.endsWith(`/${name}`), async (route) => {
      const res = await route.fetch();
      const body = Buffer.from(await res.body());
      body[body.length - 1] ^= 0x01; // one bit, somewhere a check would miss it
      await route.fulfill({ response: res, body });
    });
    // The loader says why it stopped; a tampered loader never runs, and the browser says it.
    const said = role === 'loader'
      ? (m) => m.type() === 'error' && /integrity/i.test(m.text())
      : (m) => m.type() === 'error' && m.text().startsWith('RC Device Manager:');
    const refused = page.waitForEvent('console', said);
    await page.goto(sim.url);
    await refused;
    assert.equal(await page.locator('.rcdm').count(), 0, 'the app did not start');
    assert.ok(errors.some((e) => /integrity/i.test(e)), `an integrity error was reported: ${errors.join('\n')}`);
  });
}

for (const path of ['/', '/portal.html']) {
  test(`${path} signs in and loads under the policy with no violation`, async () => {
    const { page, errors } = await open();
    await page.goto(`${sim.url}${path}`);
    const scope = path === '/' ? page : page.locator('#left');
    await signIn(scope, { code: totp() });
    await scope.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' }).waitFor();
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(await page.evaluate(() => Array.from(document.querySelectorAll('[style]'), (e) => e.outerHTML.slice(0, 120))), [],
      'no style attribute (style-src \'self\' would block it)');
    assert.deepEqual(errors, []);
  });
}

/** Sign in, load, open a device's details, log it out, sign out: every secret gets used. */
async function wholeSession(page, scope, code) {
  await signIn(scope, { code });
  const row = scope.locator('table tbody tr', { hasText: 'rcsimViewerSess01' });
  await row.waitFor();
  await row.locator('td').nth(1).click();
  await scope.getByRole('heading', { name: 'Device details' }).waitFor();
  await scope.getByRole('button', { name: 'Close details' }).click();
  await row.getByRole('button', { name: 'Log out device' }).click();
  await scope.getByRole('button', { name: 'Log out', exact: true }).click();
  await scope.locator('table tbody tr', { hasText: 'rcsimViewerSess01' }).waitFor({ state: 'detached' });
  await scope.getByRole('button', { name: 'Sign out' }).click();
  await scope.getByLabel('User ID', { exact: true }).waitFor();
}

for (const path of ['/', '/portal.html']) {
  test(`secrets reach no URL, storage, cookie, console, event or text (${path})`, async () => {
    const { page, context } = await open();
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${sim.url}${path}`);
    const scope = path === '/' ? page : page.locator('#left');
    const code = totp();
    await wholeSession(page, scope, code);
    assert.deepEqual(await violations(page), [], 'no CSP violation through details, dialogs and sign-out');
    const s = await pageSurfaces(page);
    const where = { ...s, console: consoleAll.join('\n'), requests: requested.join('\n'),
      cookies: JSON.stringify(await context.cookies()) };
    for (const [name, text] of Object.entries(where)) {
      assert.ok(!String(text).includes(ADMIN.token), `the auth token is in ${name}`);
    }
    // A six-digit code could turn up by chance in row data, so it is looked for only where
    // nothing else puts digits: the URL, storage, cookies, console, events and requests.
    for (const name of ['url', 'localStorage', 'sessionStorage', 'cookies', 'console', 'events', 'requests']) {
      assert.ok(!String(where[name]).includes(code), `the 2FA code is in ${name}`);
    }
    if (path === '/portal.html') {
      const types = JSON.parse(s.events).map((e) => e.type);
      for (const t of ['rcdm:loaded', 'rcdm:device-logged-out', 'rcdm:signed-out']) assert.ok(types.includes(t), `${t} in ${types}`);
    }
  });
}

/** Hostile strings in every field a client or user controls. */
function hostileFixture() {
  const hostile = ['<img src=x onerror="window.__pwned=1;alert(1)">', '"><script>window.__pwned=1;alert(2)</script>',
    '<svg onload=alert(3)>', "javascript:alert(4)", '{{constructor.constructor("alert(5)")()}}', '<b>bold</b>&amp;'];
  return {
    sessions: hostile.map((h, i) => ({
      _id: `hostileSession0${i}`,
      sessionId: `hostileSession0${i}`,
      userId: `hostileUser00${i}`,
      device: { type: 'browser', name: h, longVersion: h, os: { name: h, version: h }, version: h },
      host: h,
      ip: h,
      loginAt: `2024-01-0${i + 1}T10:00:00.000Z`,
      _user: { username: h, name: h },
    })),
    hostile,
  };
}

test('hostile strings from the server render as text: no script runs, no element is injected', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rcdm-hostile-'));
  const { sessions, hostile } = hostileFixture();
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify({ sessions }));
  try {
    const { page, context, errors } = await open(['--fixture', join(dir, 'hostile.json')]);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await context.addInitScript(() => {
      const alert = window.alert;
      window.alert = (...a) => { window.__pwned = true; return alert.apply(window, a); };
    });
    await page.goto(sim.url);
    await signIn(page, { code: totp() });
    await page.locator('table tbody tr', { hasText: 'hostileSession00' }).waitFor();
    const text = await page.locator('table').innerText();
    for (const h of hostile.slice(0, 3)) assert.ok(text.includes(h), `shown literally: ${h}`);
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      tags: Array.from(document.querySelectorAll('.rcdm img, .rcdm script, .rcdm iframe, .rcdm object, .rcdm embed, .rcdm b, .rcdm svg[onload]'), (e) => e.outerHTML.slice(0, 80)),
      handlers: Array.from(document.querySelectorAll('.rcdm *')).flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      links: Array.from(document.querySelectorAll('.rcdm a[href^="javascript:" i]'), (a) => a.outerHTML),
    }));
    assert.deepEqual(injected, { pwned: null, tags: [], handlers: [], links: [] });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('2000 generated sessions with the generator\'s hostile rows: nothing runs', async () => {
  const { page, errors } = await open(['--sessions', '2000']);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${sim.url}/portal.html`);
  const left = page.locator('#left');
  await signIn(left, { code: totp() });
  await whenLoaded(left);
  // Bring the generator's hostile rows onto the page through the portal's handle.
  await page.evaluate(() => document.getElementById('left').setFilter('onerror'));
  await left.locator('table tbody tr', { hasText: '<img src=x onerror=alert(1)>' }).first().waitFor();
  assert.deepEqual(await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    img: document.querySelectorAll('.rcdm img[src="x"], .rcdm script').length,
  })), { pwned: null, img: 0 });
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
});
