// REPL cell sequences: bindings, mutation, functions and structs defined and redefined, echoes,
// :type, panics inside a cell, :reset. Judged for internal errors and determinism.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

export function genRepl(r: Rng): FuzzCase {
  const cells: string[] = [];
  let vars = 0;
  for (let n = r.int(2, 12); n > 0; n--) {
    const v = vars ? `x${r.int(0, vars - 1)}` : null;
    switch (r.int(0, 10)) {
      case 0: cells.push(`let! x${vars++} = ${r.int(-9, 99)};`); break;
      case 1: cells.push(v ? `${v} += ${r.int(1, 9)};` : '1 + 2'); break;
      case 2: cells.push(v ?? '"text"'); break;
      case 3: cells.push(`fn f(a: i32): i32 { return a * ${r.int(1, 9)}; }`); break;
      case 4: cells.push(`f(${r.int(0, 9)})`); break;
      case 5: cells.push(`:type ${v ?? '1.5'}`); break;
      case 6: cells.push('struct P { a: i32, b: i32 }'); break;
      case 7: cells.push(`let p${vars} = P { a: ${r.int(0, 9)}, b: 2 };\nprintln("{}", p${vars}.a);`); break;
      case 8: cells.push(r.pick(['panic("cell panic");', 'let! q = Vec<i32>();\nq.push(1);\nq[5]', ':reset', ':help', 'let v = [1, 2, 3];\nv.len()'])); if (cells[cells.length - 1] === ':reset') vars = 0; break;
      case 9: cells.push(`for i in 0..${r.int(0, 5)} {\n    println("{}", i);\n}`); break;
      default: cells.push(r.pick(['let s = String.from("ab");', 'let! m = Map<i32, i32>();\nm.insert(1, 2);\nm', 'Some(3)', 'let g = Gc(5);\ngc_collect()']));
    }
  }
  return { category: 'repl', text: cells.join('\n\n'), cells };
}
