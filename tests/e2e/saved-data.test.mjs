// End-to-end tests of "never lose an answer" (docs/product.md §6) on the release bundle in
// headless Chromium: two tabs editing the same assessment, imports of damaged files (and the
// refusal in view on a phone), the export → import round trip, storage that cannot be used or
// is full (the save state, leaving that asks first), unreadable saved data kept aside, and
// delete with undo. Every test also checks that the page stayed clean (no console errors, no
// failed or external requests).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, PHONE_CONTEXT, sharedApp } from './support.mjs';
import {
  BACKUP_PREFIX,
  RECORD_PREFIX,
  answer,
  barSaveStatus,
  captureDownload,
  fillStorage,
  freeStorage,
  importFile,
  libraryEntries,
  libraryEntry,
  messageNotice,
  navSaveStatus,
  openExample,
  openSaved,
  openSecondTab,
  openView,
  openedId,
  pollUntil,
  radio,
  readinessModel,
  returnToStart,
  saveAlert,
  savedRecords,
  startAssessment,
  storageEntries,
  switchAwayFrom,
  stampedDay,
  tryToLeave,
  waitForSaved,
  waitForView,
} from './flows.mjs';

const TIMEOUT = 90_000;
const FILE_FORMAT = 'koom-readiness/assessment';
const FILE_FORMAT_VERSION = 5;

const shared = sharedApp();
const { withApp } = shared;

/** Waits until a question's radio for `value` is checked (changes made elsewhere show up). */
async function waitChecked(page, questionId, value) {
  await page.waitForFunction(
    ([name, wanted]) => document.querySelector(`input[type="radio"][name="${name}"][value="${wanted}"]`)?.checked === true,
    [questionId, value],
    { timeout: 5_000 },
  );
}

/** The answers checked in the open view: { question id: answer token }. */
function checkedAnswers(page) {
  return page
    .locator('main input[type="radio"]:checked')
    .evaluateAll((inputs) => Object.fromEntries(inputs.map((input) => [input.name, input.value])));
}

/** Parses an exported assessment file and checks its envelope. */
function parseExport(download) {
  assert.match(download.name, /^koom-readiness-.+-\d{4}-\d{2}-\d{2}\.json$/, 'unexpected export file name');
  const file = JSON.parse(download.text);
  assert.equal(file.format, FILE_FORMAT);
  // Format 2 (src/domain/formats/file.rs) added each pilot iteration's gate answers and retraining.
  assert.equal(file.version, FILE_FORMAT_VERSION);
  assert.equal(file.model_version, file.assessment.model_version);
  assert.match(file.exported_at, /^\d{4}-\d{2}-\d{2}$/);
  return file;
}

/** The verdict token shown in the verdict panel. */
const verdictToken = (page) => page.locator('aside#verdict').getAttribute('data-verdict');

// ---- Two tabs -------------------------------------------------------------------------------

