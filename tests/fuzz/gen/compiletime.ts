// Compile-time stress: long if/elif chains, thousands of functions, deep nesting, polymorphic
// recursion (must be a Vex diagnostic at once, E0901), types doubled line by line (E0169),
// constant vs run-time shift masking.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

export function genCompile(r: Rng): FuzzCase {
  switch (r.int(0, 5)) {
    case 0: {
      const n = r.bool(0.2) ? r.int(500, 2500) : r.int(2, 200), x = r.int(-2, n + 2);
      const arms = Array.from({ length: n - 1 }, (_, i) => `    elif x == ${i + 1} { r = ${(i + 1) * 3}; }`);
      const text = `fn main() {\n    let x = ${x < 0 ? `0 - ${-x}` : x};\n    let! r = 0;\n    if x == 0 { r = 0; }\n${arms.join('\n')}\n    else { r = -1; }\n    println("{}", r);\n}\n`;
      return { category: 'compile', text, expect: { stdout: `${x >= 0 && x < n ? x * 3 : -1}\n`, exit: 0 } };
    }
    case 1: {
      const n = r.bool(0.2) ? r.int(500, 3000) : r.int(1, 200);
      const fns = Array.from({ length: n }, (_, i) => `fn g${i + 1}(x: i64): i64 { return g${i}(x) + 1; }`);
      return { category: 'compile', text: `fn g0(x: i64): i64 { return x; }\n${fns.join('\n')}\nfn main() { println("{}", g${n}(0)); }\n`, expect: { stdout: `${n}\n`, exit: 0 } };
    }
    case 2: {
      const wrap = r.pick(['(x, x)', 'Some(x)', '[x, x]', 'Box(x)']);
      const text = `fn f<T>(x: T, n: i32): i32 {\n    if n == 0 { return 0; }\n    return f(${wrap}, n - 1) + 1;\n}\nfn main() { println("{}", f(1, ${r.int(0, 5)})); }\n`;
      return { category: 'compile', text, expect: { compiles: false, outcomes: ['compile-error'] } };
    }
    case 3: {
      const d = r.bool(0.2) ? r.int(500, 3000) : r.int(1, 200);
      return { category: 'compile', text: `fn main() {\n    let x = 1;\n    println("{}", ${'('.repeat(d)}x${' + 1)'.repeat(d)});\n}\n`, expect: { compiles: false } };
    }
    case 5: {
      // a type doubled line by line (a tuple of names, or an alias of a pair): E0169 once it
      // passes 65,536 parts (sema/type-size.ts), never a hang
      const n = r.int(1, 40), viaAlias = r.bool(0.5);
      const text = viaAlias
        ? `type T0 = i32;\n${Array.from({ length: n }, (_, i) => `type T${i + 1} = (T${i}, T${i});`).join('\n')}\nfn main() { println("{}", sizeof<T${n}>()); }\n`
        : `fn main() {\n    let x0 = 1;\n${Array.from({ length: n }, (_, i) => `    let x${i + 1} = (x${i}, x${i});`).join('\n')}\n    println("{}", x${n}${'.0'.repeat(n)});\n}\n`;
      // 2^(n+1) - 1 parts; the model stack (1 MiB) holds the tuple's 4 * 2^n bytes up to n = 17
      if (n >= 16) return { category: 'compile', text, expect: { compiles: false, outcomes: ['compile-error'] } };
      return { category: 'compile', text, expect: { stdout: `${viaAlias ? 4 * 2 ** n : 1}\n`, exit: 0 } };
    }
    default: {
      const t = r.pick(['u8', 'u16', 'u32', 'u64', 'i32', 'i64']), w = Number(t.slice(1)), k = r.int(0, 200);
      const masked = BigInt.asUintN(w, 1n << BigInt(k % w));
      const v = t[0] === 'i' ? BigInt.asIntN(w, masked) : masked;
      const text = `const K: ${t} = 1 << ${k};\nfn main() {\n    let s: ${t} = ${k % 2 ** (w - 1)};\n    let one: ${t} = 1;\n    println("{} {}", K, one << s);\n}\n`;
      const run = t[0] === 'i' ? BigInt.asIntN(w, 1n << BigInt((k % 2 ** (w - 1)) % w)) : BigInt.asUintN(w, 1n << BigInt((k % 2 ** (w - 1)) % w));
      return { category: 'compile', text, expect: { stdout: `${v} ${run}\n`, exit: 0 } };
    }
  }
}
