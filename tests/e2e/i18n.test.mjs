// The app in other languages (issue #15): the main flow (sign in, search, sort, page,
// details, sign out) in a pseudo-locale where every catalogue message is wrapped in ⟦…⟧,
// so that a text a component shows without the catalogue is found (and the Findings
// settings' line errors, a refused settings file and a bad finding value in a link, the
// same way); the same flow in German
// and in Arabic (right to left) with screenshots in target/e2e-artifacts/i18n/; and the
// Arabic layout at 360 px without horizontal overflow. Selectors here never use English
// words: they go by names, classes and roles.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSim, openBrowser, totp, ADMIN } from './lib.mjs';
import { SIM_ARGS } from './table-lib.mjs';

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/e2e-artifacts/i18n');

let s;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** rc-sim and a page at `path` whose remembered language (the standalone switch's) is
 *  `lang` (none when `null`); `options` go to the browser context. */
async function open(lang, viewport = { width: 1440, height: 900 }, { path = '/', options = {} } = {}) {
  const sim = await startSim(SIM_ARGS);
  const ui = await openBrowser({ viewport, ...options });
  if (lang) await ui.context.addInitScript((l) => localStorage.setItem('rcdm.lang', l), lang);
  await ui.page.goto(sim.url + path);
  s = { sim, ...ui, async close() { await ui.browser.close(); await sim.stop(); } };
  return s;
}

async function shot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Fills the sign-in form by field names (their labels are in the page's language) and
 *  submits it. */
async function submitSignIn(page) {
  await page.locator('form.sign-in input[name="user-id"]').fill(ADMIN.userId);
  await page.locator('form.sign-in input[name="auth-token"]').fill(ADMIN.token);
  await page.locator('form.sign-in input[name="code"]').fill(totp());
  await page.locator('form.sign-in button.primary').click();
}

/** The whole load: the header's Refresh is enabled again, and the rows-so-far banner of a
 *  first load is gone. */
async function loaded(page) {
  await page.locator('table.devices tbody tr').first().waitFor();
  await page.locator('header.rcdm-bar .actions button:not([disabled])').first().waitFor();
  await page.locator('.note.partial').waitFor({ state: 'detached' });
}

async function signIn(page) {
  await submitSignIn(page);
  await loaded(page);
}

/** Opens the Findings panel and applies a bad minimum-version line and two bad network
 *  lines; resolves to the form once its three errors show. */
async function applyBadFindingsSettings(page) {
  await page.locator('button.findings-toggle').click();
  const form = page.locator('section.findings form.findings-settings');
  await form.locator('textarea').nth(0).fill('Chrome 120\nFirefox beta');
  await form.locator('textarea').nth(1).fill('10.0.0.0/8 Office\n10.0.0.1/8 Typo\ngarbage');
  await form.locator('button[type="submit"]').click();
  await form.locator('.field-errors li').nth(2).waitFor();
  assert.equal(await form.locator('.field-errors li').count(), 3, 'one error per bad line');
  return form;
}

const statusText = async (page) => (await page.locator('.pager .status').textContent()).trim();

/** Search, sort, page, details and sign out, each waited for by what changes on screen;
 *  `check` runs on every step's screen. */
async function mainFlow(page, check, name, extra = async () => {}) {
  await signIn(page);
  await check('signed in');
  if (name) await shot(page, `${name}-1-table`);

  const before = await statusText(page);
  await page.locator('.toolbar input[type="search"]').fill('firefox');
  await page.waitForFunction((b) => document.querySelector('.pager .status')?.textContent.trim() !== b, before);
  await check('searched');

  await page.locator('table.devices thead th.col.client button.sort').click();
  await page.locator('table.devices thead th.col.client[aria-sort="ascending"]').waitFor();
  await check('sorted');

  const first = await statusText(page);
  await page.locator('.pager .page-nav button.page-btn').nth(2).click();
  await page.waitForFunction((b) => document.querySelector('.pager .status')?.textContent.trim() !== b, first);
  assert.equal(await page.locator('.pager input[type="number"]').inputValue(), '2');
  await check('paged');

  const row = page.locator('table.devices tbody tr').first();
  await row.focus();
  await page.keyboard.press('Enter');
  await page.locator('aside.details .refreshed').waitFor();
  await check('details');
  if (name) await shot(page, `${name}-2-details`);
  await extra();

  await page.locator('header.rcdm-bar .actions button').nth(1).click();
  await page.locator('form.sign-in').waitFor();
  await check('signed out');
  if (name) await shot(page, `${name}-3-signed-out`);
}

/** Runs in the page: every text node, `aria-label`, `placeholder` and `title` in the widget
 *  that did not come from the catalogue (no ⟦…⟧), except the server's data and bare numbers.
 *  The allow-list is narrow on purpose: data cells' own text (not their badges or relative
 *  times), the details panel's values, chart bars' data labels, a group's user and rows, and
 *  login cells' date titles. */
function unmarked(root) {
  const marked = (t) => t.startsWith('⟦') && t.endsWith('⟧');
  const bare = (t) => /^[\d\s.,:;\-–—·×«»‹›▲▼/()%+]*$/.test(t);
  const data = (el) => el.matches(
    'table.devices tbody td.col, aside.details .value, svg text.label, section.groups .who, section.groups ul.group-rows li');
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent.trim();
    const el = n.parentElement;
    if (!t || marked(t) || bare(t) || (el && data(el))) continue;
    found.push(`text <${el?.localName}.${el?.className}>: ${JSON.stringify(t)}`);
  }
  for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
    for (const a of ['aria-label', 'placeholder', 'title']) {
      const t = el.getAttribute(a)?.trim();
      if (!t || marked(t) || bare(t)) continue;
      // The login time's absolute form (cells and details) is a date, not a sentence.
      if (a === 'title' && el.matches('td.col.login, aside.details dd')) continue;
      found.push(`${a} <${el.localName}.${el.className}>: ${JSON.stringify(t)}`);
    }
  }
  return found;
}

