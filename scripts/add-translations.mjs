// Adds translations to a language's catalogue (issue 24): reads JSON objects of English text →
// translation and writes them into src/domain/language/<language>.rs, sorted by the English
// text, one entry a line. A translation already there is replaced by the file's; nothing else
// in the catalogue changes. What every language must have is held by tests/languages.rs; what a
// catalogue lacks is printed, as such a JSON object, by
//   KOOM_LANG=de cargo test --test languages -- --ignored --nocapture untranslated
//
//   node scripts/add-translations.mjs de translations.json [more.json ...]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE_FILES as FILES, catalogueEntries } from './lib/bundle-files.mjs';

const [code, ...inputs] = process.argv.slice(2);
if (!FILES[code] || !inputs.length) {
  console.error('usage: node scripts/add-translations.mjs de|fr|es file.json [...]');
  process.exit(2);
}
const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'domain', 'language', FILES[code]);
const source = readFileSync(path, 'utf8');

const escape = (text) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');

const entries = catalogueEntries(source);
// A line this script cannot read would be lost when it writes the file: refuse instead.
const entryLines = source.split('\n').filter((line) => line.startsWith('        ("')).length;
if (entryLines !== entries.size) throw new Error(`${path}: ${entryLines - entries.size} entries are not one ("English", "translation"), a line`);
const placeholders = (text) => [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort().join(',');
let added = 0;
for (const input of inputs) {
  for (const [english, translated] of Object.entries(JSON.parse(readFileSync(input, 'utf8')))) {
    if (typeof translated !== 'string' || !translated.trim()) throw new Error(`${input}: no translation of ${JSON.stringify(english)}`);
    if (placeholders(english) !== placeholders(translated)) throw new Error(`${input}: the placeholders of ${JSON.stringify(english)} differ in ${JSON.stringify(translated)}`);
    if (!entries.has(english)) added += 1;
    entries.set(english, translated);
  }
}
const start = source.indexOf('    entries: &[\n');
const end = source.indexOf('\n    ],\n};', start);
if (start < 0 || end < 0) throw new Error(`${path}: the entries' list was not found`);
const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const lines = sorted.map(([english, translated]) => `        ("${escape(english)}", "${escape(translated)}"),`).join('\n');
writeFileSync(path, `${source.slice(0, start)}    entries: &[\n${lines}${source.slice(end)}`);
console.log(`${FILES[code]}: ${entries.size} texts (${added} new)`);
