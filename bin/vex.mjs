#!/usr/bin/env node
// `vex` command: imports the prebundled CLI (build/cli/vex.mjs, made by `npm run build:cli`, which
// `prepare` runs on npm install/ci). In a checkout the bundle is rebuilt first when it is missing or
// older than a source file, so edits take effect without a manual build step.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../build/cli/vex.mjs', import.meta.url));
const builder = new URL('../scripts/build-cli.mjs', import.meta.url);

async function ensureBundle() {
  if (!existsSync(fileURLToPath(builder))) return; // an installed package: the bundle is all there is
  const { isStale, buildCli } = await import(builder.href);
  if (!isStale()) return;
  try {
    await buildCli();
  } catch (e) {
    if (existsSync(bundle)) return; // esbuild unavailable: keep the bundle we have
    throw new Error(`the CLI bundle is missing and could not be built (npm run build:cli): ${e.message}`);
  }
}

try {
  await ensureBundle();
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`vex: ${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
