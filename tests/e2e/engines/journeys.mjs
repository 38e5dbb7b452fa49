// The core journeys, in an engine other than Chromium (engine.mjs drives it): first load;
// answers → verdict; a reload keeps them; a share link made, opened read-only, and refused
// when altered or cut; a team view from pasted links; the file out and back in; the embed
// layout in every kind of frame a wiki uses (the height message, the truth about storage, the
// opaque-origin sandbox); answering by keyboard alone with a visible focus ring; phone width.
// And what a new user tripped over (issue 21): at 768, 1024 and 1280 px the live verdict stays
// in view and no word in the section navigation breaks; a share link damaged in transport (a
// trailing ")", an e-mail line wrap) still opens; no untitled start, a rename from inside, a page
// title naming view and assessment; three assessments compared without the page overflowing.
// Evidence that ages (issue 22): who, when, a link and a review-by date typed into their fields
// (dates by the keyboard, as each engine's date field takes them), a javascript: link refused
// with its text kept, a past review-by date flagged; the answers CSV and a .ics reminder out.
// The Chromium suite (tests/e2e/*.test.mjs) checks each in depth; these check that every engine
// our users have gets through them. A test file per engine calls coreJourneys(name).
//
// Not a test file itself (node --test runs *.test.mjs only).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SESSION_KEY, VIEWS, readinessModel } from '../flows.mjs';
import { LOCAL_HOST, inLanguage, startStaticServer } from '../support.mjs';
import { poll, startEngine } from './engine.mjs';

const TIMEOUT = 120_000;
const HEIGHT_MESSAGE = 'koom-readiness:height';
const NAV = 'nav[aria-label="Assessment sections"]';
const NOTHING_CHANGED = 'Your library is below; nothing in it was changed.';

/** A second server for the wiki pages: http://localhost:<port>, another site than the app's. */
async function startHostServer() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url, 'http://localhost').pathname);
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html ?? 'not found');
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, LOCAL_HOST, resolveListen);
  });
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    page(html) {
      const path = `/wiki/page-${pages.size + 1}`;
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

/** A wiki page around `body`. */
const wikiPage = (body) => `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><link rel="icon" href="data:," />
  <title>Operations wiki</title><style>body { margin: 0 8px; font-family: sans-serif; }</style></head>
  <body><main><h1>Operations wiki</h1><p>Before we deploy KOOM, every team lead fills in the checklist below.</p>
  ${body}
  <p>Questions? Ask in #ops.</p></main></body>
</html>`;

// ---- Steps, in the page --------------------------------------------------------------------

/** Waits until the app has taken the page over from index.html's first screen. */
const appStarted = (tab, timeout = 20_000) =>
  tab.waitFor(() => !document.getElementById('boot') && document.querySelector('#main-heading') !== null, [], 'the app started (no #boot, a #main-heading)', timeout);

/** Waits until `token` is the open view. */
const waitForView = (tab, token) =>
  tab.waitFor((nav, t) => document.querySelector(`${nav} button[data-view="${t}"][aria-current="page"]`) !== null, [NAV, token], `the ${token} view`);

/** The verdict panel's token (stop, hold, not-yet, ready). */
const verdictOf = (tab) => tab.eval(() => document.querySelector('aside#verdict')?.dataset.verdict ?? null);
const waitForVerdict = (tab, token) => poll(() => verdictOf(tab), (v) => v === token, `the verdict ${token}`);

/** Clicks the visible button whose text is `text` (inside `scope`). */
async function clickButton(tab, text, scope = 'body') {
  const selector = await poll(
    () =>
      tab.eval(
        (s, t) => {
          const button = [...document.querySelectorAll(`${s} button`)].find((b) => b.textContent.trim() === t && b.getClientRects().length > 0);
          if (!button) return null;
          button.dataset.e2e ??= `b${Math.random().toString(36).slice(2)}`;
          return `button[data-e2e="${button.dataset.e2e}"]`;
        },
        scope,
        text,
      ),
    Boolean,
    `the button “${text}”`,
  );
  await tab.click(selector);
}

/** Back to the start screen. */
async function toStart(tab) {
  const there = await tab.eval(() => Boolean(document.querySelector('#org-name')?.getClientRects().length));
  if (!there) await tab.click('header.masthead button.brand');
  await tab.waitForSelector('#org-name');
}

/** Starts a new assessment by mouse and keyboard. */
async function startAssessment(tab, organisation) {
  await toStart(tab);
  await tab.fill('#org-name', organisation);
  await clickButton(tab, 'Start an assessment');
  await waitForView(tab, 'preconditions');
}

/** Opens a view from the section navigation. */
async function openView(tab, token) {
  await tab.click(`${NAV} button[data-view="${token}"]`);
  await waitForView(tab, token);
}

/** Answers a question by clicking its radio; waits until the app has taken it. */
async function answer(tab, id, value) {
  await tab.click(`input[type="radio"][name="${id}"][value="${value}"]`);
  await tab.waitFor(
    (q, v) => document.querySelector(`input[type="radio"][name="${q}"][value="${v}"]`)?.checked && document.querySelector(`fieldset.question[data-question="${q}"]:not([data-finding="unanswered"])`) !== null,
    [id, value],
    `${id} answered “${value}”`,
  );
}

/** Answers every question healthily, by mouse. */
async function answerAllHealthy(tab) {
  const { preconditions, maturity, redFlags } = readinessModel();
  await openView(tab, 'preconditions');
  for (const q of preconditions) await answer(tab, q.id, q.healthy);
  await openView(tab, 'maturity');
  for (const q of maturity) await answer(tab, q.id, q.healthy);
  await openView(tab, 'red-flags');
  for (const f of redFlags.filter((flag) => !flag.shared)) await answer(tab, f.question, f.healthy);
}

/** The answers of the open view: { question id: checked value }. */
const answersShown = (tab) =>
  tab.eval(() => Object.fromEntries([...document.querySelectorAll('main input[type="radio"]:checked')].map((r) => [r.name, r.value])));

/** Makes a share link (without notes) of what is open, from its report. */
async function makeLink(tab) {
  await openView(tab, 'report');
  await clickButton(tab, 'Make the link', 'section.share-panel');
  return poll(() => tab.value('input#share-url'), (v) => typeof v === 'string' && v.includes('#/s/'), 'the share link');
}

/** The message notice's text, once it contains `part`. */
const messageSaying = (tab, part) =>
  poll(() => tab.text('[data-notice="message"] p'), (t) => typeof t === 'string' && t.includes(part), `a message saying “${part}”`);

/** Catches the files the app offers for download (the Blob behind the link it clicks). */
const catchDownloads = (tab) =>
  tab.eval(() => {
    window.__e2eFiles = [];
    if (window.__e2eCatching) return;
    window.__e2eCatching = true;
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      const url = create.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (blob && this.download) {
        const name = this.download;
        // Decoded as the file's bytes are: Blob.text() would drop a leading BOM (a CSV's).
        blob.arrayBuffer().then((bytes) => window.__e2eFiles.push({ name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }));
      }
      return click.call(this);
    };
  });