describe('two tabs on the same assessment', () => {
  test('a saved change shows up in the other tab; a clash asks, and "Keep both" keeps both', { timeout: TIMEOUT }, async () => {
    await withApp(async (app) => {
      const { preconditions } = readinessModel();
      const [q0, q1, q2] = preconditions.map((q) => q.id);
      const NAME = 'Two Tab Traders';
      const NOTE_B = 'Tab B: the COO still sends orders past the spine (seen 12 March).';

      // Tab A creates the assessment and answers a question.
      const tabA = app.page;
      await startAssessment(tabA, NAME);
      const id = await openedId(tabA);
      await answer(tabA, q0, 'yes');
      await waitForSaved(tabA, id, (r) => r.assessment.answers[q0] === 'yes');

      // Tab B opens it from the library.
      const tabB = await openSecondTab(app, shared.server().url);
      tabB.setDefaultTimeout(10_000);
      await openSaved(tabB, NAME);
      assert.ok(await radio(tabB, q0, 'yes').isChecked(), 'tab B does not show the answer tab A saved');

      // (a) Tab A changes an answer; once it is saved, tab B (no unsaved edits) follows by itself.
      await answer(tabA, q1, 'no');
      await waitForSaved(tabA, id, (r) => r.assessment.answers[q1] === 'no');
      await waitChecked(tabB, q1, 'no');
      await messageNotice(tabB).filter({ hasText: 'This assessment was updated from another tab.' }).waitFor();
      assert.equal(await tabB.locator('[data-notice="conflict"]').count(), 0, 'tab B asked although it had nothing unsaved');
      assert.equal(await tabA.locator('[data-notice="conflict"]').count(), 0);

      // (b) Both edit. Tab A changes an answer first (its autosave is due 0.4 s later); tab B then
      // types a note (its autosave is due 0.4 s after that); tab A is switched away from, which
      // saves it at once. So A's save always lands while B's note is still unsaved.
      const noteB = tabB.locator(`[id="${q0}-note"]`);
      await tabB.locator(`fieldset[data-question="${q0}"] summary`).click();
      await noteB.waitFor({ state: 'visible' });
      await radio(tabA, q2, 'yes').click();
      await noteB.fill(NOTE_B);
      await switchAwayFrom(tabA);
      await waitForSaved(tabA, id, (r) => r.assessment.answers[q2] === 'yes', "tab A's change saved");

      const conflict = tabB.locator('[data-notice="conflict"]');
      await conflict.waitFor();
      assert.match(await conflict.textContent(), /changed in another tab or window/);
      // The choice shows what differs: tab A answered the third question, tab B did not.
      const differs = conflict.locator(`.conflict-differences li[data-item="${q2}"]`);
      assert.match(await differs.textContent(), /Unanswered → Yes/);
      for (const name of ['Keep mine (replace the other)', 'Use the other version', 'Keep both (save mine as a copy)']) {
        assert.ok(await conflict.getByRole('button', { name, exact: true }).isVisible(), `the conflict notice has no "${name}" button`);
      }
      assert.equal(await tabA.locator('[data-notice="conflict"]').count(), 0, 'tab A, whose save landed first, shows a conflict');
      // Nothing is decided behind the user's back: B's note stays on screen, and B's autosave
      // (due by now) has not written over A's version.
      await tabB.waitForTimeout(600);
      assert.equal(await noteB.inputValue(), NOTE_B, "tab B's unsaved note is gone from the screen");
      const stored = (await savedRecords(tabA)).get(id);
      assert.equal(stored.assessment.answers[q2], 'yes', "tab A's saved answer was overwritten");
      assert.equal(stored.assessment.notes[q0], undefined, "tab B's note was saved over tab A's version without asking");

      // Keep both: A's version stays as it is, B's becomes a new entry.
      await conflict.getByRole('button', { name: 'Keep both (save mine as a copy)' }).click();
      await conflict.waitFor({ state: 'detached' });
      await messageNotice(tabB).filter({ hasText: 'Saved as a new assessment in your library.' }).waitFor();
      const COPY = `${NAME} (this tab's version)`;
      await tabB.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: COPY }).waitFor();
      assert.equal(await noteB.inputValue(), NOTE_B, "the copy on screen in tab B lost B's note");

      const records = await pollUntil(() => savedRecords(tabB), (r) => r.size === 2, 'two saved records after "Keep both"');
      const original = records.get(id);
      const [copyId, copy] = [...records].find(([key]) => key !== id);
      assert.equal(original.assessment.organisation, NAME);
      assert.deepEqual(original.assessment.answers, { [q0]: 'yes', [q1]: 'no', [q2]: 'yes' }, "tab A's answers are not all in the original");
      assert.deepEqual(original.assessment.notes, {}, "tab B's note ended up in tab A's version");
      assert.equal(copy.assessment.organisation, COPY);
      assert.equal(copy.assessment.notes[q0], NOTE_B, "tab B's note is not in the copy");
      assert.deepEqual(copy.assessment.answers, { [q0]: 'yes', [q1]: 'no' }, "tab B's answers are not in the copy");

      // Both tabs list both entries; tab A still shows its own version, without a conflict.
      const expected = [
        { id, name: NAME },
        { id: copyId, name: COPY },
      ].sort((x, y) => x.id.localeCompare(y.id));
      const listed = async (page) =>
        (await libraryEntries(page)).map(({ id: entryId, name }) => ({ id: entryId, name })).sort((x, y) => x.id.localeCompare(y.id));
      assert.deepEqual(await listed(tabB), expected, 'tab B does not list both versions');
      assert.ok(await radio(tabA, q2, 'yes').isChecked(), "tab A lost its own answer");
      assert.equal(await tabA.locator('[data-notice="conflict"]').count(), 0);
      assert.deepEqual(await listed(tabA), expected, 'tab A does not list both versions');
    });
  });
});

// ---- Import of damaged files ------------------------------------------------------------------

