// Minifies the release bundle's own JavaScript (the wasm-bindgen glue, the boot script) with
// terser, the version scripts/lib/tools.sh installs (KOOM_TERSER names its folder). Names a
// module exports and the properties of objects (the wasm's imports) stay as they are.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.env.KOOM_TERSER;
if (!dir) throw new Error('KOOM_TERSER is not set: run the release build through scripts/build-release.sh');
const load = createRequire(join(dir, 'package.json'));
const { minify } = load('terser');

/**
 * `source` minified, never into newer syntax than it has. `module`: an ES module (its top-level
 * names are its own), else a classic script. `es5`: the result must be plain ES5 (acorn,
 * terser's own parser, reads it as such). `what` names it in an error.
 */
export async function minifyJs(source, { module, es5 = false, what }) {
  const result = await minify(source, { module, ecma: 5, compress: true, mangle: true, format: { comments: false } });
  if (typeof result.code !== 'string' || !result.code) throw new Error(`${what}: terser returned nothing`);
  if (es5) {
    try {
      load('acorn').parse(result.code, { ecmaVersion: 5, sourceType: 'script' });
    } catch (error) {
      throw new Error(`${what}, minified, is not ES5: ${error.message}`);
    }
  }
  return result.code;
}
