import { describe, it, expect } from 'vitest';
import { formatSource } from './format';

const fmt = (s: string) => formatSource('t.vx', s).text;

describe('formatSource', () => {
  it('re-indents by bracket nesting with four spaces', () => {
    expect(fmt('fn main() {\n  if true {\n        println("x");\n  }\n}\n'))
      .toBe('fn main() {\n    if true {\n        println("x");\n    }\n}\n');
  });
  it('indents from the line that opened a bracket, once per line', () => {
    expect(fmt('fn main() {\nlet v = f(|| {\nreturn 1;\n});\n}\nfn f(g: fn(): i32): i32 { return g(); }\n'))
      .toBe('fn main() {\n    let v = f(|| {\n        return 1;\n    });\n}\nfn f(g: fn(): i32): i32 { return g(); }\n');
  });
  it('normalises spacing only where lexing cannot change', () => {
    expect(fmt('fn add(a:i32 ,b:i32)->i32{ return a+b ; }\n'))
      .toBe('fn add(a: i32, b: i32)->i32{ return a+b; }\n');
    expect(fmt('fn main() { let x = ( 1  +   2 ); println("{}", x); }\n'))
      .toBe('fn main() { let x = (1 + 2); println("{}", x); }\n');
  });
  it('copies strings and f-strings verbatim', () => {
    const src = 'fn main() {\n    let s = "a  ,  b ";\n    println(f"{s}   ( x )");\n}\n';
    expect(fmt(src)).toBe(src);
  });
  it('keeps comments, caps blank lines and drops them just inside braces', () => {
    expect(fmt('\n\n// top\nfn main() {\n\n  let x = 1;   // why\n\n\n\n  /* block\n     kept */\n  println("{}", x);\n\n}\n\n\n// end\n'))
      .toBe('// top\nfn main() {\n    let x = 1;   // why\n\n    /* block\n     kept */\n    println("{}", x);\n}\n\n// end\n');
  });
  it('indents statements under case labels and continuation lines', () => {
    expect(fmt('fn main() {\nlet x = 1 +\n2;\nswitch x {\ncase 3:\nprintln("three");\ndefault:\nprintln("other");\n}\n}\n'))
      .toBe('fn main() {\n    let x = 1 +\n        2;\n    switch x {\n        case 3:\n            println("three");\n        default:\n            println("other");\n    }\n}\n');
  });
  it('is idempotent', () => {
    const once = fmt('fn main(){\n let! v=[1,2 ,3];\n   for x in v { println("{}",x) ; }\n}')!;
    expect(fmt(once)).toBe(once);
  });
  it('refuses a file that does not parse', () => {
    const r = formatSource('t.vx', 'fn main() { let x = ; }\n');
    expect(r.text).toBeNull();
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