test('pseudo-locale: every text of the main flow comes from the catalogue', async () => {
  const { page, errors } = await open('x-pseudo');
  await page.locator('form.sign-in').waitFor();
  // The check can fail: a literal put into the widget is found.
  const planted = await page.evaluate((fn) => {
    const check = new Function(`return (${fn})`)();
    const p = document.createElement('p');
    p.textContent = 'A literal';
    p.title = 'Another';
    document.querySelector('.rcdm').append(p);
    const found = check(document.querySelector('.rcdm'));
    p.remove();
    return found;
  }, unmarked.toString());
  assert.equal(planted.length, 2, planted.join('\n'));

  const check = async (step) => {
    const found = await page.evaluate((fn) => new Function(`return (${fn})`)()(document.querySelector('.rcdm')), unmarked.toString());
    assert.deepEqual(found, [], `${step}:\n${found.join('\n')}`);
  };
  await check('sign-in form');
  await page.locator('details.advanced summary').click();
  await check('advanced open');
  await mainFlow(page, check, null, async () => {
    // The other views: filters, chips, the overview's charts, the groups.
    await page.keyboard.press('Escape');
    await page.locator('.toolbar button.filters-toggle').click();
    await page.locator('fieldset.filters select').first().selectOption({ index: 1 });
    await page.locator('.chips button.chip').first().waitFor();
    await check('filters and a chip');
    await page.locator('.toolbar .modes button').nth(1).click();
    await page.locator('section.overview figure.chart').first().waitFor();
    await check('overview');
    await page.locator('.toolbar .modes button').nth(2).click();
    await page.locator('section.groups li.group button.expander').first().click();
    await page.locator('section.groups ul.group-rows li').first().waitFor();
    await check('groups');
    await page.locator('.toolbar .modes button').nth(0).click();
    await page.locator('table.devices').waitFor();
  });
  assert.equal(await page.title(), '⟦Device management · Rocket.Chat⟧');
  assert.deepEqual(errors, []);
});

/** The widget's texts without the pseudo-locale's markers, as `unmarked` finds them. */
const unmarkedIn = (page) => page.evaluate((fn) => new Function(`return (${fn})`)()(document.querySelector('.rcdm')), unmarked.toString());

