// Where the shared suite lives: ../shared beside this repository (CI clones it there), or the
// directory named by $VEX_SHARED. Tests that need it call sharedPath(); when the suite is missing
// they fail with this explanation instead of skipping silently.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_ROOT = process.env.VEX_SHARED ? resolve(process.env.VEX_SHARED) : resolve(repoRoot, '../shared');

/** A path inside the shared suite (`sharedPath('conformance')`); throws when the suite is missing. */
export function sharedPath(...parts: string[]): string {
  if (!existsSync(join(SHARED_ROOT, 'conformance'))) {
    throw new Error(
      `the shared suite is missing: expected ${join(SHARED_ROOT, 'conformance')}. ` +
        'Put the shared directory beside this repository (../shared) or set VEX_SHARED to its path.',
    );
  }
  return join(SHARED_ROOT, ...parts);
}
