// Containers of Drop values (each value prints `drop ID` when it dies: every id must appear exactly
// once) and Gc graphs with cycles, reassigned roots and gc_collect.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

// A clone of D gets the id + CLONE (each value is cloned at most once, so every id stays unique)
const CLONE = 10000;
const D = `struct D impl Drop, Clone {
    id: i32,
    fn drop()! { println("drop {}", self.id); }
}
fn (d: &D) clone(): D { return D { id: d.id + ${CLONE} }; }
struct P { d: D, n: i32 }
fn consume(d: D): i32 { return d.id; }
fn mk(id: i32): D { return D { id: id }; }
fn dup<T: Clone>(x: &T): T { return x.clone(); }
fn apply(f: fn(D): i32, d: D): i32 { return f(d); }
fn call(f: fn(): i32): i32 { return f() + again(f); }
fn again(g: fn(): i32): i32 { return g(); }
enum Two { L(D, D), R(D, P) }
`;
// a second value made with id `a` (unique: fresh ids stay far below it, clones are id + CLONE)
const SECOND = 20000;

export function genDrops(r: Rng): FuzzCase {
  let next = 1;
  const ids: number[] = [];
  const gcIds = new Set<number>();
  const fresh = () => { const id = next++; ids.push(id); return id; };
  // the model of what v, m, o and x hold, for clone(): its copies get id + CLONE, dropped at the
  // end of their block; a value already cloned is not cloned again (its clone's id would repeat)
  const vec: number[] = [];
  const map = new Map<number, number>();
  let o: number | null = null;
  const cloned = new Set<number>();
  const cloneOf = (xs: number[]) => { for (const x of xs) { cloned.add(x); ids.push(x + CLONE); } };
  const canClone = (xs: number[]) => xs.every((x) => !cloned.has(x) && x < CLONE);
  let x = fresh();
  const hmap = new Map<number, number>(); // collections' HashMap: insert/remove hand the old value out
  const body: string[] = ['    let! v = Vec<D>();', '    let! m = Map<i32, D>();', `    let! o: Option<D> = None;`, `    let! x = D { id: ${x} };`, '    let! hm = HashMap<i32, D>.new();'];
  for (let n = r.int(3, 14); n > 0; n--) {
    switch (r.int(0, 17)) {
      case 0: { const id = fresh(); body.push(`    v.push(D { id: ${id} });`); vec.push(id); break; }
      case 1: if (vec.length) { body.push('    v.pop();'); vec.pop(); } break;
      case 2: if (vec.length) { const i = r.int(0, vec.length - 1), id = fresh(); body.push(`    v[${i}] = D { id: ${id} };`); vec[i] = id; } break;
      case 3: { const k = r.int(0, 3), id = fresh(); body.push(`    m.insert(${k}, D { id: ${id} });`); map.set(k, id); break; }
      case 4: { const k = r.int(0, 3); body.push(`    m.remove(${k});`); map.delete(k); break; }
      case 5: { const id = fresh(); body.push(`    o = Some(D { id: ${id} });`); o = id; break; }
      case 6: body.push('    o = None;'); o = null; break;
      case 7: { const id = fresh(); body.push(`    x = D { id: ${id} };`); x = id; break; }
      case 8: { const id = fresh(); body.push(`    { let rx = &x!; *rx = D { id: ${id} }; }`); x = id; break; }
      case 9: body.push(`    println("consumed {}", consume(mk(${fresh()})));`); break;
      case 10: { const a = fresh(), b = fresh(); gcIds.add(a); gcIds.add(b); body.push(`    { let g = Gc(D { id: ${a} }); g.set(D { id: ${b} }); }`); if (r.bool()) body.push('    gc_collect();'); break; }
      case 11: body.push(`    { let b = Box(D { id: ${fresh()} }); }`); break;
      case 12: {
        // clone a container of Drop values (directly or through a generic `T: Clone`)
        const which = r.int(0, 3);
        const held = which === 0 ? vec.slice() : which === 1 ? [...map.values()] : which === 2 ? (o === null ? [] : [o]) : [x];
        if (!canClone(held)) break;
        const src = ['v', 'm', 'o', 'x'][which];
        body.push(r.bool() ? `    { let c = ${src}.clone(); }` : `    { let c = dup(&${src}); }`);
        cloneOf(held);
        break;
      }
      case 13: {
        // clone a value made here: a struct holding a D, a tuple, an array, a Box, a Vec of them
        const a = fresh(), b = fresh();
        const shapes = [`P { d: mk(${a}), n: ${b} }`, `(mk(${a}), ${b})`, `[mk(${a}), mk(${b})]`, `Box(mk(${a}))`, `Some(P { d: mk(${a}), n: 0 })`];
        const k = r.int(0, shapes.length - 1);
        const made = k === 2 ? [a, b] : [a];
        if (k !== 2) ids.splice(ids.indexOf(b), 1); // b is a plain number there
        body.push(`    { let y = ${shapes[k]}; let c = y.clone(); let c2 = c.clone(); }`);
        cloneOf(made);
        cloneOf(made.map((i) => i + CLONE));
        break;
      }
      case 14: {
        // an Option/Result payload handed out, lent to a closure, kept or rejected by filter
        const a = fresh();
        const forms = [
          `let q = Some(D { id: ${a} }); let y = q.unwrap();`,
          `let q = Some(D { id: ${a} }); let y = q.expect("set");`,
          `let q = Some(D { id: ${a} }); let y = q.ok_or(0);`,
          `let q = Some(D { id: ${a} }); let y = q.filter(|d| d.id % 2 == 0);`,
          `let q = Some(D { id: ${a} }); println("{}", q.map(|d| d.id).unwrap());`,
          `let q = Some(D { id: ${a} }); let y = q.or(None);`,
          `let e: Result<i32, D> = Err(D { id: ${a} }); let y = e.unwrap_err();`,
          `let e: Result<D, i32> = Ok(D { id: ${a} }); println("{}", e.map_err(|c| c + 1).is_ok());`,
          `let q = Some(D { id: ${a} }); println("{}", q.unwrap().id);`,
          // a consumed Result drops the payload of the variant the call does not give
          `let e: Result<i32, D> = Err(D { id: ${a} }); let y = e.unwrap_or(0);`,
          `let e: Result<i32, D> = Err(D { id: ${a} }); let y = e.unwrap_or_else(|c| c.id);`,
          `let e: Result<i32, D> = Err(D { id: ${a} }); let y = e.ok();`,
          `let e: Result<D, i32> = Ok(D { id: ${a} }); let y = e.err();`,
        ];
        // `unwrap_or` evaluates its default either way: both values die
        if (r.bool(0.2)) { const b = fresh(); body.push(`    { let q: Option<D> = ${r.bool() ? `Some(D { id: ${a} })` : 'None'}; let y = q.unwrap_or(D { id: ${b} }); }`); if (!body[body.length - 1].includes(`Some(D { id: ${a}`)) ids.splice(ids.indexOf(a), 1); break; }
        body.push(`    { ${forms[r.int(0, forms.length - 1)]} }`);
        break;
      }
      case 15: {
        // a closure owns its by-value parameters; one lent to map reads the elements in place;
        // one given to a parameter that cannot outlive the call drops its captures with their scope
        const a = fresh();
        const forms = [
          `{ let f = |d: D| d.id; println("{}", f(D { id: ${a} })); }`,
          `{ let g = |d: D| consume(d); println("{}", g(mk(${a}))); }`,
          `println("{}", apply(|d: D| d.id * 2, mk(${a})));`,
          `{ let k = |d: D| d; let kept = k(mk(${a})); }`,
          `{ let! w = Vec<D>(); w.push(mk(${a})); println("{:?}", w.map(|d| d.id)); }`,
          `{ let c = mk(${a}); println("{}", call(|| c.id)); }`,
          // fold's accumulator is the closure's own; a default read in place dies with its statement
          `{ let! w = Vec<i32>(); w.push(1); w.push(2); let s = w.fold(mk(${a}), |acc, n| if n > 5 { mk(0) } else { acc }); }`,
          `{ let q: Option<D> = None; println("{}", q.unwrap_or(mk(${a})).id); }`,
          `println("{}", m.get_or(99, mk(${a})).id);`,
          // an or-pattern moves one part out; the other dies with the owner
          `{ let t = Two.L(mk(${a}), mk(${a + SECOND})); println("{}", match t { Two.L(d, _) | Two.R(d, _) => consume(d) }); }`,
          `{ let t = Two.R(mk(${a}), P { d: mk(${a + SECOND}), n: 0 }); println("{}", match t { Two.L(_, d) | Two.R(_, P { d, n: _ }) => consume(d) }); }`,
        ];
        const k = r.int(0, forms.length - 1);
        if (forms[k].includes(`${a + SECOND}`)) ids.push(a + SECOND);
        body.push(`    ${forms[k]}`);
        break;
      }
      case 16: { const k = r.int(0, 3), id = fresh(); body.push(r.bool() ? `    hm.insert(${k}, D { id: ${id} });` : `    let old${n} = hm.insert(${k}, D { id: ${id} });`); hmap.set(k, id); break; }
      case 17: {
        // HashMap remove / get (a clone) and the built-in Map's clear / values (clones)
        const k = r.int(0, 3), form = r.int(0, 3), cur = hmap.get(k);
        if (form === 0) { body.push(`    hm.remove(${k});`); hmap.delete(k); }
        else if (form === 1) { if (cur !== undefined && !canClone([cur])) break; body.push(`    { let c = hm.get(${k}); }`); if (cur !== undefined) cloneOf([cur]); }
        else if (form === 2) { body.push('    m.clear();'); map.clear(); }
        else { const held = [...map.values()]; if (!canClone(held)) break; body.push('    { let c = m.values(); }'); cloneOf(held); }
        break;
      }
      default: if (vec.length) { body.push(`    let taken${n} = v.remove(0);`); vec.shift(); } else body.push(`    mk(${fresh()});`);
    }
  }
  if (r.bool(0.3)) { body.push('    v.clear();'); vec.length = 0; }
  body.push('    println("end");');
  // Gc-held values die when collected: only required not to be dropped twice.
  return { category: 'drops', text: `import { HashMap } from "collections";\n${D}fn main() {\n${body.join('\n')}\n}\n`, expect: { exit: 0, dropIds: ids.filter((i) => !gcIds.has(i)) } };
}

