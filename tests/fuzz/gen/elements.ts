// Container elements that must not alias (issue 14): random clones, in-place writes, borrows,
// filters and String method results over a Vec of structs holding a String and a Vec, checked
// against a model of independent values; a case may instead move an element out by value, which
// must be the compile error E0163 (it used to share the element with the Vec).
import type { Rng } from './rng';
import type { FuzzCase } from './types';

interface P { n: number; name: string; xs: number[] }

export function genElements(r: Rng): FuzzCase {
  const vec: P[] = [];
  const body: string[] = ['let! ps = Vec<P>();'];
  const out: string[] = [];
  const count = r.int(1, 4);
  for (let i = 0; i < count; i++) {
    vec.push({ n: i, name: `p${i}`, xs: [] });
    body.push(`ps.push(P { n: ${i}, name: String.from("p${i}"), xs: Vec<i64>() });`);
  }
  const show = (p: P) => `${p.n} ${p.name} ${p.xs.length}`;
  let copies = 0;
  for (let k = 0, ops = r.int(2, 10); k < ops; k++) {
    const i = r.int(0, vec.length - 1);
    const el = `ps[${i}]`;
    switch (r.int(0, 5)) {
      case 0: { // a clone changed everywhere: the element stays as it was
        const c = `cl${copies++}`, add = r.int(1, 9);
        body.push(`let! ${c} = ${el}.clone();`, `${c}.n += ${add};`, `${c}.name.push("x");`, `${c}.xs.push(${add});`);
        body.push(`println("{} {} {} / {} {} {}", ${el}.n, ${el}.name, ${el}.xs.len(), ${c}.n, ${c}.name, ${c}.xs.len());`);
        const p = vec[i];
        out.push(`${show(p)} / ${p.n + add} ${p.name}x ${p.xs.length + 1}`);
        break;
      }
      case 1: { // written in place through the index
        const add = r.int(1, 9);
        body.push(`${el}.n += ${add};`, `${el}.xs.push(${add});`, `${el}.name.push("w");`);
        vec[i].n += add; vec[i].xs.push(add); vec[i].name += 'w';
        break;
      }
      case 2: { // a borrow reads the element as it is now
        const b = `bw${copies++}`;
        body.push(`let ${b} = &${el};`, `println("{} {} {}", ${b}.n, ${b}.name, ${b}.xs.len());`);
        out.push(show(vec[i]));
        break;
      }
      case 3: { // filter keeps clones: changing them leaves the Vec alone
        const f = `ft${copies++}`, lim = r.int(0, 4);
        body.push(`let! ${f} = ps.filter(|p| p.n >= ${lim});`, `for j in 0..${f}.len() { ${f}[j].n = -1; ${f}[j].name.push("f"); }`);
        body.push(`println("{}", ${f}.len());`);
        out.push(String(vec.filter((p) => p.n >= lim).length));
        break;
      }
      case 4: { // String methods make new owned text; the element's name is unchanged
        const u = `up${copies++}`;
        body.push(`let ${u} = ${el}.name.upper();`, `println("{} {} {}", ${u}, ${el}.name.text().trim().len(), ${u} == ${el}.name.to_upper());`);
        out.push(`${vec[i].name.toUpperCase()} ${vec[i].name.length} true`);
        break;
      }
      default: { // the element moved out whole or in part: E0163 (no aliasing left to observe)
        if (r.bool(0.85)) break;
        const how = r.pick([`let! m = ${el}; m.n = 99;`, `let s = ${el}.name;`, `let v = ${el}.xs;`, `let m = ps.get(${i});`,
          `let names = ps.map(|p| p.name);`, `for p in ps { let q = p; }`, `let f = || ${el};`]);
        return {
          category: 'elements',
          text: `// elements: move out of a container element\n${ITEMS}fn main() {\n    ${[...body, how].join('\n    ')}\n}\n`,
          expect: { compiles: false, outcomes: ['compile-error'] },
        };
      }
    }
  }
  for (let i = 0; i < vec.length; i++) {
    body.push(`println("{}", ps[${i}].n);`);
    out.push(String(vec[i].n));
  }
  return {
    category: 'elements',
    text: `// elements: clones, in-place writes, borrows, filters\n${ITEMS}fn main() {\n    ${body.join('\n    ')}\n    println("live {}", runtime_stats().live_bytes > 0);\n}\n`,
    expect: { stdout: [...out, 'live true', ''].join('\n'), exit: 0 },
  };
}

const ITEMS = 'struct P { n: i64, name: String, xs: Vec<i64> }\n';
