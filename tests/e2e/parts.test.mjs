// The split build (issue 20): the first load holds the start screen, the questionnaire and the
// verdict; the later views (report, sequence, stability, team, compare, the verdict panel's plan)
// are one later part, fetched once at idle after start-up; a part that cannot be fetched is said, with a retry, and
// the app goes on; a part that is still on its way takes the focus its heading was meant to
// have when it arrives. On the release bundle in headless Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RECORD_PREFIX, SESSION_KEY, answer, importFile, navButton, openExample, openView, readinessModel, savedRecordText, startAssessment, waitForVerdict } from './flows.mjs';
import { assertClean, isLaterPart, laterParts, openApp, partsFetched, sharedApp } from './support.mjs';

const TIMEOUT = 90_000;
const { browser, server, withApp } = sharedApp();

/**
 * Where the room kept for a later panel is checked: each side of the slots' breakpoints (the
 * team views' form at 505 px, the snippets' card at 760 px, the evidence note's link label, a
 * shared assessment's pickers on a line with their labels where its banner is 36 em wide: at
 * 1024 px, not at 1280 beside the side panel), and a larger text size.
 */
const ROOM_CASES = [
  { width: 1280, font: 16 },
  { width: 1024, font: 16 },
  { width: 768, font: 16 },
  { width: 744, font: 16 },
  { width: 510, font: 16 },
  { width: 500, font: 16 },
  { width: 390, font: 16 },
  { width: 1280, font: 20 },
  { width: 768, font: 20 },
];

/** A route handler that holds the later part until `release()` is called. */
function heldPart() {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  const hold = async (route) => {
    await held;
    await route.continue();
  };
  return { hold, release };
}

/** Sets the browser's text size to `font` px (the person's setting, not a zoom) for the context's page. */
async function setTextSize(context, font) {
  if (font === 16) return;
  const [page] = context.pages();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: font, fixed: 13 } });
}

/** The heading of a view that has arrived (the page header every view draws). */
const viewHeading = (page) => page.locator('main header.page-header #main-heading');