describe('import', () => {
  test('a damaged, foreign or oversized file is explained and changes nothing', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      const q0 = preconditions[0].id;
      await startAssessment(page, 'Alpha Assemblies');
      const alpha = await openedId(page);
      await answer(page, q0, 'yes');
      await waitForSaved(page, alpha, (r) => r.assessment.answers[q0] === 'yes');
      await startAssessment(page, 'Beta Builders');
      const beta = await openedId(page);
      await answer(page, q0, 'no');
      await waitForSaved(page, beta, (r) => r.assessment.answers[q0] === 'no');

      // A genuine export of Alpha, to damage.
      await returnToStart(page);
      const exported = await captureDownload(page, () =>
        libraryEntry(page, alpha).locator('.entry-actions').getByRole('button', { name: /^Export file/ }).click(),
      );
      const file = parseExport(exported);
      assert.equal(file.assessment.organisation, 'Alpha Assemblies');

      const listBefore = await libraryEntries(page);
      assert.deepEqual(listBefore.map((e) => e.name).sort(), ['Alpha Assemblies', 'Beta Builders']);
      const recordsBefore = await storageEntries(page, RECORD_PREFIX);
      assert.equal(recordsBefore.length, 2);
      const allBefore = await storageEntries(page);

      const withUnknownQuestion = structuredClone(file);
      withUnknownQuestion.assessment.answers['precondition.invented_question'] = 'yes';
      const cases = [
        {
          what: 'a truncated export',
          name: 'alpha-truncated.json',
          contents: exported.text.slice(0, Math.floor(exported.text.length / 2)),
          why: /looks truncated/,
        },
        {
          what: 'a text file that is not JSON',
          name: 'workshop-notes.txt',
          mimeType: 'text/plain',
          contents: 'Answers from the workshop:\nSpine in place: yes\n',
          why: /not valid JSON/,
        },
        {
          what: 'a JSON file of another kind',
          name: 'package.json',
          contents: JSON.stringify({ name: 'koom-readiness', version: '1.0.0' }, null, 2),
          why: /not a KOOM Readiness assessment/,
        },
        {
          what: 'an export with a question this model does not have',
          name: 'alpha-edited.json',
          contents: JSON.stringify(withUnknownQuestion, null, 2),
          why: /1 item this model does not have: precondition\.invented_question/,
        },
        {
          what: 'a file over 8 MiB',
          name: 'alpha-padded.json',
          contents: Buffer.concat([Buffer.from(exported.text), Buffer.alloc(8 * 1024 * 1024, ' ')]),
          why: /a KOOM Readiness file is at most 8192 KB/,
        },
        {
          what: 'a question answered twice',
          name: 'alpha-twice.json',
          contents: exported.text.replace('"answers": {', `"answers": {\n      "${q0}": "no",`),
          why: new RegExp(`lists “${q0.replaceAll('.', '\\.')}” twice in the same place \\(again at line \\d+\\)`),
        },
        {
          what: 'an answer that is not one',
          name: 'alpha-maybe.json',
          contents: exported.text.replace(`"${q0}": "yes"`, `"${q0}": "maybe"`),
          why: new RegExp(`answers\\["${q0.replaceAll('.', '\\.')}"\\] should be “yes”, “no” or “not_sure”, but is “maybe”`),
        },
        {
          what: 'a Latin-1 file',
          name: 'alpha-latin1.json',
          contents: Buffer.from(exported.text.replace('Alpha Assemblies', 'Alpha Assembl\u00e9es'), 'latin1'),
          why: /not UTF-8 text/,
        },
      ];

      for (const { what, name, mimeType, contents, why } of cases) {
        await importFile(page, name, contents, mimeType);
        // The refusal is shown where the file was chosen, not at the top of the page.
        const notice = page.locator('#import-error').filter({ hasText: `“${name}”` });
        await notice.waitFor();
        const text = (await notice.textContent()).trim();
        assert.match(text, /was not imported/, `${what}: ${text}`);
        assert.match(text, why, `${what}: the message does not say why`);
        assert.match(text, /Nothing was changed\.$/, `${what}: the message does not say nothing changed`);
        assert.ok(await page.locator('#org-name').isVisible(), `${what}: the app left the start screen`);
        assert.deepEqual(await libraryEntries(page), listBefore, `${what}: the library list changed`);
        assert.deepEqual(await storageEntries(page, RECORD_PREFIX), recordsBefore, `${what}: a saved record changed`);
        assert.deepEqual(await storageEntries(page), allBefore, `${what}: saved data changed`);
      }
    });
  });

  test('on a phone, a refused file is explained in view and focused, without scrolling by the user', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const input = page.locator('#import-file');
      // The import card is far below the fold on a phone; the page is at its top.
      const start = await page.evaluate(() => ({
        scrollY: window.scrollY,
        height: window.innerHeight,
        inputTop: document.querySelector('#import-file').getBoundingClientRect().top + window.scrollY,
      }));
      assert.equal(start.scrollY, 0);
      assert.ok(start.inputTop > start.height, `the file input is already in view (at ${start.inputTop} px of ${start.height} px)`);

      // Choosing a file does not scroll (setInputFiles never does); the app brings its answer into view.
      const name = 'workshop-notes.txt';
      await input.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('Answers from the workshop:\nSpine in place: yes\n') });
      const error = page.locator('#import-error');
      await error.waitFor();
      assert.match(await error.textContent(), new RegExp(`“${name}” was not imported: .*not valid JSON.*Nothing was changed\\.$`));
      assert.equal(await error.getAttribute('role'), 'alert');
      await page.waitForFunction(() => document.activeElement?.id === 'import-error', null, { timeout: 5_000 });

      // Wholly inside the viewport, and nothing fixed covers it.
      const seen = await error.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          box: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
          viewport: { width: window.innerWidth, height: window.innerHeight },
          scrollY: window.scrollY,
          onTop: el === hit || el.contains(hit),
        };
      });
      const { box, viewport } = seen;
      assert.ok(seen.scrollY > 0, 'the page did not scroll to the refusal');
      assert.ok(
        box.top >= 0 && box.left >= 0 && box.bottom <= viewport.height && box.right <= viewport.width,
        `#import-error is not inside the ${viewport.width}×${viewport.height} viewport: ${JSON.stringify(box)}`,
      );
      assert.ok(seen.onTop, '#import-error is covered by another element');
      assert.equal(await input.getAttribute('aria-describedby'), 'import-error');
      assert.ok(await page.locator('#org-name').count(), 'the app left the start screen');
    }, { contextOptions: PHONE_CONTEXT });
  });

  test('export → import → export gives the same assessment, as a new library entry', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions, maturity } = readinessModel();
      const flagged = preconditions[0].id;
      const REMARK = 'Does “executive” include the board? – unclear in §2';
      const NOTE = 'Observed at the Q3 review, 14 Oct.';

      // The Raccoons Inc. example (answers, step notes, ticked steps, pilot, two stability
      // cycles), copied, with an unclear flag, a question note and a "Not sure" added.
      await openExample(page);
      await page.getByRole('button', { name: 'Copy it as my starting point' }).click();
      await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: 'Copy of Raccoons Incorporated' }).waitFor();
      const original = await openedId(page);
      await waitForView(page, 'preconditions');
      await page.locator(`[id="${flagged}-unclear"]`).check();
      await page.locator(`[id="${flagged}-unclear-remark"]`).fill(REMARK);
      await openView(page, 'maturity');
      await answer(page, maturity[0].id, 'not_sure');
      await page.locator(`fieldset[data-question="${maturity[0].id}"] summary`).click();
      await page.locator(`[id="${maturity[0].id}-note"]`).fill(NOTE);
      const saved = await waitForSaved(page, original, (r) => r.assessment.notes[maturity[0].id] === NOTE && r.assessment.unclear[flagged] === REMARK);
      const verdict = await verdictToken(page);

      // Export from the report view.
      await openView(page, 'report');
      const first = await captureDownload(page, () => page.getByRole('button', { name: 'Export file (JSON)' }).click());
      const exported = parseExport(first);
      const a = exported.assessment;
      assert.deepEqual(a, saved.assessment, 'the export differs from the saved assessment');
      assert.equal(a.unclear[flagged], REMARK);
      assert.equal(a.answers[maturity[0].id], 'not_sure');
      assert.ok(Object.keys(a.notes).length > 1, 'the export has no notes');
      assert.ok(a.checklist.length > 0, 'the export has no ticked steps');
      assert.equal(a.cycles.length, 2, 'the export does not have the two stability cycles');
      assert.ok(a.pilot.department, 'the export has no pilot department');

      // Import it: the library already holds this name, so the app asks first; keeping both
      // adds a new entry, named as imported, opened, with the same verdict and answers.
      await importFile(page, first.name, first.text);
      const choice = page.locator('#import-choice');
      await choice.waitFor();
      assert.match(await choice.textContent(), new RegExp(`“${a.organisation}” is already in your library`));
      await choice.getByRole('button', { name: 'Keep both' }).click();
      await messageNotice(page).filter({ hasText: `Imported “${first.name}” as a new assessment.` }).waitFor();
      await waitForView(page, 'preconditions');
      const imported = await openedId(page);
      assert.notEqual(imported, original, 'the import replaced the original instead of adding an entry');
      const shownName = (await page.locator('.nav-org').textContent()).trim();
      const importedName = `${a.organisation} (imported ${stampedDay(shownName, (d) => `${a.organisation} (imported ${d})`, 'the imported name')})`;
      const asImported = { ...a, organisation: importedName };
      assert.equal(await verdictToken(page), verdict, 'the imported assessment has another verdict');
      for (const view of ['preconditions', 'maturity', 'red-flags']) {
        await openView(page, view);
        const shown = await checkedAnswers(page);
        const asked = await page.locator('main fieldset.question').evaluateAll((sets) => sets.map((f) => f.dataset.question));
        const expected = Object.fromEntries(asked.filter((id) => id in a.answers).map((id) => [id, a.answers[id]]));
        assert.deepEqual(shown, expected, `${view}: the imported answers on screen differ from the file`);
      }
      await openView(page, 'preconditions');
      assert.ok(await page.locator(`[id="${flagged}-unclear"]`).isChecked(), 'the unclear flag was not imported');
      assert.equal(await page.locator(`[id="${flagged}-unclear-remark"]`).inputValue(), REMARK);

      const records = await savedRecords(page);
      assert.equal(records.size, 2, 'expected the original and the imported assessment');
      assert.deepEqual(records.get(original).assessment, a, 'the original changed');
      assert.deepEqual(records.get(imported).assessment, asImported, 'the imported record differs from the file');
      const entries = await libraryEntries(page);
      assert.deepEqual(entries.map((e) => e.id).sort(), [original, imported].sort());
      assert.ok(entries.every((e) => e.verdict === verdict), 'a library entry shows another verdict');

      // Export the imported one (from the library) and compare.
      const second = await captureDownload(page, () =>
        libraryEntry(page, imported).locator('.entry-actions').getByRole('button', { name: /^Export file/ }).click(),
      );
      const reexported = parseExport(second);
      assert.deepEqual(reexported.assessment, asImported, 'export → import → export changed the assessment');
      const withoutDateAndName = (text) =>
        text.replace(/"exported_at": "[^"]*"/, '"exported_at": ""').replace(/"organisation": "[^"]*"/, '"organisation": ""');
      assert.equal(withoutDateAndName(second.text), withoutDateAndName(first.text), 'the two files differ beyond their export date and name');
    });
  });

  test('re-importing a file of the same name asks: replace it (undoable), keep both, or cancel', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      const q0 = preconditions[0].id;
      await startAssessment(page, 'Gamma Goods');
      const gamma = await openedId(page);
      await answer(page, q0, 'yes');
      await waitForSaved(page, gamma, (r) => r.assessment.answers[q0] === 'yes');
      await returnToStart(page);
      const exported = await captureDownload(page, () =>
        libraryEntry(page, gamma).locator('.entry-actions').getByRole('button', { name: /^Export file/ }).click(),
      );
      // The file says "No"; the saved one says "Yes".
      const changed = exported.text.replace(`"${q0}": "yes"`, `"${q0}": "no"`);
      const choice = page.locator('#import-choice');

      // Cancel: nothing changes.
      const before = await storageEntries(page);
      await importFile(page, exported.name, changed);
      await choice.waitFor();
      await choice.getByRole('button', { name: 'Cancel' }).click();
      await choice.waitFor({ state: 'detached' });
      assert.deepEqual(await storageEntries(page), before, 'cancel changed saved data');

      // Replace: the file's version is open in place of the saved one, and Undo brings the
      // saved one back.
      await importFile(page, exported.name, changed);
      await choice.waitFor();
      await choice.getByRole('button', { name: 'Replace it' }).click();
      await messageNotice(page).filter({ hasText: 'Replaced “Gamma Goods”' }).waitFor();
      await waitForView(page, 'preconditions');
      assert.ok(await radio(page, q0, 'no').isChecked(), 'the replacing file is not on screen');
      let names = (await libraryEntries(page)).map((e) => e.name);
      assert.deepEqual(names, ['Gamma Goods'], 'replace left two entries');
      await page.locator('[data-notice="deleted"]').getByRole('button', { name: 'Undo' }).click();
      await messageNotice(page).filter({ hasText: 'Restored “Gamma Goods”' }).waitFor();
      names = (await libraryEntries(page)).map((e) => e.name);
      assert.deepEqual(names.sort(), ['Gamma Goods', 'Gamma Goods'], 'undo did not bring the replaced version back');
      const records = [...(await savedRecords(page)).values()].map((r) => r.assessment.answers[q0]).sort();
      assert.deepEqual(records, ['no', 'yes'], 'the saved and the imported versions are not both kept');
    });
  });
});

