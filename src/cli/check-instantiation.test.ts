// Issue 14: the limits found only when generic functions are instantiated (E0901 polymorphic
// recursion, a generic body that copies a `T` instantiated with a moving type, a clone of a type
// that cannot be cloned) are reported by the check path too — `vex check` and the checker API the
// editor's Problems panel uses (worker/toolchain.ts checkFiles) — with compile's message and span.
import { describe, it, expect } from 'vitest';
import { runCheck } from './check';
import { capture, tempFiles } from './capture.test-util';
import { compile } from '../lang/compile';
import { checkFiles } from '../worker/toolchain';

const { file } = tempFiles('vexcheck-inst-');

const CASES: Record<string, { src: string; code: string; line: number }> = {
  'polymorphic recursion': {
    src: 'fn nest<T>(x: T, n: i32): i32 {\n    if n == 0 { return 0; }\n    return 1 + nest(Some(x), n - 1);\n}\nfn main() { println("{}", nest(1, 3)); }\n',
    code: 'E0901', line: 1,
  },
  'a doubling instantiation': {
    src: 'fn main() { println("{}", two(0, 40)); }\nfn two<T>(x: T, n: i32): i32 {\n    if n == 0 { return 1; }\n    return two((x, x), n - 1) + two((x, 1), n - 1);\n}\n',
    code: 'E0901', line: 2,
  },
  'a generic copy of a moving type': {
    src: 'fn f<T>(x: T, v: &Vec<T>): T { return v[0]; }\nfn main() {\n    let! v = Vec<String>();\n    v.push(String.from("a"));\n    let y = f(String.from("b"), &v);\n}\n',
    code: 'E0163', line: 1,
  },
  'a clone of a type that cannot be cloned, in a standard module': {
    src: 'import { HashMap } from "collections";\nstruct H { a: ArenaAllocator }\nfn main() {\n    let! m = HashMap<i32, H>.new();\n    let x = m.get(1);\n}\n',
    code: 'E0163', line: 5,
  },
  'an operator on a type parameter instantiated with a type without it': {
    src: 'fn sub<T>(a: T, b: T): T { return a - b; }\nstruct P { x: i32 }\nfn main() {\n    let p = sub(P { x: 1 }, P { x: 2 });\n}\n',
    code: 'E0125', line: 1,
  },
  'a standard module\'s generic function with a type its body cannot handle': {
    src: 'import { abs } from "math";\nfn main() {\n    println("{}", abs(String.from("a")));\n}\n',
    code: 'E0125', line: 3,
  },
};

const compiled = (src: string) => compile([{ name: 'main.vx', text: src }]).diagnostics.filter((d) => d.severity === 'error');

describe('instantiation limits on the check path', () => {
  for (const [what, c] of Object.entries(CASES)) {
    it(`${what}: the editor's check reports compile's diagnostic (${c.code})`, () => {
      const want = compiled(c.src);
      expect(want.map((d) => d.code)).toEqual([c.code]);
      const got = checkFiles([{ name: 'main.vx', text: c.src }], 'main.vx').diagnostics.filter((d) => d.severity === 'error');
      expect(got.map((d) => ({ code: d.code, message: d.message, span: d.span, notes: d.notes })))
        .toEqual(want.map((d) => ({ code: d.code, message: d.message, span: d.span, notes: d.notes })));
      expect(got[0].span.line).toBe(c.line);
    });
    it(`${what}: vex check --json reports it and exits 1`, () => {
      const path = file(`${what.replace(/\W+/g, '_')}.vx`, c.src);
      const r = capture(() => runCheck(['--json', path]));
      expect(r.code).toBe(1);
      const errs = JSON.parse(r.out).diagnostics.filter((d: { severity: string }) => d.severity === 'error');
      const want = compiled(c.src)[0];
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatchObject({ code: c.code, message: want.message, file: path, line: want.span.line, col: want.span.col });
    });
  }
  it('a program whose generics instantiate fine has no diagnostic, and a module tab is not instantiated', () => {
    const ok = 'fn id<T>(x: T): T { return x; }\nfn main() { println("{}", id(String.from("a"))); }\n';
    expect(checkFiles([{ name: 'main.vx', text: ok }], 'main.vx').diagnostics).toEqual([]);
    expect(capture(() => runCheck([file('ok.vx', ok)])).code).toBe(0);
    // a library tab (no main): nothing is instantiated, so nothing is reported for it
    const lib = 'export fn nest<T>(x: T, n: i32): i32 {\n    if n == 0 { return 0; }\n    return 1 + nest(Some(x), n - 1);\n}\n';
    const main = 'import { nest } from "./lib";\nfn main() { println("{}", nest(1, 3)); }\n';
    const d = checkFiles([{ name: 'main.vx', text: main }, { name: 'lib.vx', text: lib }], 'main.vx').diagnostics.filter((x) => x.severity === 'error');
    expect(d.map((x) => `${x.code} ${x.span.file}:${x.span.line}`)).toEqual(['E0901 lib.vx:1']);
  });
});
