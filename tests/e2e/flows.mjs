// Shared steps for the journey and accessibility suites: starting an assessment, opening the
// Raccoons Inc. example, moving between views and answering questions, driven through the
// DOM contract of src/components/*.rs. The healthy answer of every question comes from
// docs/model.json (generated from the model, and kept in step with it by `cargo test`).
//
// Not a test file itself (node --test runs *.test.mjs only).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_HOST, REPO_ROOT } from './support.mjs';

/**
 * The views of the app: token (data-view) → navigation label, and the view's main heading
 * (null for the report, whose heading is the organisation's name).
 */
export const VIEWS = [
  { token: 'preconditions', label: 'Preconditions', heading: 'Required preconditions' },
  { token: 'maturity', label: 'Maturity', heading: 'Organisational maturity' },
  { token: 'red-flags', label: 'Red flags', heading: 'Red flags' },
  { token: 'green-flags', label: 'Green flags', heading: 'Green flags' },
  { token: 'sequence', label: 'Deployment sequence', heading: 'Deployment sequence' },
  { token: 'stability', label: 'Stability', heading: 'Stability after deployment' },
  { token: 'report', label: 'Report', heading: null },
];

/** Today's date as the app writes it (YYYY-MM-DD, local time). */
export function todayIso(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The dates the app may have stamped on something it did in the last ten minutes: today, and
 * yesterday too when a test runs across midnight (CI once failed on exactly that).
 */
export function recentDays(now = new Date()) {
  return [...new Set([todayIso(new Date(now.getTime() - 10 * 60_000)), todayIso(now)])];
}

/** A regular-expression alternative that matches any of `recentDays()`. */
export function recentDayPattern() {
  return `(?:${recentDays().join('|')})`;
}

/** The recent day for which `make(day)` equals `actual`; fails the test when there is none. */
export function stampedDay(actual, make, what = 'the date stamp') {
  const days = recentDays();
  const day = days.find((d) => make(d) === actual);
  assert.ok(day, `${what}: ${JSON.stringify(actual)} is not ${days.map((d) => JSON.stringify(make(d))).join(' or ')}`);
  return day;
}

let model;

/**
 * The readiness questions of the model, in its order, read from docs/model.json (written from
 * the model by `domain::model_json`, kept in step with it by `cargo test`):
 *   preconditions  [{ id, healthy: 'yes' | 'no' }]  (seed §2)
 *   maturity       [{ id, healthy }]                (seed §3)
 *   redFlags       [{ flag, question, healthy: 'no', shared }]  (seed §5; `shared` when the
 *                  question is a precondition's, asked once and shown in both places)
 *   gate           [step 6 gate criterion ids]
 *   signs          [{ id, text }]  the ten stability signs (seed §7)
 *   healthy        Map question id → healthy answer token, for all of the above
 */
export function readinessModel() {
  if (model) return model;
  const { preconditions, maturity, redFlags, gate, signs } = JSON.parse(
    readFileSync(join(REPO_ROOT, 'docs', 'model.json'), 'utf8'),
  );

  assert.ok(preconditions.length >= 14, `docs/model.json: expected the §2 questions, found ${preconditions.length}`);
  assert.ok(maturity.length >= 7, `docs/model.json: expected the §3 questions, found ${maturity.length}`);
  assert.equal(redFlags.length, 6, 'docs/model.json: expected six red flags');
  assert.equal(gate.length, 6, 'docs/model.json: expected six gate criteria');
  assert.equal(signs.length, 10, 'docs/model.json: expected ten stability signs');
  for (const q of [...preconditions, ...maturity]) {
    assert.ok(q.healthy, `docs/model.json: no healthy answer for ${q.id}`);
  }
  const healthy = new Map([...preconditions, ...maturity].map((q) => [q.id, q.healthy]));
  for (const f of redFlags) {
    if (f.shared) {
      assert.equal(healthy.get(f.question), 'no', `red flag ${f.flag} restates ${f.question}, whose healthy answer should be No`);
    } else {
      healthy.set(f.question, 'no');
    }
  }
  model = { preconditions, maturity, redFlags, gate, signs, healthy };
  return model;
}

/** The verdict panel. */
export const verdictPanel = (page) => page.locator('aside#verdict');

/** Waits until the verdict panel shows `token` (stop, hold, not-yet, ready). */
export async function waitForVerdict(page, token, timeout = 5_000) {
  await page.locator(`aside#verdict[data-verdict="${token}"]`).waitFor({ state: 'attached', timeout });
}

/** The navigation button of a view (by its class and token: its name is the language's). */
export const navButton = (page, token) =>
  page.locator(`nav.section-nav button[data-view="${token}"]`);

/** Waits until `token` is the open view (its navigation button is aria-current="page"). */
export async function waitForView(page, token) {
  await page
    .locator(`nav.section-nav button[data-view="${token}"][aria-current="page"]`)
    .waitFor({ state: 'attached', timeout: 5_000 });
  await page.locator('main #main-heading').waitFor({ state: 'visible' });
}

/** Opens a view by clicking its navigation button. */
export async function openView(page, token) {
  await navButton(page, token).click();
  await waitForView(page, token);
}

/** The app's in-page dialog (it never uses the browser's native confirm). */
export const askDialog = (page) => page.locator('dialog#ask-dialog[open]');

/** Starts a new assessment by mouse, from wherever the app is (dropping unsaved work if asked). */
export async function startAssessment(page, organisation = 'Acme Logistics') {
  await returnToStart(page);
  await page.locator('#org-name').fill(organisation);
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  const asked = askDialog(page);
  const view = page.locator('nav[aria-label="Assessment sections"] button[data-view="preconditions"][aria-current="page"]');
  await Promise.race([asked.waitFor({ timeout: 5_000 }), view.waitFor({ state: 'attached', timeout: 5_000 })]);
  if (await asked.count()) await asked.getByRole('button', { name: 'Drop them and go on' }).click();
  await waitForView(page, 'preconditions');
}

/** Opens a saved assessment from the start screen's library ("Your assessments") by its name. */
export async function openSaved(page, name) {
  await returnToStart(page);
  await page.locator('li.library-entry button.entry-name', { hasText: name }).first().click();
  await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: name }).waitFor();
}