// ---- Storage that cannot be used, unreadable data, delete ---------------------------------------

describe('storage problems', () => {
  test('without localStorage the app works in memory and exports a valid file', { timeout: TIMEOUT }, async () => {
    const { preconditions } = readinessModel();
    const [q0, q1] = preconditions.map((q) => q.id);
    let file;
    await withApp(async ({ page, context }) => {
      await context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
      });
      await page.reload({ waitUntil: 'load' });
      await page.locator('#org-name').waitFor({ state: 'visible' });
      assert.equal(
        await page.evaluate(() => {
          try {
            return typeof window.localStorage;
          } catch (error) {
            return error.name;
          }
        }),
        'SecurityError',
        'localStorage is still usable',
      );

      const notice = page.locator('[data-notice="storage"]');
      await notice.waitFor();
      await startAssessment(page, 'Memory Only Mills');
      await answer(page, q0, 'no');
      await answer(page, q1, 'yes');
      assert.match(await notice.textContent(), /kept in memory only/);
      assert.ok(await page.locator('[data-opened="memory"]').isVisible(), 'no "not saved in this browser" banner');
      await openView(page, 'maturity');
      await openView(page, 'preconditions');
      assert.ok(await radio(page, q0, 'no').isChecked(), 'an answer kept in memory was lost');

      const download = await captureDownload(page, () => notice.getByRole('button', { name: 'Export as a file' }).click());
      file = download;
      const parsed = parseExport(download);
      assert.equal(parsed.assessment.organisation, 'Memory Only Mills');
      assert.deepEqual(parsed.assessment.answers, { [q0]: 'no', [q1]: 'yes' });

      // Work kept only in memory is never replaced without a yes: the app asks in the page
      // (a native dialog would be blocked in many frames); here the answer is "Keep them".
      await page.locator('button.brand').click();
      await page.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click();
      const asked = page.locator('dialog#ask-dialog[open]');
      await asked.waitFor();
      assert.match(await asked.textContent(), /Memory Only Mills/);
      await asked.getByRole('button', { name: 'Keep them' }).click();
      await asked.waitFor({ state: 'detached' });
      assert.equal(await page.locator('[data-opened="memory"]').count(), 1, 'the memory-only work was replaced');
      assert.equal((await page.locator('.nav-org').count()), 0, 'the start screen has no section nav');
      await page.locator('[data-opened="memory"]').getByRole('button', { name: 'Close without saving' }).click();
      await page.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click();
      await page.locator('[data-opened="example"]').waitFor();
    });

    // The file is valid: it imports where storage works.
    await withApp(async ({ page }) => {
      await importFile(page, file.name, file.text);
      await messageNotice(page).filter({ hasText: `Imported “${file.name}”` }).waitFor();
      await waitForView(page, 'preconditions');
      assert.equal((await page.locator('.nav-org').textContent()).trim(), 'Memory Only Mills');
      assert.ok(await radio(page, q0, 'no').isChecked());
      assert.ok(await radio(page, q1, 'yes').isChecked());
    });
  });

  test('storage full: "Not saved — storage full" where the user works, leaving asks first, freeing space saves again', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      const [q0, q1] = preconditions.map((q) => q.id);
      const nav = navSaveStatus(page);
      const bar = barSaveStatus(page);
      const alert = saveAlert(page);
      await startAssessment(page, 'Full Shelf Freight');
      const id = await openedId(page);
      await answer(page, q0, 'yes');
      await waitForSaved(page, id, (r) => r.assessment.answers[q0] === 'yes');
      await page.locator('nav.section-nav .save-status[data-save="saved"]').waitFor();
      assert.equal((await nav.locator('.save-label').textContent()).trim(), 'Saved in this browser');
      assert.equal(await alert.count(), 1, 'expected one save alert region');
      assert.equal((await alert.textContent()).trim(), '', 'the save alert speaks while everything is saved');
      const savedBefore = await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id);

      try {
        // Fill the quota for real, then make an edit that needs more room: a long note.
        const filled = await fillStorage(page);
        assert.equal(filled.error, 'QuotaExceededError', `filling localStorage ended with ${filled.error}`);
        const NOTE = 'Seen at the Monday stand-up: the CoE owns the workflow library. '.repeat(60).slice(0, 3_800);
        const note = page.locator(`[id="${q1}-note"]`);
        await page.locator(`fieldset[data-question="${q1}"] summary`).click();
        await note.fill(NOTE);
        // Near its 4,000-character limit, the note says how much is used.
        await page.locator(`fieldset[data-question="${q1}"] p.limit-hint[data-limit="near"]`).waitFor();

        // The save state says so in the section navigation (wide screen) ...
        await page.locator('nav.section-nav .save-status[data-save="not-saved"]').waitFor();
        assert.equal((await nav.locator('.save-label').textContent()).trim(), 'Not saved — storage full');
        // One "not saved" message with one export button (issue 21): the storage notice's.
        assert.equal(await page.locator('[data-notice="storage"]').getByRole('button', { name: 'Export as a file' }).count(), 1, 'no "Export as a file" in the storage notice');
        assert.equal(await nav.getByRole('button', { name: 'Export as a file' }).count(), 0, 'a second "Export as a file" beside the save state');
        // ... is announced once to screen readers ...
        await pollUntil(async () => (await alert.textContent()).trim(), (text) => text !== '', 'the save alert');
        assert.match((await alert.textContent()).trim(), /^Not saved\. The browser's storage for this site is full/);
        // ... and nothing was written over the saved record.
        assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id), savedBefore, 'the saved record changed');

        // On a phone, the fixed verdict bar says it in a word or two.
        await page.setViewportSize(PHONE);
        await bar.waitFor({ state: 'visible' });
        assert.equal(await bar.getAttribute('data-save'), 'not-saved');
        assert.equal((await bar.locator('.save-label').textContent()).trim(), 'Not saved');
        assert.ok(await page.locator('.verdict-bar').isVisible(), 'no verdict bar on a phone');
        await page.setViewportSize(DESKTOP);
        await nav.waitFor({ state: 'visible' });

        // Leaving asks first; saying "stay" keeps the page and the edit.
        for (const how of ['reload', 'close']) {
          assert.deepEqual(await tryToLeave(page, how), ['beforeunload'], `${how}: the browser did not ask before leaving unsaved work`);
          assert.ok(!page.isClosed(), `${how}: the page went away although the user chose to stay`);
          assert.equal(await note.inputValue(), NOTE, `${how}: the unsaved note is gone`);
          assert.equal((await page.locator('.nav-org').textContent()).trim(), 'Full Shelf Freight');
          assert.equal(await nav.getAttribute('data-save'), 'not-saved', `${how}: the save state changed`);
        }

        // Space freed: the next edit saves, and the state says so again.
        assert.equal(await freeStorage(page), filled.keys);
        const NOTE_2 = `${NOTE.slice(0, 3_700)} Checked again on Tuesday.`;
        await note.fill(NOTE_2);
        await page.locator('nav.section-nav .save-status[data-save="saved"]').waitFor();
        assert.equal((await nav.locator('.save-label').textContent()).trim(), 'Saved in this browser');
        const record = await waitForSaved(page, id, (r) => r.assessment.notes[q1] === NOTE_2, 'the note saved once space was freed');
        assert.equal(record.assessment.answers[q0], 'yes');
        assert.equal((await alert.textContent()).trim(), '', 'the save alert still speaks once saved');
        assert.equal(await page.locator('[data-notice="storage"]').count(), 0, 'the "storage full" notice stayed after saving');
        await page.setViewportSize(PHONE);
        await page.locator('.verdict-bar .save-status[data-save="saved"]').waitFor({ state: 'visible' });
        assert.equal((await bar.locator('.save-label').textContent()).trim(), 'Saved');
        await page.setViewportSize(DESKTOP);

        // Leaving no longer asks; the note is there after the reload.
        assert.deepEqual(await tryToLeave(page, 'reload'), [], 'the browser asked before leaving although everything is saved');
        await waitForView(page, 'preconditions');
        assert.equal(await note.inputValue(), NOTE_2, 'the saved note is not there after a reload');
        await page.locator(`fieldset[data-question="${q1}"] summary`).click();
        assert.deepEqual(await tryToLeave(page, 'close'), [], 'closing the tab asked although everything is saved');
        assert.ok(page.isClosed(), 'the page did not close');
      } finally {
        if (!page.isClosed()) await freeStorage(page);
      }
    });
  });

  test('an unreadable saved record is kept aside and can be downloaded as it was', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const q0 = readinessModel().preconditions[0].id;
      // A good record, saved by the app.
      await startAssessment(page, 'Good Record Co');
      const good = await openedId(page);
      await answer(page, q0, 'yes');
      await waitForSaved(page, good, (r) => r.assessment.answers[q0] === 'yes');
      await returnToStart(page);
      const goodRaw = await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + good);

      // An unreadable one, as a crash mid-write or a hand edit could leave.
      const RAW =
        '{"schema":2,"id":"broken","revision":7,"updated_at":1763950000000,' +
        '"assessment":{"organisation":"Zürich – “Half-written” GmbH","answers":{"precondition.';
      await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [`${RECORD_PREFIX}broken`, RAW]);
      await page.reload({ waitUntil: 'load' });
      await returnToStart(page);

      // The good record is listed and opens; the broken one is not, and is not lost.
      const entries = await libraryEntries(page);
      assert.deepEqual(entries.map((e) => [e.id, e.name]), [[good, 'Good Record Co']]);
      const keptAside = page.locator('[data-notice="kept-aside"]');
      await keptAside.waitFor();
      assert.match(await keptAside.textContent(), /could not be read was kept aside/);
      const backups = await storageEntries(page, BACKUP_PREFIX);
      assert.equal(backups.length, 1, `expected one kept-aside record, found ${JSON.stringify(backups)}`);
      const [[backupKey, backupRaw]] = backups;
      assert.match(backupKey, /^koom-readiness\/backup\/assessment-broken-\d+$/);
      assert.equal(backupRaw, RAW, 'the kept-aside text differs from what was stored');
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), `${RECORD_PREFIX}broken`), null);
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + good), goodRaw, 'the good record was rewritten');
      assert.match(await keptAside.locator('code').textContent(), new RegExp(`^${backupKey}$`));

      const download = await captureDownload(page, () => keptAside.getByRole('button', { name: 'Download' }).click());
      assert.equal(download.text, RAW, 'the download is not exactly the unreadable text');
      assert.match(download.name, /\.txt$/);

      await openSaved(page, 'Good Record Co');
      assert.ok(await radio(page, q0, 'yes').isChecked(), 'the good record lost its answer');

      // Another load keeps the one copy aside (not moved again, not dropped).
      await page.reload({ waitUntil: 'load' });
      await returnToStart(page);
      await keptAside.waitFor();
      assert.deepEqual(await storageEntries(page, BACKUP_PREFIX), backups);
    });
  });

  test('a deleted assessment comes back with its answers on Undo', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      const [q0, q1] = preconditions.map((q) => q.id);
      const NOTE = 'Spine confirmed by the CoE lead.';
      await startAssessment(page, 'Keeper Corp');
      const keeper = await openedId(page);
      await startAssessment(page, 'Deleted Then Restored');
      const id = await openedId(page);
      await answer(page, q0, 'no');
      await answer(page, q1, 'yes');
      await page.locator(`fieldset[data-question="${q0}"] summary`).click();
      await page.locator(`[id="${q0}-note"]`).fill(NOTE);
      const before = await waitForSaved(page, id, (r) => r.assessment.notes[q0] === NOTE);
      const keeperRaw = await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + keeper);

      await returnToStart(page);
      await libraryEntry(page, id).locator('.entry-actions').getByRole('button', { name: /^Delete/ }).click();
      const notice = page.locator('[data-notice="deleted"]');
      await notice.waitFor();
      assert.match(await notice.textContent(), /Deleted “Deleted Then Restored”/);
      await libraryEntry(page, id).waitFor({ state: 'detached' });
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id), null, 'the record is still saved');
      assert.deepEqual((await libraryEntries(page)).map((e) => e.id), [keeper]);

      await notice.getByRole('button', { name: 'Undo' }).click();
      await notice.waitFor({ state: 'detached' });
      await messageNotice(page).filter({ hasText: 'Restored “Deleted Then Restored”.' }).waitFor();
      await libraryEntry(page, id).waitFor();
      const restored = (await savedRecords(page)).get(id);
      assert.deepEqual(restored?.assessment, before.assessment, 'the restored record differs from the deleted one');
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + keeper), keeperRaw, 'the other assessment changed');
      assert.deepEqual((await libraryEntries(page)).map((e) => e.id).sort(), [id, keeper].sort());

      await openSaved(page, 'Deleted Then Restored');
      assert.ok(await radio(page, q0, 'no').isChecked());
      assert.ok(await radio(page, q1, 'yes').isChecked());
      assert.equal(await page.locator(`[id="${q0}-note"]`).inputValue(), NOTE);
    });
  });
});