const downloaded = (tab) => poll(() => tab.eval(() => window.__e2eFiles), (files) => files.length > 0, 'a file offered for download').then((files) => files[0]);

/** Where the focus ring is drawn for the focused element (its option pill for a radio). */
const focusRing = (tab) =>
  tab.eval(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: 'body' };
    const ring = el.closest('label.option') ?? el;
    const style = getComputedStyle(ring);
    return {
      id: el.id,
      name: el.getAttribute('name'),
      value: el.getAttribute('value'),
      checked: Boolean(el.checked),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });

/** Presses `key` until the focus is where `matches` says; at most `max` times. */
async function pressUntil(tab, key, matches, what, max = 30) {
  const path = [];
  for (let i = 0; i < max; i += 1) {
    await tab.press(key);
    const now = await focusRing(tab);
    if (matches(now)) return now;
    path.push(now.id || `${now.name}=${now.value}`);
  }
  assert.fail(`${what}: not reached after ${max} presses of ${key}; focus went ${path.join(' → ')}`);
}

/** The id of the assessment open now (the session record names it). */
async function openedId(tab) {
  const raw = await tab.eval((key) => localStorage.getItem(key), SESSION_KEY);
  const id = raw ? JSON.parse(raw).open : null;
  assert.ok(id, `no assessment is open according to ${SESSION_KEY}: ${raw}`);
  return id;
}

/** The page's document.title, once it is `title`. */
const waitForTitle = (tab, title) => poll(() => tab.eval(() => document.title), (t) => t === title, `the page title “${title}”`);

/** Where the live verdict is on screen now: 'panel', 'bar', or null when neither is in view. */
const verdictInView = (tab) =>
  tab.eval(() => {
    const inView = (el) => {
      if (!el) return false;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      const box = el.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight + 1 && box.left >= 0 && box.right <= window.innerWidth + 1;
    };
    if (inView(document.querySelector('aside#verdict .verdict-headline'))) return 'panel';
    if (inView(document.querySelector('.verdict-bar .verdict-bar-text'))) return 'bar';
    return null;
  });

/**
 * Words in `selector`'s text (outside visually-hidden parts) whose letters sit on more than one
 * line, and counts (.nav-progress) split over two lines: "Precondition s", "15/1 5", "0/2 / 9".
 */
const brokenWords = (tab, selector) =>
  tab.eval((sel) => {
    const broken = [];
    const linesOf = (range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    for (const element of document.querySelectorAll(sel)) {
      if (!element.getClientRects().length) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('.visually-hidden')) continue;
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (linesOf(range).size > 1) broken.push(`"${match[0]}" in ${element.textContent.trim().replace(/\s+/g, ' ')}`);
        }
      }
      for (const count of element.querySelectorAll('.nav-progress')) {
        const lines = new Set();
        const inner = document.createTreeWalker(count, NodeFilter.SHOW_TEXT);
        for (let node = inner.nextNode(); node; node = inner.nextNode()) {
          if (node.parentElement.closest('.visually-hidden') || !node.data.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const top of linesOf(range)) lines.add(top);
        }
        if (lines.size > 1) broken.push(`count "${count.textContent.trim()}" wraps`);
      }
    }
    return broken;
  }, selector);