/** Opens the read-only Raccoons Inc. example. */
export async function openExample(page) {
  await returnToStart(page);
  await page.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click();
  await waitForView(page, 'preconditions');
  await page.getByText('You are viewing the Raccoons Inc. example').waitFor();
}

/** Back to the start screen (brand button), unless already there. */
export async function returnToStart(page) {
  if (!(await page.locator('#org-name').isVisible())) {
    await page.getByRole('button', { name: 'KOOM Readiness' }).click();
  }
  await page.locator('#org-name').waitFor({ state: 'visible' });
}

/** The radio of a question's answer (answer: 'yes' | 'no' | 'not_sure'). */
export const radio = (page, questionId, answer) =>
  page.locator(`input[type="radio"][name="${questionId}"][value="${answer}"]`);

/** Answers a question by clicking its radio, and waits until the app has taken it. */
export async function answer(page, questionId, value) {
  await radio(page, questionId, value).click();
  await page
    .locator(`fieldset.question[data-question="${questionId}"]:not([data-finding="unanswered"])`)
    .waitFor({ state: 'attached' });
  assert.ok(await radio(page, questionId, value).isChecked(), `${questionId}: "${value}" is not checked after clicking it`);
}

/** Answers every precondition, maturity and red-flag question healthily, by mouse. */
export async function answerAllHealthy(page) {
  const { preconditions, maturity, redFlags } = readinessModel();
  await openView(page, 'preconditions');
  for (const q of preconditions) await answer(page, q.id, q.healthy);
  await openView(page, 'maturity');
  for (const q of maturity) await answer(page, q.id, q.healthy);
  await openView(page, 'red-flags');
  for (const f of redFlags.filter((flag) => !flag.shared)) await answer(page, f.question, f.healthy);
}

// ---- Saved data: storage, library, files, second tabs ------------------------------------