// ---- After "storage full", and with storage off: what the user is told and offered ------------

/** Every "Export as a file" button on screen (notices, banners, the save state). */
const exportButtons = (page) => page.getByRole('button', { name: 'Export as a file' }).filter({ visible: true });

describe('not saved: recovering, and one message at a time', () => {
  test('created while storage is full: the next change saves it once there is room, and so does freeing space in the library', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      const [q0, q1] = preconditions.map((q) => q.id);
      // A roomy entry to delete later: its note takes 4,000 characters.
      await startAssessment(page, 'Old Ballast');
      const ballast = await openedId(page);
      await page.locator(`fieldset[data-question="${q0}"] summary`).click();
      await page.locator(`[id="${q0}-note"]`).fill('Ballast. '.repeat(500).slice(0, 4_000));
      await waitForSaved(page, ballast, (r) => (r.assessment.notes[q0] ?? '').length === 4_000);
      await returnToStart(page);
      try {
        const filled = await fillStorage(page);
        assert.equal(filled.error, 'QuotaExceededError');

        // (1) Storage full at creation: kept in memory, one message, one export button.
        await startAssessment(page, 'Crowded Crates');
        const notice = page.locator('[data-notice="storage"]');
        await notice.waitFor();
        assert.match(await notice.textContent(), /storage for this site is full/);
        await answer(page, q0, 'no');
        assert.equal(await navSaveStatus(page).getAttribute('data-save'), 'not-saved');
        assert.equal(await exportButtons(page).count(), 1, 'more than one "Export as a file" on screen');
        assert.equal(await notice.getByRole('button', { name: 'Export as a file' }).count(), 1, 'the storage notice offers no export');

        // (2) Space freed outside the app: the next change saves it as a library entry.
        await freeStorage(page);
        await answer(page, q1, 'yes');
        await page.locator('nav.section-nav .save-status[data-save="saved"]').waitFor();
        await notice.waitFor({ state: 'detached' });
        assert.equal(await page.locator('[data-opened="memory"]').count(), 0, 'still "not saved in this browser"');
        const crates = await openedId(page);
        const saved = await waitForSaved(page, crates, (r) => r.assessment.answers[q1] === 'yes', 'the memory-only assessment saved');
        assert.equal(saved.assessment.organisation, 'Crowded Crates');
        assert.equal(saved.assessment.answers[q0], 'no');

        // (3) Full again, then the user deletes an entry from the app's own library: the edit
        // that could not be saved is saved at once, and the marker clears.
        await fillStorage(page);
        const NOTE = 'Checked with the CoE lead on Friday. '.repeat(30);
        await page.locator(`fieldset[data-question="${q1}"] summary`).click();
        await page.locator(`[id="${q1}-note"]`).fill(NOTE);
        await page.locator('nav.section-nav .save-status[data-save="not-saved"]').waitFor();
        await returnToStart(page);
        await libraryEntry(page, ballast).locator('.entry-actions').getByRole('button', { name: /^Delete/ }).click();
        await page.locator('[data-notice="deleted"]').waitFor();
        await waitForSaved(page, crates, (r) => r.assessment.notes[q1] === NOTE, 'the note saved once the library freed space');
        await page.locator('[data-notice="storage"]').waitFor({ state: 'detached' });
      } finally {
        await freeStorage(page);
      }
    });
  });

  test('storage off: the start page never says answers are saved, and export is offered only with something open', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page, context }) => {
      await context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
      });
      await page.reload({ waitUntil: 'load' });
      await page.locator('#org-name').waitFor({ state: 'visible' });
      const notice = page.locator('[data-notice="storage"]');
      await notice.waitFor();
      const start = await page.locator('main').textContent();
      assert.doesNotMatch(start, /saved automatically/, 'the start page says answers are saved automatically');
      assert.match(await page.locator('[data-fact="storage"]').textContent(), /memory only/);
      // Nothing open: no export (it would be an empty, untitled file).
      assert.equal(await exportButtons(page).count(), 0, '"Export as a file" offered with nothing open');

      await startAssessment(page, 'Memory Only Mills');
      await answer(page, readinessModel().preconditions[0].id, 'no');
      assert.equal(await exportButtons(page).count(), 1, 'more than one "Export as a file" on screen');
      await returnToStart(page);
      assert.equal(await exportButtons(page).count(), 1, 'more than one "Export as a file" on the start page');
      assert.ok(await page.locator('[data-opened="memory"]').isVisible());
    });
  });
});