describe('the later parts', () => {
  test('are fetched once each at idle, and after them the app asks for nothing while every view is used', { timeout: TIMEOUT }, async () => {
    await withApp(async (app) => {
      const { page } = app;
      const parts = laterParts();
      // One split module; the chunks beside it hold what it shares with the language packs.
      const names = parts.map((part) => part.replace(/^app-[0-9a-f]+\//, ''));
      assert.equal(names[0], 'split_later.wasm', 'the later views are one part');
      assert.ok(names.slice(1).every((name) => /^chunk_\d+\.wasm$/.test(name)), `the later part needs only chunks: ${names.join(', ')}`);
      await partsFetched(app);
      const fetched = app.requests.filter(isLaterPart).map((request) => new URL(request.url).pathname);
      assert.equal(fetched.length, parts.length, `each part once: ${fetched.join(', ')}`);
      assert.ok(app.requests.filter(isLaterPart).every((request) => request.afterLoad), 'a part was fetched before the page had loaded');

      const before = app.requests.length;
      await openExample(page);
      for (const view of ['sequence', 'stability', 'report']) {
        await openView(page, view);
        await viewHeading(page).waitFor();
        // Drawn at once: the part was there, no loading line came first.
        assert.equal(await page.locator('.part-loading').count(), 0, `${view}: still loading`);
        await page.waitForFunction(() => document.activeElement?.id === 'main-heading', null, { timeout: 5_000 });
      }
      await page.waitForLoadState('networkidle');
      assert.deepEqual(app.requests.slice(before).map((request) => request.url), [], 'requests once the parts were in');
    });
  });

  test('one that cannot be fetched is said, with a retry; the rest of the app goes on; the retry brings it', { timeout: TIMEOUT }, async () => {
    const refuse = (route) => route.abort('connectionreset');
    // From the start: the idle preload asks for the part as soon as the app runs.
    const app = await openApp(browser(), server().url, { setup: (context) => context.route('**/split_later.wasm', refuse) });
    try {
      const { page, context } = app;
      await startAssessment(page, 'Partly Offline Ltd');
      await openView(page, 'report');
      const missing = page.locator('main .part-missing');
      await missing.waitFor({ timeout: 15_000 });
      assert.equal(await missing.locator('h1#main-heading').textContent(), 'This part could not be loaded');
      assert.match(await missing.textContent(), /Your answers are not affected\./);
      await page.waitForFunction(() => document.activeElement?.id === 'main-heading', null, { timeout: 5_000 });
      // The verdict panel's plan, a part too, says so in its place.
      const panelMissing = page.locator('aside#verdict .part-missing-panel[role="alert"]');
      await panelMissing.waitFor({ timeout: 15_000 });
      assert.equal(await panelMissing.locator('strong').first().textContent(), 'The plan could not be loaded.');
      assert.equal(await page.locator('main .part-missing[role="alert"]').count(), 0, 'the page-level message is announced twice (alert and focus)');

      // The rest of the app still works: the questions, the verdict, the saving.
      await openView(page, 'red-flags');
      await viewHeading(page).waitFor();
      const { redFlags } = readinessModel();
      await answer(page, redFlags[0].question, 'yes');
      await waitForVerdict(page, 'stop');

      // Back on the report: still refused, then the network comes back and "Try again" loads it.
      await openView(page, 'report');
      await missing.waitFor({ timeout: 15_000 });
      await context.unroute('**/split_later.wasm', refuse);
      await missing.getByRole('button', { name: 'Try again' }).click();
      await viewHeading(page).waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('main .part-missing').count(), 0, 'the message stayed after the retry');
      assert.ok(await page.locator('section.share-panel').count(), 'the report is drawn whole');
      // The parts are one file: the report's retry brought the verdict panel's plan too.
      await page.locator('aside#verdict section.plan').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('.part-missing').count(), 0, "the panel's message stayed after the report's retry");

      // What was refused: the later part only, each refusal logged by the loader.
      assert.ok(app.failedRequests.length > 0 && app.failedRequests.every((line) => line.includes('split_later.wasm')), `failed requests: ${app.failedRequests.join('; ')}`);
      assert.deepEqual(app.pageErrors, [], 'uncaught errors');
    } finally {
      await app.close();
    }
  });

  test('refused at start-up: the team views say so with a retry, a chosen file and a team address say why and change nothing', { timeout: TIMEOUT }, async () => {
    const refuse = (route) => route.abort('connectionreset');
    const app = await openApp(browser(), server().url, { setup: (context) => context.route('**/split_later.wasm', refuse) });
    try {
      const { page, context } = app;
      // The start screen is drawn from the first part; the team views' list is the later part's.
      await page.locator('#main-heading').waitFor();
      const teamsMissing = page.locator('main .part-missing-panel[role="alert"][data-part="team-library"]');
      await teamsMissing.waitFor({ timeout: 15_000 });
      assert.equal(await teamsMissing.locator('strong').first().textContent(), 'The team views could not be loaded.');
      assert.equal(await page.locator('#new-team-title').count(), 0, 'the team list drew without its code');
      // So are the snippets to embed the tool (a panel of their own, said apart).
      const snippetsMissing = page.locator('main .part-missing-panel[data-part="embed-snippet"]');
      await snippetsMissing.waitFor({ timeout: 15_000 });
      assert.equal(await snippetsMissing.locator('strong').first().textContent(), 'The snippets to embed this tool could not be loaded.');
      assert.equal(await page.locator('main .part-missing-panel [id]').count(), 0, 'a panel repeated an id');

      // A file: its readers are the later part's. Nothing is imported, and the file is named.
      const before = await page.evaluate(() => Object.keys(localStorage).sort());
      await importFile(page, 'acme.json', JSON.stringify({ format: 'koom-readiness' }));
      const error = page.locator('#import-error');
      await error.waitFor({ timeout: 15_000 });
      assert.equal(
        await error.textContent(),
        '“acme.json” was not imported: the part of KOOM Readiness that reads files did not arrive (the connection may have dropped). Nothing was changed; choose the file again, or reload the page.'
      );
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), before, 'storage changed');

      // A team view's address: said, and the address shows the start screen again.
      await page.evaluate(() => {
        location.hash = '#/team/t1';
      });
      await page.locator('.notice', { hasText: 'The team view could not be opened: the part of KOOM Readiness that reads team views did not arrive' }).waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => location.hash === '#/', null, { timeout: 5_000 });
      assert.equal(await page.locator('#main-heading').textContent(), 'KOOM Readiness');

      // The network comes back: "Try again" brings the team views' list.
      await context.unroute('**/split_later.wasm', refuse);
      await teamsMissing.getByRole('button', { name: 'Try again' }).click();
      await page.locator('#new-team-title').waitFor({ timeout: 15_000 });
      await page.locator('details.embed-snippet').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('.part-missing').count(), 0, 'the message stayed after the retry');
      assert.ok(app.failedRequests.every((line) => line.includes('split_later.wasm')), `failed requests: ${app.failedRequests.join('; ')}`);
      assert.deepEqual(app.pageErrors, [], 'uncaught errors');
    } finally {
      await app.close();
    }
  });

  test('a team view named by the address waits for its code on the team page, keeps its address, and yields to an address asked for meanwhile', { timeout: TIMEOUT }, async () => {
    let holding = false;
    let release = () => {};
    const hold = async (route) => {
      if (holding) {
        await new Promise((resolve) => {
          release = resolve;
        });
      }
      await route.continue();
    };
    const app = await openApp(browser(), server().url, { setup: (context) => context.route('**/split_later.wasm', hold) });
    try {
      const { page } = app;
      await page.locator('#new-team-title').fill('Held Team');
      await page.getByRole('button', { name: 'Create a team view' }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/team/'), null, { timeout: 15_000 });
      const address = await page.evaluate(() => location.hash);

      // Reloaded with the later part held: the team page says it is loading, under its address.
      holding = true;
      await page.reload();
      const loading = page.locator('main .part-loading[role="status"]');
      await loading.waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => location.hash), address, 'the address was changed while the team view loads');
      assert.equal(await page.locator('main h1', { hasText: 'KOOM Readiness' }).count(), 0, 'the start screen was shown meanwhile');
      release();
      await page.locator('main h1', { hasText: 'Held Team' }).waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => location.hash), address);

      // Held again, and the person goes to the start screen meanwhile: the team view, once its
      // code is here, does not take the screen back.
      await page.reload();
      await loading.waitFor({ timeout: 15_000 });
      await page.evaluate(() => {
        location.hash = '#/';
      });
      await page.locator('main h1', { hasText: 'KOOM Readiness' }).waitFor({ timeout: 15_000 });
      release();
      holding = false;
      await page.locator('#new-team-title').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => location.hash), '#/');
      assert.equal(await page.locator('main h1', { hasText: 'Held Team' }).count(), 0, 'the team view took the screen back');
      assert.deepEqual(app.pageErrors, [], 'uncaught errors');
    } finally {
      release();
      await app.close();
    }
  });

  test('the start screen keeps the room of its panels while their code is on its way: nothing below them moves when it comes', { timeout: TIMEOUT }, async () => {
    // Widths on both sides of each breakpoint the slots have, and a larger text size.
    for (const { width, font } of ROOM_CASES) {
      const viewport = { width, height: 844 };
      const { hold, release } = heldPart();
      const app = await openApp(browser(), server().url, {
        contextOptions: { viewport },
        setup: async (context) => {
          await setTextSize(context, font);
          await context.route('**/split_later.wasm', hold);
        },
      });
      try {
        const { page } = app;
        // What follows the panels, in the page's own coordinates.
        const below = () => page.evaluate(() => ['.start-facts', '.site-footer'].map((selector) => document.querySelector(selector).getBoundingClientRect().top + scrollY));
        await page.locator('main .part-slot[data-part="team-library"]').waitFor({ state: 'attached' });
        await page.locator('main .part-slot[data-part="embed-snippet"]').waitFor({ state: 'attached' });
        // The team views' heading and words are the start screen's own.
        assert.equal(await page.locator('#teams-title').textContent(), 'Team views');
        const waiting = await below();
        release();
        await page.locator('#new-team-title').waitFor({ timeout: 15_000 });
        await page.locator('details.embed-snippet').waitFor({ timeout: 15_000 });
        assert.equal(await page.locator('.part-slot').count(), 0, 'a slot stayed beside its panel');
        const drawn = await below();
        assert.deepEqual(drawn.map(Math.round), waiting.map(Math.round), `at ${width} px (text ${font} px), what follows the panels moved (${waiting} → ${drawn})`);
        assertClean(app);
      } finally {
        release();
        await app.close();
      }
    }
  });

  test("a returning person's open note keeps the room of its evidence details while their code is on its way", { timeout: TIMEOUT }, async () => {
    const id = 'precondition.executives.micromanaging_workers';
    const record = savedRecordText(
      'noted',
      { model_version: '1.0', organisation: 'Noted Org', answers: { [id]: 'no' }, notes: { [id]: 'Seen in the March review.' } },
      { updatedAt: 0 },
    );
    const session = JSON.stringify({ schema: 2, open: 'noted', view: 'preconditions' });
    for (const { width, font } of ROOM_CASES) {
      const { hold, release } = heldPart();
      const app = await openApp(browser(), server().url, {
        contextOptions: { viewport: { width, height: 844 } },
        setup: async (context) => {
          await setTextSize(context, font);
          await context.addInitScript(([key, r, sessionKey, s]) => {
            if (!localStorage.getItem(key)) {
              localStorage.setItem(key, r);
              localStorage.setItem(sessionKey, s);
            }
          }, [`${RECORD_PREFIX}noted`, record, SESSION_KEY, session]);
          await context.route('**/split_later.wasm', hold);
        },
      });
      try {
        const { page } = app;
        // The note is open from the start (it has words); its details' fields are the later part's.
        await page.locator('details.note[open] .part-slot[data-part="evidence"]').waitFor({ state: 'attached' });
        const next = () => page.evaluate(() => document.querySelectorAll('main fieldset')[1].getBoundingClientRect().top + scrollY);
        const waiting = await next();
        release();
        await page.locator('details.note[open] .evidence-fields input').nth(3).waitFor({ timeout: 15_000 });
        assert.equal(await page.locator('details.note[open] .evidence-fields input').count(), 4);
        assert.equal(await page.locator('.part-slot').count(), 0, 'a slot stayed beside its fields');
        // At a larger text size Chromium draws a date field 2 px taller than a text field (its
        // inner editor): the slot, which counts four fields alike, is 4 px short there.
        const moved = (await next()) - waiting;
        assert.ok(Math.abs(moved) <= (font === 16 ? 0.5 : 4), `at ${width} px (text ${font} px), the next question moved ${moved} px when the evidence fields came`);
        assertClean(app);
      } finally {
        release();
        await app.close();
      }
    }
  });

  test("a shared assessment's banner keeps the room of its two pickers while their code is on its way: its page does not move when they come", { timeout: TIMEOUT }, async () => {
    let link;
    await withApp(async ({ page }) => {
      await openExample(page);
      await openView(page, 'report');
      await page.getByRole('button', { name: 'Make the link' }).click();
      await page.waitForFunction(() => document.querySelector('input#share-url')?.value.includes('#/s/'));
      link = (await page.locator('input#share-url').inputValue()).split('#/s/')[1];
    });
    // English at every width and text size; German and French (the longest labels) in both
    // layouts and where the banner is a little wider than the inline one needs.
    const cases = [
      ...ROOM_CASES.map((c) => ({ ...c, lang: 'en' })),
      ...[1024, 900, 700, 390].map((width) => ({ width, font: 16, lang: 'de' })),
      ...[900, 700].map((width) => ({ width, font: 16, lang: 'fr' })),
    ];
    // A saved assessment with a long name: a choice of "Compare with" wider than any banner.
    const record = savedRecordText(
      'long',
      { model_version: '1.0', organisation: 'The Northern Regional Logistics and Distribution Cooperative of Raccoons, Badgers and Associated Woodland Creatures', answers: {} },
      { updatedAt: 0 },
    );
    for (const { width, font, lang } of cases) {
      const { hold, release } = heldPart();
      const app = await openApp(browser(), `${server().url}?lang=${lang}#/s/${link}`, {
        contextOptions: { viewport: { width, height: 844 } },
        setup: async (context) => {
          await setTextSize(context, font);
          await context.addInitScript(([key, r]) => localStorage.setItem(key, r), [`${RECORD_PREFIX}long`, record]);
          await context.route('**/split_later.wasm', hold);
        },
      });
      try {
        const { page } = app;
        const banner = page.locator('[data-opened="shared"]');
        await banner.locator('.part-slot[data-part="compare-shared"]').waitFor({ state: 'attached' });
        await banner.locator('.part-slot[data-part="add-to-team"]').waitFor({ state: 'attached' });
        const heading = () => page.evaluate(() => document.querySelector('#main-heading').getBoundingClientRect().top + scrollY);
        const waiting = await heading();
        release();
        await banner.locator('select#compare-with-banner').waitFor({ timeout: 15_000 });
        await banner.locator('select#add-to-team').waitFor();
        assert.equal(await page.locator('.part-slot').count(), 0, 'a slot stayed beside its picker');
        const moved = (await heading()) - waiting;
        assert.ok(Math.abs(moved) <= 0.5, `at ${width} px (text ${font} px, ${lang}), the page moved ${moved} px when the pickers came`);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(sideways <= 0, `at ${width} px (${lang}), the page scrolls sideways by ${sideways} px`);
        const outside = await banner.evaluate((box) => {
          const edge = box.getBoundingClientRect().right;
          return [...box.querySelectorAll('select, button')].map((control) => control.getBoundingClientRect().right - edge).filter((over) => over > 0);
        });
        assert.deepEqual(outside, [], `at ${width} px (${lang}), a picker's control sticks out of the banner`);
        assertClean(app);
      } finally {
        release();
        await app.close();
      }
    }
  });

  test('one still on its way shows a loading line, then its view with the focus on its heading', { timeout: TIMEOUT }, async () => {
    const { hold, release } = heldPart();
    const app = await openApp(browser(), server().url, { setup: (context) => context.route('**/split_later.wasm', hold) });
    try {
      const { page } = app;
      await openExample(page);
      await navButton(page, 'stability').click();
      await page.locator('main .part-loading[role="status"]').waitFor({ timeout: 5_000 });
      release();
      await viewHeading(page).waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => document.activeElement?.id === 'main-heading', null, { timeout: 5_000 });
      assert.equal(await page.locator('.part-loading').count(), 0, 'the loading line stayed');
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});