/** Prefix of the library's records in localStorage (src/browser/storage.rs). */
export const RECORD_PREFIX = 'koom-readiness/assessment/';
/** Prefix of the keys unreadable records are kept aside under. */
export const BACKUP_PREFIX = 'koom-readiness/backup/';
/** Key of the session record (open assessment and view). */
export const SESSION_KEY = 'koom-readiness/session';

/** Every localStorage entry whose key starts with `prefix`, as [key, raw text] sorted by key. */
export function storageEntries(page, prefix = 'koom-readiness/') {
  return page.evaluate(
    (wanted) =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith(wanted))
        .sort()
        .map((key) => [key, localStorage.getItem(key)]),
    prefix,
  );
}

/** The saved library records, parsed: Map id → record ({ schema, id, revision, updated_at, assessment }). */
export async function savedRecords(page) {
  const entries = await storageEntries(page, RECORD_PREFIX);
  return new Map(entries.map(([key, raw]) => [key.slice(RECORD_PREFIX.length), JSON.parse(raw)]));
}

/** The library id of the assessment open in `page` (from the session record). */
export async function openedId(page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
  const id = raw ? JSON.parse(raw).open : null;
  assert.ok(id, `no assessment is open according to ${SESSION_KEY}: ${raw}`);
  return id;
}

/**
 * Polls until `check(value)` holds, where value is what `read()` resolves to; fails with
 * `what` and the last value after `timeout` ms.
 */
export async function pollUntil(read, check, what, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline) {
      assert.fail(`${what}: not reached within ${timeout} ms; last seen: ${JSON.stringify(last)?.slice(0, 2_000)}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

/** Waits until the saved record `id` satisfies `check(record)` (the autosave has landed); returns it. */
export function waitForSaved(page, id, check, what = `the saved record ${id}`) {
  return pollUntil(
    async () => {
      const raw = await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id);
      return raw === null ? null : JSON.parse(raw);
    },
    (record) => record !== null && check(record),
    what,
  );
}

/** Runs `action` and returns the download it starts: { name, text }. */
export async function captureDownload(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), action()]);
  const failure = await download.failure();
  assert.equal(failure, null, `the download of ${download.suggestedFilename()} failed: ${failure}`);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Chooses a file in the start screen's "Import a file" input. */
export async function importFile(page, name, contents, mimeType = 'application/json') {
  await returnToStart(page);
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(contents, 'utf8');
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer });
}

/**
 * The Raccoons Inc. example as an assessment file (format version 5), exported by mouse from
 * its report view ("Export file (JSON)"): returns the parsed file. The example is Ready, fully
 * deployed (every checklist item ticked, a pilot department, the six gate answers Yes, no
 * retraining pending) and healthy by cycle 2, so a test can derive other states from it.
 */
export async function exportExampleFile(page) {
  await openExample(page);
  await openView(page, 'report');
  const download = await captureDownload(page, () => page.getByRole('button', { name: 'Export file (JSON)' }).click());
  const file = JSON.parse(download.text);
  assert.equal(file.format, 'koom-readiness/assessment', `${download.name} is not an assessment file`);
  assert.equal(file.version, 5, `${download.name}: expected file format version 5`);
  assert.ok(file.assessment.checklist.length > 0 && file.assessment.cycles.length === 2, `${download.name} is not the deployed example`);
  return file;
}

/**
 * Imports `file` (an assessment file object) from the start screen as `name` and waits until
 * the app has opened it as a new assessment.
 */
export async function importAssessment(page, file, name = 'assessment.json') {
  await importFile(page, name, JSON.stringify(file, null, 2));
  await messageNotice(page).filter({ hasText: `Imported “${name}” as a new assessment.` }).waitFor();
  await waitForView(page, 'preconditions');
  await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: file.assessment.organisation }).waitFor();
}

/**
 * An alignment cycle (as in the file) with four of the ten signs missing: the 4th not seen,
 * the 6th "not sure", the 9th and 10th left unmarked; the others seen. Returns
 * { cycle, missing: [{ id, text, observation: 'not_seen' | 'not_sure' | null }] } in model order.
 */
export function cycleWithSignsMissing() {
  const { signs } = readinessModel();
  const marks = new Map([[3, 'not_seen'], [5, 'not_sure'], [8, null], [9, null]]);
  const cycle = { signs: {}, notes: {} };
  const missing = [];
  for (const [index, sign] of signs.entries()) {
    const mark = marks.has(index) ? marks.get(index) : 'seen';
    if (mark) cycle.signs[sign.id] = mark;
    if (mark !== 'seen') missing.push({ ...sign, observation: mark });
  }
  return { cycle, missing };
}

/** The start screen's library list: [{ id, name, verdict }] in the order shown. */
export async function libraryEntries(page) {
  await returnToStart(page);
  return page.locator('li.library-entry').evaluateAll((items) =>
    items.map((li) => ({
      id: li.dataset.entry,
      name: li.querySelector('button.entry-name').textContent.trim(),
      verdict: li.dataset.verdict,
    })),
  );
}

/** A library entry on the start screen, by its id. */
export const libraryEntry = (page, id) => page.locator(`li.library-entry[data-entry="${id}"]`);

/** The message notice (import results, copies made, updates from another tab, …). */
export const messageNotice = (page) => page.locator('[data-notice="message"]');

/**
 * Opens a second tab on `url` in the session's browser context (same origin, same storage)
 * and records its console errors, uncaught errors, failed and external requests into the
 * session, so assertClean(session) covers both tabs.
 */
export async function openSecondTab(session, url) {
  const page = await session.context.newPage();
  const isLocal = (address) => {
    const { protocol, hostname } = new URL(address);
    return ['data:', 'blob:', 'about:'].includes(protocol) || hostname === LOCAL_HOST;
  };
  page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(`[second tab] ${message.text()}`);
  });
  page.on('pageerror', (error) => session.pageErrors.push(`[second tab] ${error.stack ?? error}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) session.external.push({ url: request.url(), resourceType: request.resourceType() });
  });
  page.on('requestfailed', (request) =>
    session.failedRequests.push(`[second tab] ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) session.failedRequests.push(`[second tab] ${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  return page;
}

/**
 * Makes `page` hidden as when the user switches to another tab: document.hidden becomes true
 * and a visibilitychange event fires (the app saves at once), then the page is visible again.
 */
export async function switchAwayFrom(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    delete document.hidden;
    delete document.visibilityState;
  });
}