test('pseudo-locale: the findings settings\' errors, a refused settings file and a bad link value come from the catalogue', async () => {
  // A link whose finding value is out of range: said as a toast once the table is there.
  const { page, errors } = await open('x-pseudo', undefined, { path: '/?stale=0&dup=yes' });
  await page.locator('form.sign-in').waitFor();
  const check = async (step) => {
    const found = await unmarkedIn(page);
    assert.deepEqual(found, [], `${step}:\n${found.join('\n')}`);
  };
  // The toasts come when the table first shows and leave after 6 s, so they are checked
  // before the whole load is waited for.
  await submitSignIn(page);
  await page.locator('.toast.error').nth(1).waitFor();
  await check('bad link values');
  await loaded(page);

  // The form: a bad minimum-version line and bad trusted-network lines, applied.
  const form = await applyBadFindingsSettings(page);
  // Each line's number is its own label, and its sentence its own text.
  assert.equal(await form.locator('.field-errors li .line-no').count(), 3);
  await check('the form\'s line errors');

  // Settings files refused: a bad network entry (its sentence inside the file's) and a
  // number out of range.
  // Every toast dismissed at once (each also leaves on its own timer), so the next is first.
  const dismissAll = async () => {
    await page.evaluate(() => document.querySelectorAll('.toast button.close').forEach((b) => b.click()));
    await page.locator('.toast').first().waitFor({ state: 'detached' });
  };
  await dismissAll();
  const input = form.locator('input[type="file"]');
  const file = (json) => ({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await input.setInputFiles(file({ trustedNetworks: ['10.0.0.0/8', '10.0.0.0/33 x'] }));
  const toast = page.locator('.toast.error span').first();
  await toast.waitFor();
  await check('a refused settings file');
  // The network's own sentence inside the file's is marked too (a sentence given as a
  // variable would pass the check above even in English).
  assert.match(await toast.textContent(), /^⟦[^⟦⟧]*⟦[^⟦⟧]+⟧⟧$/);
  await dismissAll();
  await input.setInputFiles(file({ staleDays: 0 }));
  await toast.waitFor();
  await check('a second refused settings file');
  assert.deepEqual(errors, []);
});

for (const [lang, dir] of [['de', 'ltr'], ['ar', 'rtl']]) {
  test(`the findings settings' errors in ${lang}: each names what was typed, in the language's sentence`, async () => {
    const { page, errors } = await open(lang, undefined, { path: '/?stale=0' });
    await page.locator('form.sign-in').waitFor();
    await submitSignIn(page);
    await page.locator('.toast.error span').first().waitFor();
    const toast = await page.locator('.toast.error span').first().textContent();
    assert.match(toast, /stale=0/);
    assert.doesNotMatch(toast, /is not valid|whole number/);
    await loaded(page);
    const form = await applyBadFindingsSettings(page);
    const items = await form.locator('.field-errors li').allTextContents();
    // In the order of the fields: the version line, then the network lines.
    for (const [item, value] of [[items[0], 'beta'], [items[1], '10.0.0.0/8'], [items[2], 'garbage']]) {
      assert.ok(item.includes(value), `${lang}: ${item}`);
      assert.doesNotMatch(item, /Line|is not|has bits|did you mean/, `${lang}: ${item}`);
    }
    assert.equal(await form.locator('.field-errors li').first().evaluate((li) => getComputedStyle(li).direction), dir);
    await mkdir(ARTIFACTS, { recursive: true });
    await form.screenshot({ path: path.join(ARTIFACTS, `${lang}-4-findings-errors.png`) });
    assert.deepEqual(errors, []);
  });
}

for (const [lang, dir, word] of [['de', 'ltr', /Sitzung/], ['ar', 'rtl', /جلس/]]) {
  test(`the main flow in ${lang}, with screenshots`, async () => {
    const { page, errors } = await open(lang);
    const root = page.locator('.rcdm');
    await page.locator('form.sign-in').waitFor();
    assert.equal(await root.getAttribute('lang'), lang);
    assert.equal(await root.getAttribute('dir'), dir);
    assert.equal(await page.locator('html').getAttribute('lang'), lang, 'the standalone page speaks it too');
    await shot(page, `${lang}-0-sign-in`);
    const check = async (step) => {
      // The header and the pager speak the language (the English words are absent).
      const title = await page.locator('h1').first().textContent();
      assert.doesNotMatch(title, /Device management/, `${step}: ${title}`);
      if (await page.locator('header.rcdm-bar p.loaded').count()) {
        assert.match(await page.locator('header.rcdm-bar p.loaded').textContent(), word, step);
        assert.doesNotMatch(await statusText(page), / of |filtered/, step);
      }
    };
    await mainFlow(page, check, lang);
    assert.match(await page.locator('p.note[role="status"]').first().textContent(), lang === 'de' ? /Abgemeldet/ : /سُجّل الخروج/);
    assert.deepEqual(errors, []);
  });
}

test('Arabic at 360 px: right to left, mirrored, no horizontal overflow', async () => {
  const { page, errors } = await open('ar', { width: 360, height: 740 });
  await signIn(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await overflow() <= 0, `overflow ${await overflow()} px with the table`);
  // Mirrored: the header's actions sit on the left, the title on the right.
  const title = await page.locator('header.rcdm-bar h1').boundingBox();
  const actions = await page.locator('header.rcdm-bar .actions').boundingBox();
  assert.ok(actions.x < title.x, `title ${JSON.stringify(title)} actions ${JSON.stringify(actions)}`);
  await shot(page, 'ar-360-table');
  const row = page.locator('table.devices tbody tr').first();
  await row.focus();
  await page.keyboard.press('Enter');
  await page.locator('aside.details .refreshed').waitFor();
  assert.ok(await overflow() <= 0, `overflow ${await overflow()} px with the details`);
  await shot(page, 'ar-360-details');
  assert.deepEqual(errors, []);
});

test('the standalone switch re-renders everything in place and is remembered; the browser languages decide first', async () => {
  // No remembered choice: the browser's languages (Arabic first) decide.
  const { page, errors } = await open(null, undefined, { options: { locale: 'ar-EG' } });
  await page.locator('form.sign-in').waitFor();
  assert.equal(await page.locator('.rcdm').getAttribute('dir'), 'rtl');
  await page.locator('select.lang-switch').selectOption('en');
  await page.locator('.rcdm[dir="ltr"][lang="en"]').waitFor();
  await signIn(page);
  await page.locator('.toolbar input[type="search"]').fill('firefox');
  await page.locator('.pager .status', { hasText: /filtered from/ }).waitFor();
  const rows = await page.locator('table.devices tbody td.col.id').allTextContents();
  // Switching keeps the loaded rows, the search and the page; every text changes.
  await page.locator('select.lang-switch').selectOption('de');
  await page.locator('.pager .status', { hasText: /gefiltert aus/ }).waitFor();
  assert.equal(await page.locator('header.rcdm-bar h1').textContent(), 'Geräteverwaltung');
  assert.equal(await page.locator('.toolbar input[type="search"]').inputValue(), 'firefox');
  assert.deepEqual(await page.locator('table.devices tbody td.col.id').allTextContents(), rows);
  assert.match(await page.locator('table.devices tbody td.col.login .rel').first().textContent(), /^vor /);
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.reload();
  await page.locator('.rcdm[lang="de"]').waitFor();
  assert.deepEqual(errors, []);
});

test('embedded: the lang attribute, else the host page\'s <html lang>; the host page is left as it is', async () => {
  const { page, errors } = await open(null, undefined, { path: '/portal.html', options: { locale: 'en-US' } });
  await page.locator('#left .rcdm').waitFor();
  await page.locator('#right .rcdm').waitFor();
  assert.equal(await page.locator('#left .rcdm').getAttribute('lang'), 'en', 'the portal page is English');
  // The attribute applies in place, to that widget only.
  await page.evaluate(() => document.getElementById('left').setAttribute('lang', 'ar'));
  await page.locator('#left .rcdm[dir="rtl"][lang="ar"]').waitFor();
  assert.equal(await page.locator('#left h1').textContent(), 'إدارة الأجهزة');
  assert.equal(await page.locator('#right .rcdm').getAttribute('dir'), 'ltr');
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['en', '']);
  // A widget mounted while the page says German speaks German.
  await page.evaluate(() => {
    document.documentElement.lang = 'de';
    const el = document.createElement('rc-device-manager');
    el.id = 'third';
    document.body.append(el);
  });
  await page.locator('#third .rcdm[lang="de"]').waitFor();
  assert.equal(await page.locator('#third h1').textContent(), 'Geräteverwaltung');
  assert.deepEqual(errors, []);
});
