// `vex run main.vx` and `vex check main.vx` read the tabs a program imports from beside it.
import { describe, it, expect } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runRun } from './run';
import { runCheck } from './check';
import { capture, tempFiles } from './capture.test-util';

describe('the CLI with modules', () => {
  it('vex run resolves ./util and ./lib/geo beside the entry', () => {
    const t = tempFiles('vex-mod-');
    mkdirSync(join(t.dir, 'lib'));
    t.file('util.vx', 'import { twice } from "./lib/geo";\nexport fn triple(x: i32): i32 { return twice(x) + x; }');
    t.file('lib/geo.vx', 'export fn twice(x: i32): i32 { return x * 2; }');
    const main = t.file('main.vx', 'import { triple } from "./util";\nfn main() { println("{}", triple(5)); }');
    expect(capture(() => runRun([main]))).toMatchObject({ code: 0, out: '15\n' });
  });

  it('a panic in a module names its file', () => {
    const t = tempFiles('vex-mod-');
    t.file('util.vx', 'export fn boom() {\n    panic("no");\n}');
    const main = t.file('main.vx', 'import { boom } from "./util";\nfn main() { boom(); }');
    const r = capture(() => runRun([main]));
    expect(r.code).toBe(134);
    expect(r.err).toContain(`at boom (${join(t.dir, 'util.vx')}:2:5)`);
  });

  it('vex check reports a cycle once, in the file that closes it', () => {
    const t = tempFiles('vex-mod-');
    const a = t.file('a.vx', 'import { g } from "./b";\nexport fn f() { g(); }');
    const b = t.file('b.vx', 'import { f } from "./a";\nexport fn g() {}');
    const main = t.file('main.vx', 'import { f } from "./a";\nfn main() { f(); }');
    const r = capture(() => runCheck([main, a, b]));
    expect(r.code).toBe(1);
    expect(r.err.match(/circular import/g)).toHaveLength(1);
    expect(r.err).toContain(`circular import: ${main} → ${a} → ${b} → ${a}`);
    expect(r.err).toContain(`--> ${b}:1:19`);
  });

  it('a missing module is a compile error at the import', () => {
    const t = tempFiles('vex-mod-');
    const main = t.file('main.vx', 'import { f } from "./nowhere";\nfn main() { f(); }');
    const r = capture(() => runRun([main]));
    expect(r.code).toBe(1);
    expect(r.err).toContain('module not found: "./nowhere"');
  });
});
