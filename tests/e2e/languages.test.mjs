// Every language on the team (issue 24), on the release bundle in headless Chromium: the first
// journey (start, answer, verdict, report) in German, French and Spanish at desktop and phone
// width, with no English left on any of its screens and axe clean; the picker keeps the answers
// and is remembered; an unknown or malformed ?lang= falls back and says so once; a link made in
// one language opens in another with the same verdict; a language's texts are fetched only by
// its readers, and a pack that does not arrive leaves the app in English, saying so.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DESKTOP,
  PHONE,
  catalogue,
  formatViolations,
  inLanguage,
  isLanguagePack,
  languagePacks,
  runAxe,
  sharedApp,
} from './support.mjs';
import { answerAllHealthy, openView, pollUntil, waitForView } from './flows.mjs';

const TIMEOUT = 120_000;
const { withApp } = sharedApp();

const LANGUAGES = ['de', 'fr', 'es'];
const NAMES = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };

/**
 * The texts on screen a reader sees: text nodes, and the labels, placeholders and titles of
 * elements, each trimmed, outside the seed's own English words (marked lang="en").
 */
async function screenTexts(page) {
  return page.evaluate(() => {
    const texts = new Set();
    const visible = (el) => el && el.getClientRects().length > 0 && !el.closest('[lang="en"]:not(html)');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent.replace(/\s+/g, ' ').trim();
      if (text && visible(node.parentElement) && !node.parentElement.closest('script,style,noscript')) texts.add(text);
    }
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
      if (!visible(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(name)?.replace(/\s+/g, ' ').trim();
        if (value) texts.add(value);
      }
    }
    return [...texts];
  });
}

/**
 * Fails if a text on screen is English where the language has its own: a text of the app whose
 * translation differs from it, shown as it is in English.
 */
async function assertNoEnglishLeft(page, code, where) {
  const translations = catalogue(code);
  const left = (await screenTexts(page)).filter((text) => {
    const translated = translations.get(text) ?? translations.get(`${text} `) ?? translations.get(` ${text}`);
    return translated !== undefined && translated.trim() !== text.trim();
  });
  assert.deepEqual(left, [], `${code}, ${where}: English left on screen`);
}

async function assertAxeClean(page, what) {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, `axe-core violations (${what}, ${viewport.width} px):\n${formatViolations(violations)}`);
  }
  await page.setViewportSize(DESKTOP);
}

/** The start screen's "Start an assessment", in the language on screen. */
async function startIn(page, code, organisation) {
  await page.locator('#org-name').fill(organisation);
  await page.getByRole('button', { name: inLanguage(code, 'Start an assessment') }).click();
  await waitForView(page, 'preconditions');
}

const verdictOf = (page) => page.locator('aside#verdict').getAttribute('data-verdict');

