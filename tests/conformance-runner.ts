// `npm run conformance`: runs ../shared/conformance and tests/conformance through the same
// compile+run path as the worker. One line per failure, then `N passed, M failed`.
// `--all` also runs areas not yet enabled (for progress reports); `--filter TEXT` narrows.
import { listCases, judge, SHARED_DIR, OWN_DIR, ENABLED_AREAS } from './conformance-lib';

const args = process.argv.slice(2);
const all = args.includes('--all');
const fi = args.indexOf('--filter');
const filter = fi >= 0 ? args[fi + 1] : null;
const verbose = args.includes('--verbose');

const cases = [...listCases(SHARED_DIR), ...listCases(OWN_DIR)].filter((c) => !filter || c.name.includes(filter));
if (listCases(SHARED_DIR).length === 0) {
  console.error(`conformance: no tests found in ${SHARED_DIR}`);
  process.exit(2);
}
let passed = 0, failed = 0;
const disabled: string[] = [];
for (const c of cases) {
  if (!all && !ENABLED_AREAS.has(c.area)) { disabled.push(c.name); continue; }
  let v;
  try {
    v = judge(c);
  } catch (e) {
    v = { pass: false, reason: `runner exception: ${(e as Error).stack ?? e}` };
  }
  if (v.pass) {
    passed++;
    if (verbose) console.log(`ok   ${c.name}`);
  } else {
    failed++;
    console.log(`FAIL ${c.name}: ${v.reason}`);
  }
}
if (disabled.length) console.log(`not yet enabled (${disabled.length}): ${disabled.join(' ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