/** How far the page scrolls sideways (0 when it does not). */
const overflowX = (tab) => tab.eval(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The id of the focused element ('' for none or the body). */
const focusedId = (tab) => tab.eval(() => document.activeElement?.id ?? '');

/**
 * Leaves the field `id` by Tab, as a user does: once in WebKit, twice in Firefox, whose date
 * field has its calendar button as a Tab stop inside it.
 */
async function leaveField(tab, id) {
  for (let i = 0; i < 3; i += 1) {
    await tab.press('Tab');
    if ((await focusedId(tab)) !== id) return;
  }
  assert.fail(`the focus stayed in ${id} after three presses of Tab`);
}

/**
 * Types the date `iso` (YYYY-MM-DD) into the date field `id` by the keyboard: focused by a click
 * on its label (at its first part: a click on the field's middle lands on the day in WebKit),
 * then month, day and year, "/" moving between the parts (both engines show MM/DD/YYYY here:
 * Firefox in en-US, WebKitGTK in the C locale).
 */
async function typeDate(tab, id, iso) {
  await tab.click(`label[for="${id}"]`);
  assert.equal(await focusedId(tab), id, `a click on the label of ${id} focuses it`);
  const [year, month, day] = iso.split('-');
  await tab.type(`${month}/${day}/${year}`);
  await poll(
    () => tab.eval((i) => ({ value: document.getElementById(i).value, pageHasFocus: document.hasFocus() }), id),
    (s) => s.value === iso,
    `${id} holds ${iso}, typed as ${month}/${day}/${year}`,
    3_000,
  );
}

/** Opens the Raccoons Inc. example (every section answered, every count shown). */
async function openExample(tab) {
  await toStart(tab);
  await clickButton(tab, 'Open the Raccoons Inc. example');
  await waitForView(tab, 'preconditions');
}

/** Creates a team view and adds respondents from `text`, pasted; resolves to the refused lines. */
async function teamFromPaste(tab, title, text, respondents) {
  await toStart(tab);
  await tab.fill('#new-team-title', title);
  await clickButton(tab, 'Create a team view');
  await tab.waitForSelector('article.team[data-respondents="0"]');
  // Pasted: the text arrives in the field at once, as an input event.
  await tab.eval((t) => {
    const field = document.getElementById('team-links');
    field.value = t;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await clickButton(tab, 'Add from links');
  await tab.waitForSelector(`article.team[data-respondents="${respondents}"]`);
  return tab.eval(() => [...document.querySelectorAll('#team-add-outcome .add-refused li')].map((li) => li.textContent.trim()));
}

// ---- The suite -----------------------------------------------------------------------------

/** The frames a wiki may put the app in. */
const FRAMES = [
  { name: 'a plain cross-site frame', sandbox: null },
  { name: 'a sandboxed frame with allow-same-origin', sandbox: 'allow-scripts allow-same-origin allow-popups allow-downloads' },
  { name: 'an opaque-origin frame (sandbox="allow-scripts" alone)', sandbox: 'allow-scripts', opaque: true },
];

/** Registers the core journeys for `engineName` ('firefox' | 'webkit') with node:test. */
export function coreJourneys(engineName) {
  let engine;
  let server;
  let host;
  let scratch;
  before(async () => {
    server = await startStaticServer();
    host = await startHostServer();
    engine = await startEngine(engineName);
    scratch = mkdtempSync(join(tmpdir(), `koom-${engineName}-`));
  });
  after(async () => {
    await engine?.close();
    await host?.close();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** Opens the app (or `url`) in a fresh tab with empty storage, runs `body(tab)`, closes it. */
  async function withTab(body, { url = server.url, width, height, started = true } = {}) {
    const tab = await engine.open({ width, height });
    try {
      await tab.goto(url);
      if (started) await appStarted(tab);
      await body(tab);
      assert.deepEqual(tab.errors(), [], 'console errors or uncaught exceptions');
    } finally {
      await tab.close();
    }
  }

  describe(`core journeys in ${engineName}`, () => {
    test('first load: the first screen, then the app takes it over', { timeout: TIMEOUT }, async () => {
      await withTab(
        async (tab) => {
          // index.html's own first screen, or already the app's (it may start that fast).
          await tab.waitFor(() => document.querySelector('h1')?.textContent.trim() === 'KOOM Readiness', [], 'the title');
          await appStarted(tab);
          await tab.waitForSelector('#org-name');
          assert.equal(await tab.eval(() => document.querySelector('#boot-status.boot-problem')), null, 'the first screen reports a problem');
          const start = await tab.eval(() =>
            [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Start an assessment' && !b.disabled),
          );
          assert.ok(start, 'no enabled “Start an assessment”');
        },
        { started: false },
      );
    });

    test('answers turn the verdict: a red flag stops it, healthy answers make it ready', { timeout: TIMEOUT }, async () => {
      const { redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared).question;
      await withTab(async (tab) => {
        await startAssessment(tab, 'Engine Verdicts Ltd');
        await waitForVerdict(tab, 'hold');
        await answerAllHealthy(tab);
        await waitForVerdict(tab, 'ready');
        await answer(tab, flag, 'yes');
        await waitForVerdict(tab, 'stop');
      });
    });

    test('languages: ?lang=de draws the app in German; the picker redraws it in French and keeps the answers', { timeout: TIMEOUT }, async () => {
      const { preconditions } = readinessModel();
      const buttonShown = (text) => tab.eval((t) => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === t), text);
      let tab;
      await withTab(
        async (opened) => {
          tab = opened;
          assert.equal(await tab.eval(() => document.documentElement.lang), 'de');
          assert.ok(await buttonShown(inLanguage('de', 'Start an assessment')), 'no German start button');
          assert.ok(!(await buttonShown('Start an assessment')), 'the English start button is there');
          await tab.fill('#org-name', 'Motor Sprachen GmbH');
          await clickButton(tab, inLanguage('de', 'Start an assessment'));
          await tab.waitFor(() => document.querySelector('nav.section-nav button[data-view="preconditions"][aria-current="page"]') !== null, [], 'the preconditions');
          await answer(tab, preconditions[0].id, 'no');
          // The picker: the page is drawn again in French, the answer stays.
          await tab.eval(() => {
            const picker = document.querySelector('#language-picker');
            picker.value = 'fr';
            picker.dispatchEvent(new Event('change', { bubbles: true }));
          });
          await tab.waitFor(() => document.documentElement.lang === 'fr', [], 'French');
          await tab.waitFor((q) => document.querySelector(`input[type="radio"][name="${q}"][value="no"]`)?.checked === true, [preconditions[0].id], 'the answer kept');
          assert.equal(
            await tab.eval(() => document.querySelector('nav.section-nav button[data-view="preconditions"] .nav-label').textContent.trim()),
            inLanguage('fr', 'Preconditions'),
          );
        },
        { url: `${server.url}?lang=de` },
      );
    });

    test('a reload keeps the answers and the open view', { timeout: TIMEOUT }, async () => {
      const { preconditions } = readinessModel();
      await withTab(async (tab) => {
        await startAssessment(tab, 'Engine Reload Ltd');
        await answer(tab, preconditions[0].id, 'no');
        await answer(tab, preconditions[1].id, preconditions[1].healthy);
        const before = await answersShown(tab);
        // The autosave lands before the reload.
        await tab.waitFor((id) => Object.keys(localStorage).some((k) => k.startsWith('koom-readiness/assessment/') && localStorage.getItem(k).includes(id)), [preconditions[1].id], 'the autosave');
        await tab.reload();
        await appStarted(tab);
        await waitForView(tab, 'preconditions');
        assert.deepEqual(await answersShown(tab), before, 'the answers after the reload');
        assert.equal(await tab.text(`${NAV} .nav-org`), 'Engine Reload Ltd');
      });
    });

    test('a share link (and its QR code) opens read-only elsewhere; altered or cut, it is refused and says why', { timeout: TIMEOUT }, async () => {
      const { redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared).question;
      let link;
      await withTab(async (tab) => {
        await startAssessment(tab, 'Engine Sharing Ltd');
        await openView(tab, 'red-flags');
        await answer(tab, flag, 'yes');
        await waitForVerdict(tab, 'stop');
        link = await makeLink(tab);
        // The link as a QR code, drawn in this engine; "Share…" only where a share sheet takes it.
        await clickButton(tab, 'Show as a QR code', 'section.share-panel');
        const qr = await poll(
          () => tab.eval(() => {
            const svg = document.querySelector('.share-qr svg[role="img"]');
            const box = svg?.getBoundingClientRect();
            return svg && { label: svg.getAttribute('aria-label'), width: box.width, height: box.height, runs: svg.querySelector('path').getAttribute('d').split('z').length };
          }),
          (q) => q && q.width > 150,
          'the QR code drawn',
        );
        assert.equal(qr.label, 'Scan to open these answers');
        assert.ok(Math.abs(qr.width - qr.height) < 1 && qr.runs > 100, JSON.stringify(qr));
        const sheet = await tab.eval(() => typeof navigator.share === 'function' && (typeof navigator.canShare !== 'function' || navigator.canShare({ url: location.href })));
        const shareButtons = await tab.eval(() => [...document.querySelectorAll('section.share-panel button')].filter((b) => b.textContent.trim() === 'Share…').length);
        assert.equal(shareButtons, sheet ? 1 : 0, `"Share…" where the engine has a share sheet (${sheet})`);
      });
      assert.ok(link.startsWith(`${server.url}#/s/`), `not a link to the app: ${link}`);
      await withTab(
        async (tab) => {
          await tab.waitForSelector('[data-opened="shared"]', 20_000);
          await waitForVerdict(tab, 'stop');
          await openView(tab, 'red-flags');
          assert.deepEqual(await answersShown(tab), { [flag]: 'yes' }, 'the shared answers');
          const changeable = await tab.eval(() => document.querySelectorAll('main input[type="radio"]:not(:disabled)').length);
          assert.equal(changeable, 0, 'answers of a shared assessment can be changed');

          const [base, payload] = link.split('#/s/');
          const middle = Math.floor(payload.length / 2);
          const altered = `${base}#/s/${payload.slice(0, middle)}${payload[middle] === 'Q' ? 'R' : 'Q'}${payload.slice(middle + 1)}`;
          await tab.goto(altered);
          const said = await messageSaying(tab, 'This share link was altered');
          assert.ok(said.endsWith(NOTHING_CHANGED), `the refusal: ${said}`);
          await tab.goto(`${base}#/s/${payload.slice(0, payload.length - 12)}`);
          await messageSaying(tab, 'This share link is incomplete');
          await tab.waitForSelector('#org-name');
          assert.equal(await tab.eval(() => document.querySelector('[data-opened="shared"]')), null, 'a refused link is shown as shared');
        },
        { url: link },
      );
    });

    test('a team view from pasted links counts each respondent', { timeout: TIMEOUT }, async () => {
      const { redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared).question;
      await withTab(async (tab) => {
        await toStart(tab);
        await clickButton(tab, 'Open the Raccoons Inc. example');
        await waitForView(tab, 'preconditions');
        const ann = await makeLink(tab);
        await startAssessment(tab, 'Engine Teams Ltd');
        await openView(tab, 'red-flags');
        await answer(tab, flag, 'yes');
        const bob = await makeLink(tab);
        const refused = await teamFromPaste(tab, 'Engine team', `Ann: ${ann}\nBob: ${bob}\nthis is not a link`, 2);
        const shown = await tab.eval(() => [...document.querySelectorAll('li.respondent')].map((li) => li.dataset.verdict));
        assert.deepEqual(shown.sort(), ['ready', 'stop'], 'the respondents’ verdicts');
        assert.equal(refused.length, 1, `the junk line is not refused by name: ${JSON.stringify(refused)}`);
      });
    });

    test('the file export comes out, and imports as a new assessment', { timeout: TIMEOUT }, async () => {
      await withTab(async (tab) => {
        await toStart(tab);
        await clickButton(tab, 'Open the Raccoons Inc. example');
        await waitForView(tab, 'preconditions');
        await openView(tab, 'report');
        await catchDownloads(tab);
        await clickButton(tab, 'Export file (JSON)');
        const file = await downloaded(tab);
        assert.match(file.name, /\.json$/, `the file name: ${file.name}`);
        const parsed = JSON.parse(file.text);
        assert.equal(parsed.format, 'koom-readiness/assessment');
        parsed.assessment.organisation = `Imported in ${engineName}`;
        const path = join(scratch, 'imported.json');
        writeFileSync(path, JSON.stringify(parsed, null, 2));
        await toStart(tab);
        await tab.chooseFile('#import-file', path);
        await messageSaying(tab, 'Imported “imported.json” as a new assessment.');
        await waitForView(tab, 'preconditions');
        await poll(() => tab.text(`${NAV} .nav-org`), (t) => t === `Imported in ${engineName}`, 'the imported organisation');
        await waitForVerdict(tab, 'ready');
      });
    });

    let snippets;
    /** The snippets the start screen offers ({ sameOrigin, opaque }), read in `tab`. */
    async function offeredSnippets(tab) {
      if (snippets) return snippets;
      await tab.goto(server.url);
      await appStarted(tab);
      await tab.click('details.embed-snippet summary');
      const read = (id) => tab.value(`textarea#${id}`);
      snippets = { sameOrigin: await read('embed-snippet'), opaque: await read('embed-snippet-opaque') };
      assert.ok(snippets.sameOrigin.includes(`${server.url}?embed=1`) && snippets.opaque.includes(`${server.url}?embed=1`), 'the snippets do not frame the app');
      return snippets;
    }

    for (const kind of FRAMES) {
      test(`embedded in ${kind.name} by the offered snippet: renders, fits its height, says where answers are kept, "Why?" scrolls the wiki page`, { timeout: TIMEOUT }, async () => {
        await withTab(
          async (tab) => {
            const offered = await offeredSnippets(tab);
            const snippet = (kind.opaque ? offered.opaque : offered.sameOrigin).replace(/\n\s*sandbox="[^"]*"/, kind.sandbox === null ? '' : `\n  sandbox="${kind.sandbox}"`);
            const recorder = '<script>window.__koomMessages = []; addEventListener("message", function (e) { window.__koomMessages.push(e.data); });</script>';
            await tab.goto(host.page(wikiPage(`${recorder}\n${snippet}`)));
            const frame = tab.frame('iframe');
            await appStarted(frame, 30_000);
            await frame.waitForSelector('body.embed');
            await frame.waitForSelector('#org-name');
            // The frame notice says what the browser really allows this frame.
            const usable = await frame.eval(() => {
              try {
                localStorage.setItem('e2e-probe', '1');
                localStorage.removeItem('e2e-probe');
                return true;
              } catch {
                return false;
              }
            });
            if (kind.opaque) assert.equal(usable, false, 'an opaque-origin frame has storage');
            const storage = await poll(() => frame.eval(() => document.querySelector('.frame-notice[data-notice="frame"]')?.dataset.storage ?? null), Boolean, 'the frame notice');
            assert.equal(storage, usable ? 'partitioned' : 'memory', 'the frame notice tells another story about storage');
            const noticeText = await frame.text('.frame-notice[data-notice="frame"]');
            assert.ok(
              noticeText.includes(usable ? "kept in this browser, for this wiki page's site only" : 'answers live in memory only'),
              `the frame notice: ${noticeText}`,
            );
            // The app is styled (its stylesheet applied, whichever way it came).
            const styled = await frame.eval(() => getComputedStyle(document.querySelector('.frame-notice')).display !== 'inline');
            assert.ok(styled, 'the app in the frame has no stylesheet');
            // The snippet's frame is as tall as the content the app reports.
            const fits = (what, above = 0) =>
              poll(
                async () => {
                  const hostSide = await tab.eval((type) => {
                    const heights = window.__koomMessages.filter((m) => m && m.type === type);
                    return { reported: heights.length ? heights.at(-1).height : null, iframe: document.querySelector('iframe').getBoundingClientRect().height };
                  }, HEIGHT_MESSAGE);
                  return { ...hostSide, content: await frame.eval(() => document.documentElement.scrollHeight) };
                },
                (s) => s.reported !== null && Math.abs(s.iframe - s.content) <= 2 && Math.abs(s.content - s.reported) <= 2 && s.reported > above,
                `${what}: the wiki's frame is as tall as its content`,
              );
            const start = await fits('the start screen');
            await frame.fill('#org-name', `Framed in ${engineName}`);
            await clickButton(frame, 'Start an assessment');
            await waitForView(frame, 'preconditions');
            const { preconditions } = readinessModel();
            await answer(frame, preconditions[0].id, 'no');
            await poll(() => frame.eval(() => document.querySelector('.embed-bar')?.dataset.verdict), (v) => v === 'stop' || v === 'hold', 'the embed bar’s verdict');
            await fits('the questions', start.reported);

            // "Why?" in the bar at the top: the wiki page scrolls to the verdict panel, which has focus.
            await tab.eval(() => window.scrollTo(0, 0));
            await clickButton(frame, 'Why?', '.embed-bar');
            await frame.waitFor(() => document.activeElement?.id === 'verdict', [], 'focus on the verdict panel');
            const panel = await frame.eval(() => {
              const box = document.getElementById('verdict').getBoundingClientRect();
              return { top: box.top + window.scrollY, height: box.height };
            });
            // In view (centred, or as far as the page scrolls); a panel taller than the window covers it.
            await poll(
              () =>
                tab.eval((p) => {
                  const top = document.querySelector('iframe').getBoundingClientRect().top + p.top;
                  return { top, bottom: top + p.height, viewport: window.innerHeight };
                }, panel),
              (s) => (s.bottom - s.top <= s.viewport ? s.top >= -1 && s.bottom <= s.viewport + 1 : s.top <= 1 && s.bottom >= s.viewport - 1),
              'the verdict panel centred in the wiki page’s view after “Why?”',
            );
          },
          { started: false },
        );
      });
    }

    test('answering by keyboard alone, with the focus ring in view', { timeout: TIMEOUT }, async () => {
      const { preconditions } = readinessModel();
      await withTab(async (tab) => {
        await tab.waitForSelector('#org-name');
        await pressUntil(tab, 'Tab', (f) => f.id === 'org-name', 'the organisation field');
        await tab.type('Keyboard Engines Ltd');
        await tab.press('Enter');
        await waitForView(tab, 'preconditions');
        const [first, second] = preconditions;
        const entered = await pressUntil(tab, 'Tab', (f) => f.name === first.id, `the answers to ${first.id}`);
        assert.equal(entered.value, 'yes', 'Tab enters the group at “Yes”');
        assert.ok(entered.ring, 'no focus ring on the first answer');
        await tab.press('Space');
        await tab.waitFor((q) => document.querySelector(`input[name="${q}"][value="yes"]`).checked, [first.id], `${first.id} answered “yes” by Space`);
        await tab.press('ArrowRight');
        await tab.waitFor((q) => document.querySelector(`input[name="${q}"][value="no"]`).checked, [first.id], `${first.id} answered “no” by an arrow key`);
        const moved = await focusRing(tab);
        assert.ok(moved.name === first.id && moved.value === 'no', `focus left the answer: ${JSON.stringify(moved)}`);
        assert.ok(moved.ring, 'the focus ring disappeared after the arrow key');
        const next = await pressUntil(tab, 'Tab', (f) => f.name === second.id, `the answers to ${second.id}`);
        assert.ok(next.ring, `no focus ring on ${second.id}`);
        await tab.press('Space');
        await tab.waitFor((q) => document.querySelector(`input[name="${q}"][value="yes"]`).checked, [second.id], `${second.id} answered by Space`);
        // The first precondition answered "No" holds the verdict at Stop or Hold, never Ready.
        assert.notEqual(await verdictOf(tab), 'ready');
      });
    });

    test('at phone width: the verdict bar, and nothing wider than the screen', { timeout: TIMEOUT }, async () => {
      const { redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared).question;
      await withTab(
        async (tab) => {
          // 390 px; in WebKitGTK the narrowest MiniBrowser window, 447 px (engine.mjs).
          const width = await tab.eval(() => window.innerWidth);
          assert.ok(width === 390 || (engineName === 'webkit' && width <= 447), `the viewport is not phone-wide: ${width}px`);
          await startAssessment(tab, 'Engine Pocket Ltd');
          await openView(tab, 'red-flags');
          await answer(tab, flag, 'yes');
          await poll(() => tab.eval(() => document.querySelector('.verdict-bar')?.dataset.verdict), (v) => v === 'stop', 'the verdict bar says Stop');
          const bar = await tab.eval(() => {
            const box = document.querySelector('.verdict-bar').getBoundingClientRect();
            return { visible: box.height > 0 && box.bottom <= window.innerHeight + 1 && box.top >= 0 };
          });
          assert.ok(bar.visible, 'the verdict bar is not in view');
          for (const token of ['preconditions', 'report']) {
            await openView(tab, token);
            const wide = await tab.eval(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(wide <= 0, `the ${token} view is ${wide}px wider than the screen`);
          }
        },
        { width: 390, height: 844 },
      );
    });

    // ---- What a new user tripped over (issue 21) ----------------------------------------------

    for (const [width, height] of [[768, 1024], [1024, 768], [1280, 800]]) {
      test(`at ${width} px: the live verdict stays in view on every view, and no word in the section navigation breaks`, { timeout: TIMEOUT }, async () => {
        await withTab(
          async (tab) => {
            const shown = await tab.eval(() => window.innerWidth);
            assert.ok(shown <= width && shown > width - 20, `the viewport is ${shown}px wide, not about ${width}px`);
            // The sticky side panel from 1200 px; below, the fixed verdict bar (or the panel
            // itself, where the page has scrolled down to it).
            const wanted = shown >= 1200 ? ['panel'] : ['bar', 'panel'];
            await openExample(tab);
            for (const view of VIEWS) {
              await openView(tab, view.token);
              for (const where of ['top', 'bottom']) {
                await tab.eval((w) => window.scrollTo(0, w === 'top' ? 0 : document.documentElement.scrollHeight), where);
                await poll(() => verdictInView(tab), (seen) => wanted.includes(seen), `${view.label} (${where}): the verdict (${wanted.join(' or ')}) in view`, 3_000);
              }
              const wide = await overflowX(tab);
              assert.ok(wide <= 0, `${view.label}: the page scrolls sideways by ${wide}px`);
            }
            await tab.eval(() => window.scrollTo(0, 0));
            assert.deepEqual(await brokenWords(tab, `${NAV} .nav-item`), [], `words broken in the navigation at ${shown} px`);
            await openView(tab, 'sequence');
            assert.deepEqual(await brokenWords(tab, 'main .step-status, main .sequence-banner'), [], `words broken in the sequence at ${shown} px`);
          },
          { width, height },
        );
      });
    }

    test('a share link damaged in transport opens: a trailing ")" in the address, an e-mail line wrap pasted into a team view', { timeout: TIMEOUT }, async () => {
      const { redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared).question;
      let link;
      await withTab(async (tab) => {
        await startAssessment(tab, 'Engine Transport Ltd');
        await openView(tab, 'red-flags');
        await answer(tab, flag, 'yes');
        await waitForVerdict(tab, 'stop');
        link = await makeLink(tab);
        // Quoted-printable mail: a soft break "=" where the line was wrapped; a ")" after it.
        const [base, payload] = link.split('#/s/');
        const half = Math.floor(payload.length / 2);
        const wrapped = `${base}#/s/${payload.slice(0, half)}=\n${payload.slice(half)}`;
        const refused = await teamFromPaste(tab, 'Transport team', `Ann (${wrapped})`, 1);
        assert.deepEqual(refused, [], 'a line was refused');
        const shown = await tab.eval(() => [...document.querySelectorAll('li.respondent')].map((li) => li.dataset.verdict));
        assert.deepEqual(shown, ['stop'], 'the wrapped link’s verdict in the team view');
      });
      const payload = link.split('#/s/')[1];
      await withTab(
        async (tab) => {
          await tab.waitForSelector('[data-opened="shared"]', 20_000);
          await waitForVerdict(tab, 'stop');
          await poll(() => tab.eval(() => window.location.hash), (h) => h.startsWith(`#/s/${payload}/`), 'the clean address, without the ")"');
          await openView(tab, 'red-flags');
          assert.deepEqual(await answersShown(tab), { [flag]: 'yes' }, 'the shared answers');
          const changeable = await tab.eval(() => document.querySelectorAll('main input[type="radio"]:not(:disabled)').length);
          assert.equal(changeable, 0, 'answers of a shared assessment can be changed');
        },
        { url: `${link})` },
      );
    });

    test('names: no untitled start; renamed from the section navigation; the page title names the view and the assessment', { timeout: TIMEOUT }, async () => {
      await withTab(async (tab) => {
        await waitForTitle(tab, 'KOOM Readiness');
        await toStart(tab);
        await clickButton(tab, 'Start an assessment');
        await tab.waitForSelector('#org-name-missing');
        assert.match(await tab.text('#org-name-missing'), /^Name the organisation first/);
        assert.equal(await tab.eval(() => document.getElementById('org-name').getAttribute('aria-invalid')), 'true');
        assert.equal(await tab.eval((nav) => document.querySelector(nav) !== null, NAV), false, 'an untitled assessment was started');
        assert.equal(await tab.eval(() => document.querySelectorAll('li.library-entry').length), 0, 'an untitled assessment was saved');
        assert.ok(!(await tab.eval(() => document.body.textContent.includes('Untitled assessment'))), 'the page says “Untitled assessment”');

        await tab.fill('#org-name', 'Engine Names Ltd');
        await clickButton(tab, 'Start an assessment');
        await waitForView(tab, 'preconditions');
        await waitForTitle(tab, 'Preconditions — Engine Names Ltd — KOOM Readiness');

        await tab.click(`${NAV} button.rename-open`);
        await tab.waitForSelector('#rename-open');
        assert.equal(await tab.value('#rename-open'), 'Engine Names Ltd');
        await tab.fill('#rename-open', '   ');
        await clickButton(tab, 'Save name', '.nav-rename');
        await tab.waitForSelector('#rename-open-problem');
        await tab.fill('#rename-open', 'Engine Names GmbH');
        await tab.press('Enter');
        await poll(() => tab.text(`${NAV} .nav-org`), (t) => t === 'Engine Names GmbH', 'the new name in the navigation');
        await waitForTitle(tab, 'Preconditions — Engine Names GmbH — KOOM Readiness');
        const id = await openedId(tab);
        await tab.waitFor(
          (key, name) => JSON.parse(localStorage.getItem(key) ?? 'null')?.assessment?.organisation === name,
          [`koom-readiness/assessment/${id}`, 'Engine Names GmbH'],
          'the new name saved',
        );
        await openView(tab, 'red-flags');
        await waitForTitle(tab, 'Red flags — Engine Names GmbH — KOOM Readiness');
        await toStart(tab);
        await waitForTitle(tab, 'KOOM Readiness');
      });
    });

    test('rounds: re-assess twice from Stop to Ready; the timeline, the carried mark, the change in the seed\'s terms, phone width too', { timeout: TIMEOUT }, async () => {
      const managers = 'precondition.managers.inventing_workflows';
      for (const [width, height] of [[1280, 800], [390, 844]]) {
        await withTab(
          async (tab) => {
            await startAssessment(tab, 'Engine Re-assessed Ltd');
            await answerAllHealthy(tab);
            await openView(tab, 'preconditions');
            await answer(tab, managers, 'yes');
            await waitForVerdict(tab, 'stop');
            for (const [next, value] of [[2, 'not_sure'], [3, 'no']]) {
              await openView(tab, 'report');
              await clickButton(tab, 'Re-assess…', 'section.rounds-panel');
              await clickButton(tab, `Start round ${next}`, 'section.rounds-panel');
              await tab.waitFor((n) => document.querySelectorAll('section.rounds-panel li.round-entry').length === n, [next], `round ${next} in the timeline`);
              await openView(tab, 'preconditions');
              await tab.waitFor((q) => document.querySelector(`fieldset.question[data-question="${q}"] p.carried-note`)?.textContent.includes('From round'), [managers], 'the carried mark');
              await answer(tab, managers, value);
              await tab.waitFor((q) => !document.querySelector(`fieldset.question[data-question="${q}"] p.carried-note`), [managers], 'the mark gone once answered');
            }
            await waitForVerdict(tab, 'ready');
            await openView(tab, 'report');
            const verdicts = await tab.eval(() => [...document.querySelectorAll('section.rounds-panel li.round-entry')].map((li) => li.dataset.verdict));
            assert.deepEqual(verdicts, ['stop', 'hold', 'ready']);
            const changes = await tab.eval(() => [...document.querySelectorAll('section.rounds-panel ul.round-changes li strong')].map((s) => s.textContent));
            assert.ok(changes.includes('Red flag 4 cleared (round 2: not known; round 3: absent).'), JSON.stringify(changes));
            const wide = await overflowX(tab);
            assert.ok(wide <= 0, `at ${await tab.eval(() => window.innerWidth)} px the page scrolls sideways by ${wide}px`);
          },
          { width, height },
        );
      }
    });

    test('three assessments compared at one address: three columns, and the page does not scroll sideways (phone width too)', { timeout: TIMEOUT }, async () => {
      const { redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared).question;
      // 390 px; in WebKitGTK the narrowest MiniBrowser window, 447 px (engine.mjs).
      for (const [width, height] of [[1280, 800], [390, 844]]) {
        await withTab(
          async (tab) => {
            await startAssessment(tab, 'Engine Rounds Ltd');
            const first = await openedId(tab);
            await openView(tab, 'red-flags');
            await answer(tab, flag, 'yes');
            await waitForVerdict(tab, 'stop');
            await startAssessment(tab, 'Engine Rounds Ltd');
            const second = await openedId(tab);
            assert.notEqual(first, second);
            const address = `#/compare/a:${first}/a:${second}/example`;
            await tab.goto(`${server.url}${address}`);
            await tab.waitForSelector('article.compare[data-sides="3"]');
            assert.equal(await tab.eval(() => window.location.hash), address);
            const cards = await tab.eval(() => [...document.querySelectorAll('article.compare .compare-verdicts .card')].map((c) => c.dataset.verdict));
            assert.deepEqual(cards, ['stop', 'hold', 'ready'], 'one card per side, in the address’s order');
            const columns = await tab.eval(() => [...document.querySelectorAll('article.compare table')].map((t) => t.querySelectorAll('thead th').length));
            assert.ok(columns.length > 0, 'no table');
            assert.deepEqual(new Set(columns), new Set([4]), `the item column and one per side: ${JSON.stringify(columns)}`);
            const marked = await tab.eval((q) => [...document.querySelectorAll(`article.compare tr[data-item="${q}"] td`)].map((td) => td.dataset.finding ?? null), flag);
            assert.deepEqual(marked, [null, 'problem', null, null], 'the red flag marked a problem on its own side');
            const wide = await overflowX(tab);
            assert.ok(wide <= 0, `at ${await tab.eval(() => window.innerWidth)} px the page scrolls sideways by ${wide}px`);
          },
          { width, height },
        );
      }
    });

    // ---- Evidence that ages, and the exports (issue 22) -------------------------------------

    test('evidence that ages and the exports: a refused link keeps its text, a past review-by date is flagged; the answers CSV and a calendar reminder download', { timeout: TIMEOUT }, async () => {
      const { redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared).question;
      const field = (name) => `${flag}-evidence-${name}`;
      const at = (id) => `[id="${id}"]`;
      await withTab(
        async (tab) => {
          await startAssessment(tab, 'Engine Evidence Ltd');
          await openView(tab, 'red-flags');
          await answer(tab, flag, 'yes');
          await waitForVerdict(tab, 'stop');

          // The item's evidence: the <details> around its note, opened by its summary.
          const summary = await tab.eval((id) => {
            const s = document.getElementById(id)?.closest('details')?.querySelector(':scope > summary');
            if (!s) return null;
            s.dataset.e2e = 'evidence-summary';
            return 'summary[data-e2e="evidence-summary"]';
          }, `${flag}-note`);
          assert.ok(summary, `no evidence details around #${flag}-note`);
          await tab.click(summary);
          await tab.waitForSelector(at(field('who')));

          // Who, then when: typed, each field left by Tab as a user does (a date is judged then).
          // Dates are typed by the keyboard in both engines (typeDate); no value is set by script.
          await tab.fill(at(field('who')), 'Ana Keller');
          await leaveField(tab, field('who'));
          await typeDate(tab, field('when'), '2026-10-01');
          await leaveField(tab, field('when'));
          assert.equal(await tab.value(at(field('when'))), '2026-10-01', 'the gathered date after the field was left');
          assert.equal(await tab.eval((id) => document.getElementById(id), `${field('when')}-problem`), null, 'the gathered date was refused');

          // A javascript: link is refused, and its text stays in the field to be corrected.
          await tab.fill(at(field('link')), 'javascript:alert(1)');
          await leaveField(tab, field('link'));
          const problem = at(`${field('link')}-problem`);
          await poll(
            () => tab.text(problem),
            (t) => t === 'Only http:// and https:// links are kept, with a host: “javascript:alert(1)” was not. Nothing was changed.',
            'the refused link’s reason beside it',
          );
          const refused = await tab.eval((id) => {
            const input = document.getElementById(id);
            return { value: input.value, invalid: input.getAttribute('aria-invalid'), describedBy: input.getAttribute('aria-describedby') };
          }, field('link'));
          assert.deepEqual(refused, { value: 'javascript:alert(1)', invalid: 'true', describedBy: `${field('link')}-problem` }, 'the refused link’s field');
          await tab.fill(at(field('link')), 'wiki.acme.example/koom/minutes');
          await leaveField(tab, field('link'));
          await tab.waitFor((id) => document.getElementById(id) === null, [`${field('link')}-problem`], 'the reason gone once the link is kept');
          const kept = await tab.eval((id) => {
            const input = document.getElementById(id);
            return { value: input.value, invalid: input.getAttribute('aria-invalid') };
          }, field('link'));
          assert.deepEqual(kept, { value: 'https://wiki.acme.example/koom/minutes', invalid: null }, 'an address without a scheme gets https://');

          // A review-by date that has passed flags the item.
          await typeDate(tab, field('review_by'), '2026-10-15');
          await leaveField(tab, field('review_by'));
          const stale = `p.stale-evidence[data-stale="${flag}"]`;
          await tab.waitForSelector(stale);
          assert.equal(await tab.text(stale), 'Evidence to review: its review-by date (2026-10-15) has passed.');

          // The report lists it; the answers CSV carries the evidence.
          await openView(tab, 'report');
          await tab.waitFor(
            () => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].some((h) => h.textContent.trim() === 'Evidence to review'),
            [],
            'the heading “Evidence to review” in the report',
          );
          await catchDownloads(tab);
          await clickButton(tab, 'Answers (CSV)');
          const csv = await downloaded(tab);
          assert.match(csv.name, /\.csv$/, `the file name: ${csv.name}`);
          assert.ok(
            csv.text.startsWith('\uFEFFSeed section,Section,Item,Id,Question,Answer,Note,Evidence from,Evidence gathered,Evidence link,Review by,Unclear remark\r\n'),
            JSON.stringify(csv.text.slice(0, 160)),
          );
          const row = csv.text.split('\r\n').find((line) => line.includes(`,${flag},`));
          assert.ok(row?.includes(',Ana Keller,2026-10-01,https://wiki.acme.example/koom/minutes,2026-10-15,'), `the red flag’s row: ${row}`);

          // The next round's reminder, as a calendar file.
          const reminder = '[data-reminder="next-round"]';
          const label = await tab.eval((r) => {
            const l = document.querySelector(`${r} label`);
            return l && { text: l.textContent.trim(), for: l.htmlFor, date: document.querySelector(`${r} input[type="date"]`)?.id };
          }, reminder);
          assert.ok(label && label.text === 'Remind me of round 2 on' && label.for === label.date, `the reminder’s date field and label: ${JSON.stringify(label)}`);
          await typeDate(tab, label.for, '2099-03-01');
          await catchDownloads(tab);
          await clickButton(tab, 'Download reminder (.ics)', reminder);
          const ics = await downloaded(tab);
          assert.match(ics.name, /\.ics$/, `the file name: ${ics.name}`);
          assert.ok(ics.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), JSON.stringify(ics.text.slice(0, 80)));
          for (const line of ics.text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
          assert.ok(ics.text.includes('DTSTART;VALUE=DATE:20990301\r\n'), ics.text);
          assert.ok(ics.text.includes('SUMMARY:KOOM readiness: round 2 for Engine Evidence Ltd\r\n'), ics.text);

          const wide = await overflowX(tab);
          assert.ok(wide <= 0, `the report scrolls sideways by ${wide}px`);
        },
        { width: 1280, height: 800 },
      );
    });
  });
}