describe('languages', () => {
  for (const code of LANGUAGES) {
    test(`the first journey in ${NAMES[code]}: start, answer, verdict, report; no English left; axe clean`, { timeout: TIMEOUT }, async () => {
      await withApp(
        async ({ page }) => {
          assert.equal(await page.locator('html').getAttribute('lang'), code);
          assert.equal(await page.locator('#language-picker').inputValue(), code);
          await assertNoEnglishLeft(page, code, 'the start screen');
          await assertAxeClean(page, `${code}, the start screen`);
          await startIn(page, code, 'Acme Logistik');
          await assertNoEnglishLeft(page, code, 'the preconditions');
          await answerAllHealthy(page);
          await pollUntil(() => verdictOf(page), (v) => v === 'not-yet' || v === 'ready', 'a verdict');
          await assertNoEnglishLeft(page, code, 'the red flags with the verdict');
          // The seed's own words: a red flag's quotation with its English original beside it.
          assert.ok(await page.locator('.seed-original [lang="en"]').count() > 0, 'no red flag shows the seed\'s English original');
          await assertAxeClean(page, `${code}, the red flags`);
          await openView(page, 'report');
          await assertNoEnglishLeft(page, code, 'the report');
          await assertAxeClean(page, `${code}, the report`);
          // At phone width too.
          await page.setViewportSize(PHONE);
          await openView(page, 'preconditions');
          await assertNoEnglishLeft(page, code, 'the preconditions at phone width');
          await page.setViewportSize(DESKTOP);
        },
        { path: `/?lang=${code}` },
      );
    });
  }

  test('switching language keeps the answers, redraws in the language picked, and is remembered', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await startIn(page, 'en', 'Acme Logistics');
      await answerAllHealthy(page);
      const checked = await page.locator('input[type="radio"]:checked').count();
      const verdict = await verdictOf(page);
      await page.locator('#language-picker').selectOption('fr');
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
      await waitForView(page, 'red-flags');
      assert.equal(await page.locator('input[type="radio"]:checked').count(), checked, 'answers lost on switching');
      assert.equal(await verdictOf(page), verdict);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'language-picker', 'the focus did not return to the picker');
      await assertNoEnglishLeft(page, 'fr', 'the red flags after switching');
      // Remembered: a new visit without ?lang= opens in French, whatever the browser says.
      await page.reload();
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('input[type="radio"]:checked').count(), checked);
      await page.locator('#language-picker').selectOption('en');
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    });
  });

  test('the browser\'s language is used when nothing else says; an unknown ?lang= falls back and says so once', { timeout: TIMEOUT }, async () => {
    await withApp(
      async ({ page }) => {
        assert.equal(await page.locator('html').getAttribute('lang'), 'es');
        const notice = page.locator('.language-notice');
        await notice.waitFor();
        assert.match(await notice.textContent(), /\bxx\b/);
        await notice.getByRole('button').click();
        await notice.waitFor({ state: 'detached' });
        // Said once: moving on does not bring it back.
        await startIn(page, 'es', 'Acme');
        assert.equal(await notice.count(), 0);
      },
      { path: '/?lang=xx', contextOptions: { viewport: DESKTOP, locale: 'es-MX' } },
    );
    await withApp(
      async ({ page }) => {
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        const notice = page.locator('.language-notice');
        await notice.waitFor();
        assert.match(await notice.textContent(), /not a language code/);
      },
      { path: '/?lang=%3Cscript%3E', contextOptions: { viewport: DESKTOP, locale: 'ja-JP' } },
    );
  });

  test('a link made in German opens in Spanish with the same verdict', { timeout: TIMEOUT }, async () => {
    let link;
    let verdict;
    await withApp(
      async ({ page }) => {
        await startIn(page, 'de', 'Acme');
        await answerAllHealthy(page);
        verdict = await pollUntil(() => verdictOf(page), (v) => v === 'not-yet' || v === 'ready', 'a verdict');
        await openView(page, 'report');
        await page.locator('section.share-panel').getByRole('button', { name: inLanguage('de', 'Make the link') }).click();
        link = await pollUntil(() => page.locator('input#share-url').inputValue(), (v) => v.includes('#/s/'), 'the share link');
      },
      { path: '/?lang=de' },
    );
    const url = new URL(link);
    url.search = '?lang=es';
    await withApp(
      async ({ page }) => {
        assert.equal(await page.locator('html').getAttribute('lang'), 'es');
        await pollUntil(() => verdictOf(page), (v) => v === verdict, `the verdict ${verdict}`);
        await assertNoEnglishLeft(page, 'es', 'the shared assessment');
      },
      { path: `${url.pathname}${url.search}${url.hash}` },
    );
  });

  test('a language\'s texts are fetched only by its readers; one that does not arrive leaves the app in English, saying so', { timeout: TIMEOUT }, async () => {
    const packs = languagePacks();
    // The split build has a pack per language but English; other builds have the texts inside.
    assert.deepEqual(Object.keys(packs).sort(), ['de', 'es', 'fr']);
    await withApp(async (app) => {
      await app.settle();
      assert.deepEqual(app.requests.filter(isLanguagePack).map((r) => r.url), [], 'English fetched a language pack');
    });
    await withApp(
      async (app) => {
        await app.settle();
        const fetched = app.requests.filter(isLanguagePack).map((r) => new URL(r.url).pathname.replace(/^\//, ''));
        assert.deepEqual(fetched, [packs.fr]);
      },
      { path: '/?lang=fr' },
    );
    await withApp(
      async ({ page }) => {
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        const alert = page.locator('.language-notice[role="alert"]');
        await alert.waitFor();
        assert.match(await alert.textContent(), /German/);
        // The app works: a new assessment starts.
        await startIn(page, 'en', 'Acme');
      },
      {
        path: '/?lang=de',
        setup: (context) => context.route(`**/${packs.de}`, (route) => route.abort('connectionfailed')),
        expectFailure: (line) => line.includes('split_lang_de') || /Failed to fetch|NetworkError|split/i.test(line),
      },
    );
  });
});