// ---- Save state, full storage, leaving the page ----------------------------------------------

/** The save state in the section navigation (wide screens) and in the phone's verdict bar. */
export const navSaveStatus = (page) => page.locator('nav.section-nav .save-status');
export const barSaveStatus = (page) => page.locator('.verdict-bar .save-status');

/** The visually hidden alert region that announces a save problem when it appears. */
export const saveAlert = (page) => page.locator('div.visually-hidden[role="alert"]');

/** Prefix of the filler keys `fillStorage` writes (outside the app's `koom-readiness/` keys). */
export const FILLER_PREFIX = 'e2e-filler/';

/**
 * Fills the origin's localStorage for real: writes filler keys of shrinking size (1 MiB down to
 * one character) until every size is refused, so that any write that adds more than a few
 * characters fails. Returns { keys, characters, error } where `error` is the name of the refusal
 * (QuotaExceededError in Chromium). Free it with `freeStorage`.
 */
export function fillStorage(page) {
  return page.evaluate((prefix) => {
    let keys = 0;
    let characters = 0;
    let error = null;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`${prefix}${keys}`, chunk);
        } catch (refusal) {
          error = refusal.name;
          break;
        }
        keys += 1;
        characters += size;
        if (keys > 10_000) throw new Error('localStorage never filled up');
      }
    }
    return { keys, characters, error };
  }, FILLER_PREFIX);
}

/** Removes the filler keys `fillStorage` wrote; returns how many there were. */
export function freeStorage(page) {
  return page.evaluate((prefix) => {
    const keys = Object.keys(localStorage).filter((key) => key.startsWith(prefix));
    for (const key of keys) localStorage.removeItem(key);
    return keys.length;
  }, FILLER_PREFIX);
}

