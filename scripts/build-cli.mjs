// Bundles the `vex` CLI (src/cli/main.ts and everything it imports) into one Node ES module,
// build/cli/vex.mjs, so bin/vex.mjs starts without a TypeScript loader. Run by `npm run build:cli`
// (and so by `prepare` on npm install/ci), and by bin/vex.mjs itself when the bundle is missing or
// older than one of its inputs. Plain JavaScript: it must run before anything is compiled.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'build/cli/vex.mjs');
export const INPUTS = join(ROOT, 'build/cli/inputs.json');

/** Writes the bundle and the list of its source files (for the staleness check). */
export async function buildCli() {
  mkdirSync(dirname(BUNDLE), { recursive: true });
  // Unique temporary names + rename: concurrent builds (parallel test spawns) never see half a file.
  const tmp = `${BUNDLE}.${process.pid}.${Date.now()}.tmp`;
  const result = await build({
    absWorkingDir: ROOT, // metafile inputs are relative to this, whatever the caller's cwd
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: tmp,
    metafile: true,
    logLevel: 'error',
    // main.ts runs itself when argv[1] is src/cli/main.ts; the bundle is only ever imported.
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
  const tmpInputs = `${INPUTS}.${process.pid}.tmp`;
  writeFileSync(tmpInputs, JSON.stringify(inputs));
  renameSync(tmp, BUNDLE);
  renameSync(tmpInputs, INPUTS);
}

/** True when the bundle is missing or one of its recorded inputs (or the list) changed since. */
export function isStale() {
  let built;
  try {
    built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
    for (const p of inputs) if (statSync(join(ROOT, p)).mtimeMs > built) return true;
    return statSync(join(ROOT, 'scripts/build-cli.mjs')).mtimeMs > built;
  } catch {
    return true; // missing bundle, list or input (a deleted/renamed source): rebuild
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
