// Shared helpers of the end-to-end tests: start rc-sim on a free port, drive Debian's
// Chromium through playwright-core, compute real TOTP codes. Every wait is on a condition.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';

export const ADMIN = {
  userId: 'rcsimAdminUser001',
  token: 'rcsim-admin-token-0123456789abcdefghijklmn',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};

/** rc-sim's other users (sim/README.md). */
export const USERS = {
  adminPat: { userId: 'rcsimAdminUser001', token: 'rcsim-pat-admin-bypass2fa-0123456789abcdef' },
  admin: { username: 'admin', password: 'admin-password' },
  email: {
    userId: 'rcsimEmailUser001', token: 'rcsim-email-token-0123456789abcdefghijklmn',
    username: 'emailuser', password: 'email-password',
  },
  no2fa: {
    userId: 'rcsimNo2faUser001', token: 'rcsim-no2fa-token-0123456789abcdefghijklmn',
    username: 'no2fa', password: 'no2fa-password',
  },
};

const SIM = process.env.RCSIM_BIN ?? '../../target/release/rc-sim';
const DIST = process.env.RCDM_DIST ?? '../../dist';

/** Starts rc-sim serving the built app; resolves once it prints its address. */
export function startSim(args = []) {
  const proc = spawn(SIM, ['--port', '0', '--serve-dir', DIST, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`rc-sim did not start within 30 s:\n${log}`));
    }, 30_000);
    const onData = (chunk) => {
      log += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          log: () => log,
          async stop() {
            if (proc.exitCode !== null) return;
            const gone = new Promise((r) => proc.once('exit', r));
            proc.kill('SIGTERM');
            await gone;
          },
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c) => { log += c; });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rc-sim exited (${code}) before listening:\n${log}`));
    });
  });
}

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as an authenticator app computes it. */
export function totp(secret = ADMIN.totpSecret, at = Date.now(), stepOffset = 0) {
  const counter = Math.floor(at / 1000 / 30) + stepOffset;
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', base32(secret)).update(msg).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

/** A six-digit code the server's ±1 step window cannot accept right now. */
export function wrongCode() {
  const valid = new Set([-2, -1, 0, 1, 2].map((s) => totp(ADMIN.totpSecret, Date.now(), s)));
  for (let n = 0; ; n++) {
    const code = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** Headless Debian Chromium; page errors and panics fail the test that reads `errors`.
 *  `contextOptions` go to Playwright's `newContext` (e.g. `{ bypassCSP: true }`). */
export async function openBrowser(contextOptions = {}) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  // Every console line, of any level: tests scan them for secrets.
  const consoleLines = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    consoleLines.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') errors.push(m.text());
  });
  return { browser, context, page, errors, consoleLines };
}

/** Fills the sign-in form and submits it. Labels match exactly: the form also has
 *  "Remember server and user ID on this device". */
export async function signIn(page, { userId = ADMIN.userId, token = ADMIN.token, code = totp(), server = '' } = {}) {
  if (server) await page.getByLabel('Server URL', { exact: true }).fill(server);
  await page.getByLabel('User ID', { exact: true }).fill(userId);
  await page.getByLabel('Auth token', { exact: true }).fill(token);
  await page.getByLabel('2FA code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Load sessions' }).click();
}

/** A test-control call (`--test-control`): `POST` when `body` is given. */
export async function simControl(sim, path, body) {
  const res = await fetch(`${sim.url}/_sim/${path}`, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/_sim/${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The latest e-mailed code of `username`, waiting until there is one other than `not`. */
export async function emailCode(sim, username = 'emailuser', not = undefined) {
  for (let i = 0; i < 200; i++) {
    const { codes } = await simControl(sim, 'email-codes');
    const code = codes?.[username];
    if (code && code !== not) return code;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no e-mailed code for ${username}`);
}

/** `list.all`'s total as the server reports it now (through the admin's PAT). */
export async function serverTotal(sim) {
  const res = await fetch(`${sim.url}/api/v1/sessions/list.all?count=1`, {
    headers: { 'X-User-Id': USERS.adminPat.userId, 'X-Auth-Token': USERS.adminPat.token },
  });
  return (await res.json()).total;
}

/** Waits until `scope` (a page or a widget's locator) shows a finished load and its first
 *  row: a first load shows its first rows before the end. */
export async function whenLoaded(scope) {
  await scope.locator('header.rcdm-bar p.loaded', { hasText: /sessions? loaded/ }).waitFor();
  await scope.locator('table tbody tr').first().waitFor();
}

/** The shell's "N sessions loaded" / "N of T sessions loaded" once a load has finished (while
 *  a first load shows its rows so far, the header says "Loading sessions…"). */
export async function loadedCount(page) {
  const status = page.locator('header.rcdm-bar p.loaded', { hasText: /sessions? loaded/ });
  await status.waitFor();
  const m = /^([\d,]+)(?: of ([\d,]+))? sessions? loaded/.exec((await status.textContent()).trim());
  if (!m) throw new Error(`unexpected status: ${await status.textContent()}`);
  const n = (t) => Number(t.replaceAll(',', ''));
  return { loaded: n(m[1]), total: m[2] ? n(m[2]) : n(m[1]) };
}