/**
 * Tries to leave `page` as a user would, by reloading it (`how: 'reload'`) or closing the tab
 * (`how: 'close'`), and says "stay" to any dialog the page raises. Returns the types of the
 * dialogs seen within `wait` ms ([] when the page let the user go; ['beforeunload'] when the
 * browser asked first and the page was kept). Chromium only asks on a page the user has
 * interacted with (clicked, typed): tests leave after such an interaction.
 */
export async function tryToLeave(page, how, wait = 2_000) {
  const seen = [];
  let resolveDialog;
  const dialogShown = new Promise((resolveShown) => {
    resolveDialog = resolveShown;
  });
  const onDialog = async (dialog) => {
    seen.push(dialog.type());
    await dialog.dismiss();
    resolveDialog();
  };
  page.on('dialog', onDialog);
  try {
    if (how === 'close') {
      // With runBeforeUnload the call returns at once; the page closes unless a dialog keeps it.
      const closed = page.waitForEvent('close', { timeout: wait }).catch(() => null);
      await page.close({ runBeforeUnload: true });
      await Promise.race([dialogShown, closed]);
    } else {
      // location.reload() rather than page.reload(): a reload the user cancels never finishes.
      const loaded = page.waitForEvent('load', { timeout: wait }).catch(() => null);
      await page
        .evaluate(() => {
          window.location.reload();
        })
        .catch((error) => {
          // The reload may tear the page's context down before the call returns.
          if (!/context was destroyed|navigation/i.test(error.message)) throw error;
        });
      await Promise.race([dialogShown, loaded]);
    }
    // A dialog can only follow the attempt; give a late one a moment to show.
    if (!page.isClosed()) await page.waitForTimeout(200);
  } finally {
    page.off('dialog', onDialog);
  }
  return seen;
}

// ---- Records written straight into storage --------------------------------------------------

/**
 * A library record as the app writes it (src/domain/formats/records.rs, `encode_saved`, schema 3),
 * holding `assessment` in the layout of the file export.
 */
export function savedRecordText(id, assessment, { revision = 1, updatedAt = Date.now() } = {}) {
  return JSON.stringify({ schema: 3, id, revision, updated_at: updatedAt, assessment });
}

/**
 * Writes `assessment` into the page's localStorage as library record `id`, opened on `view` at
 * the next start (the session record), reloads, and waits until that view is on screen.
 * `timeout` bounds the wait for the view (a record with very long texts may be slow).
 */
export async function seedAndOpen(page, id, assessment, { view = 'preconditions', timeout = 15_000 } = {}) {
  await page.evaluate(
    ([recordKey, record, sessionKey, session]) => {
      localStorage.setItem(recordKey, record);
      localStorage.setItem(sessionKey, session);
    },
    [RECORD_PREFIX + id, savedRecordText(id, assessment), SESSION_KEY, JSON.stringify({ schema: 3, open: id, view })],
  );
  // The bare address: a route in the fragment would take precedence over the session record.
  await page.goto(page.url().split('#')[0], { waitUntil: 'load', timeout });
  await page
    .locator(`nav[aria-label="Assessment sections"] button[data-view="${view}"][aria-current="page"]`)
    .waitFor({ state: 'attached', timeout });
  await page.locator('main #main-heading').waitFor({ state: 'visible', timeout });
}

/**
 * Where a test puts long texts in an assessment: the evidence note of the first precondition
 * question, the pilot's evaluation, and the note on the first stability sign in cycle 1.
 * Returns a copy of `assessment` (file layout) with `text` in those places (`cycleText` in the
 * cycle note, default `text`), and where they are.
 */
export function withLongTexts(assessment, text, { cycleText = text } = {}) {
  const { preconditions, signs } = readinessModel();
  const a = structuredClone(assessment);
  const question = preconditions[0].id;
  const sign = signs[0].id;
  assert.ok(a.cycles.length > 0, 'the assessment has no alignment cycle to put a note in');
  a.notes[question] = text;
  a.pilot.evaluation = text;
  a.cycles[0].notes = { ...(a.cycles[0].notes ?? {}), [sign]: cycleText };
  return { assessment: a, question, sign };
}