export function genGc(r: Rng): FuzzCase {
  const n = r.int(2, 6);
  const vals = Array.from({ length: n }, (_, i) => i * 10);
  // qs holds Gc<Q>s made where a collection runs while they are in flight (returned through a
  // frame whose drop or defer collects, map/tuple literal operands, a closure's result, receivers
  // made by the call: a borrowed one, a builtin's whose closure collects; a send blocked on a full
  // channel, a future whose task ended before its awaiter resumed; values a Map insert or literal
  // holds while its key type's own hash()/op== collects): all stay
  // reachable to the end, so a `q dropped` line is a root missed
  const body: string[] = ['    let! ns = Vec<Gc<Node>>();', '    let! qs = Vec<Gc<Q>>();'];
  for (let i = 0; i < n; i++) body.push(`    ns.push(Gc(Node { val: ${vals[i]}, next: None, r: R { id: ${i} } }));`);
  const out: string[] = [];
  let len = n;
  body.push('    let! root = ns[0];');
  let rootVal = 0;
  let qs = 0;
  for (let k = r.int(3, 14); k > 0; k--) {
    const i = r.int(0, len - 1), j = r.int(0, len - 1);
    const q = qs;
    switch (r.int(0, 17)) {
      case 17: {
        const [make, n2] = r.pick([
          [`let! cm = Map<CK, Gc<Q>>(); cm.insert(CK { n: 1 }, Gc(Q { v: ${k} })); cm[CK { n: 2 }] = Gc(Q { v: ${k + 1} });`, 2],
          [`let cm = {CK { n: 1 }: Gc(Q { v: ${k} }), CK { n: 3 }: viaDrop(${k + 1})};`, 3],
        ] as const);
        body.push(`    { ${make} qs.push(cm[CK { n: 1 }]); qs.push(cm[CK { n: ${n2} }]); }`, `    println("q {}", qs[${q}].get().v + qs[${q + 1}].get().v);`);
        out.push(`q ${2 * k + 1}`); qs += 2; break;
      }
      case 15: body.push(`    { let! ch: Channel<Gc<Q>> = Channel(1); go { ch.send(Gc(Q { v: ${k} })); ch.send(Gc(Q { v: ${k + 1} })); }; col(); qs.push(<-ch); qs.push(<-ch); }`, `    println("q {}", qs[${q}].get().v + qs[${q + 1}].get().v);`); out.push(`q ${2 * k + 1}`); qs += 2; break;
      case 16: body.push(`    qs.push(block_on(qstart(${k})));`, `    println("q {}", qs[${q}].get().v);`); out.push(`q ${k}`); qs += 1; break;
      case 13: body.push(`    qs.push(QH { g: Gc(Q { v: ${k} }) }.peek(col()));`, `    println("q {}", qs[${q}].get().v);`); out.push(`q ${k}`); qs += 1; break;
      case 14: body.push(`    { let vv = mkqv(${k}).map(|g| { col(); return g; }); qs.push(vv[0]); qs.push(vv[1]); }`, `    println("q {}", qs[${q}].get().v + qs[${q + 1}].get().v);`); out.push(`q ${2 * k + 1}`); qs += 2; break;
      case 9: body.push(`    qs.push(${r.pick(['viaDrop', 'viaDefer'])}(${k}));`, `    println("q {}", qs[${q}].get().v);`); out.push(`q ${k}`); qs += 1; break;
      case 10: body.push(`    { let m = { 1: Gc(Q { v: ${k} }), 2: viaDrop(${k + 1}) }; qs.push(m[1]); qs.push(m[2]); }`, `    println("q {}", qs[${q}].get().v + qs[${q + 1}].get().v);`); out.push(`q ${2 * k + 1}`); qs += 2; break;
      case 11: body.push(`    { let f = || { let c = Col { k: 0 }; return Gc(Q { v: ${k} }); }; qs.push(f()); }`, `    println("q {}", qs[${q}].get().v);`); out.push(`q ${k}`); qs += 1; break;
      case 12: body.push(`    { let t = (Gc(Q { v: ${k} }), col()); qs.push(t.0); }`, `    println("q {}", qs[${q}].get().v);`); out.push(`q ${k}`); qs += 1; break;
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
struct Q impl Drop { v: i32, fn drop()! { println("q dropped {}", self.v); } }
struct Col impl Drop { k: i32, fn drop()! { gc_collect(); } }
fn viaDrop(v: i32): Gc<Q> { let c = Col { k: v }; return Gc(Q { v: v }); }
fn viaDefer(v: i32): Gc<Q> { defer gc_collect(); return Gc(Q { v: v }); }
fn col(): i32 { return gc_collect() as i32 * 0; }
struct CK { n: i32 }
fn (a: &CK) op==(o: &CK): bool { col(); return a.n == o.n; }
fn (a: &CK) hash(): u64 { col(); return (a.n % 2) as u64; }
struct QH { g: Gc<Q> }
fn (h: &QH) peek(k: i32): Gc<Q> { return h.g; }
async fn qmk(v: i32): Gc<Q> { await sleep(Duration.from_millis(1)); return Gc(Q { v: v }); }
async fn qcol(): i32 { await sleep(Duration.from_millis(1)); return col(); }
fn qstart(v: i32): Future<Gc<Q>> { let f = qmk(v); let c = qcol(); return f; }
fn mkqv(v: i32): Vec<Gc<Q>> { let! w = Vec<Gc<Q>>(); w.push(Gc(Q { v: v })); w.push(Gc(Q { v: v + 1 })); return w; }
`;
  return { category: 'gc', text: `${decl}fn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}
