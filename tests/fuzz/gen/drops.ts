// Containers of Drop values (each value prints `drop ID` when it dies: every id must appear exactly
// once) and Gc graphs with cycles, reassigned roots and gc_collect.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

const D = `struct D impl Drop {
    id: i32,
    fn drop()! { println("drop {}", self.id); }
}
fn consume(d: D): i32 { return d.id; }
fn mk(id: i32): D { return D { id: id }; }
`;

export function genDrops(r: Rng): FuzzCase {
  let next = 1;
  const ids: number[] = [];
  const gcIds = new Set<number>();
  const fresh = () => { const id = next++; ids.push(id); return id; };
  const body: string[] = ['    let! v = Vec<D>();', '    let! m = Map<i32, D>();', `    let! o: Option<D> = None;`, `    let! x = D { id: ${fresh()} };`];
  let vlen = 0;
  for (let n = r.int(3, 14); n > 0; n--) {
    switch (r.int(0, 12)) {
      case 0: body.push(`    v.push(D { id: ${fresh()} });`); vlen++; break;
      case 1: if (vlen) { body.push('    v.pop();'); vlen--; } break;
      case 2: if (vlen) body.push(`    v[${r.int(0, vlen - 1)}] = D { id: ${fresh()} };`); break;
      case 3: body.push(`    m.insert(${r.int(0, 3)}, D { id: ${fresh()} });`); break;
      case 4: body.push(`    m.remove(${r.int(0, 3)});`); break;
      case 5: body.push(`    o = Some(D { id: ${fresh()} });`); break;
      case 6: body.push('    o = None;'); break;
      case 7: body.push(`    x = D { id: ${fresh()} };`); break;
      case 8: body.push(`    { let rx = &x!; *rx = D { id: ${fresh()} }; }`); break;
      case 9: body.push(`    println("consumed {}", consume(mk(${fresh()})));`); break;
      case 10: { const a = fresh(), b = fresh(); gcIds.add(a); gcIds.add(b); body.push(`    { let g = Gc(D { id: ${a} }); g.set(D { id: ${b} }); }`); if (r.bool()) body.push('    gc_collect();'); break; }
      case 11: body.push(`    { let b = Box(D { id: ${fresh()} }); }`); break;
      default: if (vlen) { body.push(`    let taken${n} = v.remove(0);`); vlen--; } else body.push(`    mk(${fresh()});`);
    }
  }
  if (r.bool(0.3)) body.push('    v.clear();');
  body.push('    println("end");');
  // Gc-held values die when collected: only required not to be dropped twice.
  return { category: 'drops', text: `${D}fn main() {\n${body.join('\n')}\n}\n`, expect: { exit: 0, dropIds: ids.filter((i) => !gcIds.has(i)) } };
}

export function genGc(r: Rng): FuzzCase {
  const n = r.int(2, 6);
  const vals = Array.from({ length: n }, (_, i) => i * 10);
  const body: string[] = ['    let! ns = Vec<Gc<Node>>();'];
  for (let i = 0; i < n; i++) body.push(`    ns.push(Gc(Node { val: ${vals[i]}, next: None, r: R { id: ${i} } }));`);
  const out: string[] = [];
  let len = n;
  body.push('    let! root = ns[0];');
  let rootVal = 0;
  for (let k = r.int(3, 14); k > 0; k--) {
    const i = r.int(0, len - 1), j = r.int(0, len - 1);
    switch (r.int(0, 8)) {
      case 0: body.push(`    ns[${i}].set(Node { val: ${k}, next: Some(ns[${j}]), r: R { id: ${100 + k} } });`); vals[i] = k; if (i === 0 && rootVal !== -1) rootVal = k; break;
      case 1: body.push('    gc_collect();'); break;
      case 2: body.push(`    println("{}", ns[${i}].get().val);`); out.push(String(vals[i])); break;
      case 3: if (len > 1) { body.push('    ns.pop();'); len--; } break;
      case 4: body.push(`    root = ns[${i}];`, '    gc_collect();', '    println("root {}", root.get().val);'); out.push(`root ${vals[i]}`); break;
      case 5: body.push(`    println("{}", ns[${i}] == ns[${j}]);`); out.push(String(i === j)); break;
      case 6: body.push(`    { let! mm = Map<Gc<Node>, i32>(); mm.insert(ns[${i}], 1); println("{}", mm.contains_key(ns[${j}])); }`); out.push(String(i === j)); break;
      case 7: body.push(`    { let g = ns[${i}]; let s = f"{g}"; println("{}", s.len() > 0); }`); out.push('true'); break;
      default: body.push(`    { let tmp = Gc(Node { val: 1, next: Some(ns[${i}]), r: R { id: ${200 + k} } }); ns[${i}].set(Node { val: ${vals[i]}, next: Some(tmp), r: R { id: ${300 + k} } }); }`, '    gc_collect();');
    }
  }
  body.push('    gc_collect();', '    println("end");');
  out.push('end');
  void rootVal;
  const decl = `struct R impl Drop {
    id: i32,
    fn drop()! { print(""); }
}
struct Node { val: i32, next: Option<Gc<Node>>, r: R }
`;
  return { category: 'gc', text: `${decl}fn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}
