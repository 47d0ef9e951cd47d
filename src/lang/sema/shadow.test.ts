// Chapter 2 §3.7 Shadowing: a program's own `enum Result`/`enum Option` with other variants than
// the prelude's replaces the prelude type: type name, paths, bare constructors and patterns, `?`
// when it fits (§7.9); prelude values (`v.first()`) keep the prelude's variants.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt } from './query';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const RES = 'enum Result<T> { Ok(T), Fail(string), Pending }\n';

describe('a shadowing enum Result', () => {
  it('is the type of Ok(…), Result.Ok(…), the bare unit variant and the patterns', () => {
    const src = `${RES}fn f(n: i32): Result<i32> { if n == 0 { return Pending; } return Ok(n); }
fn main() {
    let r = Ok(2);
    let p = Result.Ok("s");
    match f(1) { Ok(v) => println("{}", v), Fail(s) => println("{}", s), Pending => println("p") }
}
`;
    expect(errors(src)).toEqual([]);
    expect(typeAt('t.vx', src, src.indexOf('let r') + 4)).toBe('let r: Result<i32>');
    expect(typeAt('t.vx', src, src.indexOf('let p') + 4)).toBe('let p: Result<str>');
  });
  it('a prelude variant it lacks is E0173, in a pattern E0116; its missing methods say why', () => {
    expect(errors(`${RES}fn f(): Result<i32> { return Err("x"); }\nfn main() { f(); }`)).toEqual(['E0173 `Err` is not a variant of `Result`: this program\'s own `enum Result` replaces the prelude one']);
    expect(errors(`${RES}fn main() { let r = Result.Ok(1); match r { Ok(v) => {}, Err(e) => {}, _ => {} } }`)).toEqual(['E0116 no variant `Err` in `Result<i32>`']);
    const d = checkSource('t.vx', `${RES}fn main() { let r = Result.Ok(1); let v = r.unwrap(); }`).diagnostics.find((x) => x.code === 'E0108')!;
    expect(d.notes.join('\n')).toContain('this program\'s own enum, which replaces the prelude `Result`');
  });
  it('`?` applies when its first variant holds one value, else E0117 says why', () => {
    expect(errors(`${RES}fn f(): Result<i32> { return Ok(1); }\nfn g(): Result<i32> { let x = f()?; return Ok(x); }\nfn main() { g(); }`)).toEqual([]);
    expect(errors('enum Result { Waiting, Ok(i32) }\nfn f(): Result { return Ok(1); }\nfn g(): Result { let x = f()?; return Ok(x); }\nfn main() { g(); }').map((e) => e.slice(0, 5))).toEqual(['E0117']);
  });
  it('prelude values keep the prelude variants; Ok/Err late typing leaves the program\'s own alone', () => {
    expect(errors(`${RES}fn main() { let! v = Vec<i32>(); v.push(1); match v.first() { Some(x) => println("{}", x), None => {} } }`)).toEqual([]);
    expect(errors(`${RES}fn main() { let r = Result.Fail("x"); }`).map((e) => e.slice(0, 5))).toEqual(['E0130']);
  });
});

describe('a shadowing enum Option', () => {
  it('its unit `None` and its `Some` are the program\'s own', () => {
    const src = 'enum Option { Some(i32), None, Many(i32, i32) }\nfn pick(k: i32): Option { if k == 0 { return None; } return Some(k); }\nfn main() { let n = None; let s = Some(3); }\n';
    expect(errors(src)).toEqual([]);
    expect(typeAt('t.vx', src, src.indexOf('let n') + 4)).toBe('let n: Option');
  });
  it('two declarations of it are still E0102', () => {
    expect(errors('enum Option { A }\nenum Option { B }\nfn main() {}')).toEqual(['E0102 the type name `Option` is defined more than once']);
  });
});

describe('a call of a name Object.prototype has (`constructor()`)', () => {
  it('is an unknown value, not a prelude variant (it was an internal compiler error)', () => {
    expect(errors('fn main() { println("{}", constructor()); }')).toEqual(['E0100 cannot find value `constructor` in this scope']);
  });
});
