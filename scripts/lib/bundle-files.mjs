// Readers of two files the project writes and several scripts and tests read: a language's
// catalogue (src/domain/language/<language>.rs, one ("English", "translation"), a line) and the
// split build's loader (app-<hash>/__wasm_split.js, written by wasm-split-cli: which chunks each
// split module needs). No dependencies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The catalogue file of each language but English, in src/domain/language/. */
export const CATALOGUE_FILES = { de: 'german.rs', fr: 'french.rs', es: 'spanish.rs' };

// A catalogue's own lines: ("English", "translation"),
const ENTRY = /^ {8}\("((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\),$/gm;

/** A Rust string literal's contents, its escapes read. */
export const unescapeRust = (text) =>
  text.replace(/\\(u\{([0-9a-fA-F]+)\}|n|t|\\|"|')/g, (_, what, hex) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'" }[what],
  );

/** A catalogue's source as a Map of English text → translation. */
export function catalogueEntries(source) {
  return new Map([...source.matchAll(ENTRY)].map((m) => [unescapeRust(m[1]), unescapeRust(m[2])]));
}

/**
 * What the split build's loader in `folder` (a path to app-<hash>/) fetches for each split
 * module: its file and the chunks it needs first, file names in that folder.
 * `{ later: ['split_later.wasm', 'chunk_6.wasm'], lang_de: [...], ... }`.
 */
export function splitModules(folder) {
  const loader = readFileSync(join(folder, '__wasm_split.js'), 'utf8');
  const chunks = Object.fromEntries(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const modules = {};
  const load = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g;
  for (const m of loader.matchAll(load)) {
    const needs = m[3].split(',').map((name) => name.trim()).filter(Boolean).map((name) => chunks[name]);
    modules[m[1]] = [m[2], ...needs];
  }
  return modules;
}
