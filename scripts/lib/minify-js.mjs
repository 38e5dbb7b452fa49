// Minifies the release bundle's own JavaScript (the wasm-bindgen glue, the part loader, the boot
// script) with terser, the version scripts/lib/tools.sh installs (KOOM_TERSER names it). Names
// the module exports and the properties of objects (the wasm imports) stay as they are.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.env.KOOM_TERSER;
if (!dir) throw new Error('KOOM_TERSER is not set: run the release build through scripts/build-release.sh');
const { minify } = createRequire(join(dir, 'package.json'))('terser');

/**
 * `source` minified; `module`: an ES module (its top-level names are its own), else a classic
 * script. `what` names it in an error.
 */
export async function minifyJs(source, { module, what }) {
  const result = await minify(source, { module, compress: true, mangle: true, format: { comments: false } });
  if (typeof result.code !== 'string' || !result.code) throw new Error(`${what}: terser returned nothing`);
  return result.code;
}
