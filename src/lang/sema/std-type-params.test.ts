// A program's own types never capture a standard module's type parameters: every name any
// standard module uses as a type parameter (read from the modules' sources, so a new generic is
// covered as soon as it is written) is declared as a struct by the program, and the modules'
// generic functions and methods still check and run with their own parameters.
import { describe, it, expect } from 'vitest';
import { parse } from '../syntax/parser';
import type * as ast from '../syntax/ast';
import { checkSource } from './check';
import { stdModuleList, stdModuleSource } from './std-modules';
import { primitive } from './resolve';
import { PRELUDE_TYPE_NAMES, isBuiltinName } from './prelude';
import { execute } from '../../pipeline/execute';

/** The type parameter names of one module: declared ones and those a receiver introduces. */
function typeParamNames(module: string): Set<string> {
  const { program } = parse(`<std>/${module}.vx`, stdModuleSource(module)!);
  const own = new Set(program.items.flatMap((i) => ('name' in i && typeof i.name === 'string' ? [i.name] : [])));
  const out = new Set<string>();
  const gens = (gs: ast.GenericParam[] | undefined) => { for (const g of gs ?? []) out.add(g.name); };
  for (const it of program.items) {
    if (it.kind === 'fn') {
      gens(it.generics);
      gens(it.owner?.generics);
      const t = it.receiver?.type;
      const inner = t && (t.kind === 'ref' || t.kind === 'ptr') ? t.inner : t;
      if (inner?.kind === 'named') for (const a of inner.args) {
        if (a.kind === 'named' && !a.args.length && !own.has(a.name) && !primitive(a.name) && !isBuiltinName(a.name) && !PRELUDE_TYPE_NAMES.includes(a.name)) out.add(a.name);
      }
    } else if (it.kind === 'struct' || it.kind === 'enum' || it.kind === 'contract' || it.kind === 'type') gens(it.generics);
  }
  return out;
}

const ALL = [...new Set(stdModuleList().flatMap((m) => [...typeParamNames(m)]))].sort();

/** Every standard module imported under a namespace, a struct for each type parameter name, and
 *  calls of the generic functions and methods with arguments of other types. */
function program(names: string[], others = ''): string {
  const imports = stdModuleList().map((m) => `import * as std_${m} from "${m}";`).join('\n');
  const structs = names.map((n) => `struct ${n} { tag: i32 }`).join('\n') + others;
  return `${imports}
import { HashMap, HashSet, new_hashmap } from "collections";
import { abs, min, max, clamp, sign } from "math";
${structs}
fn main() {
    let! m = HashMap<String, ${names[0]}>.new();
    m.insert(String.from("a"), ${names[0]} { tag: 1 });
    let old = m.insert(String.from("a"), ${names[0]} { tag: 2 });
    let got = m.get(String.from("a")).unwrap().tag;
    let! n: HashMap<i64, String> = new_hashmap<i64, String>();
    n.insert(3, String.from("three"));
    let! s = HashSet<String>.new();
    s.insert(String.from("x"));
    let! plain = map_new<String, ${names[names.length - 1]}>();
    map_insert(&plain!, String.from("k"), ${names[names.length - 1]} { tag: 9 });
    let! ids = set_new<i64>();
    set_insert(&ids!, 5);
    let had = set_contains(&ids, 5);
    let sx = s.contains(String.from("x"));
    set_remove(&ids!, 5);
    println(f"{old.unwrap().tag} {got} {m.len()} {n.contains_key(3)} {sx} {map_len(&plain)} {had} {set_len(&ids)}");
    println(f"{abs(-4)} {min(2.5, 1.5)} {max(3, 8)} {clamp(12, 0, 10)} {sign(-2.0)} {std_math.abs(-1)}");
}
`;
}

describe('standard modules: program types named like their type parameters', () => {
  it('the modules use K, V and T (the set this test covers grows with them)', () => {
    expect(ALL).toEqual(expect.arrayContaining(['K', 'V', 'T']));
  });

  it('a program declaring a struct for every such name checks without errors and runs', () => {
    const src = program(ALL);
    const errs = checkSource('main.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message} ${d.span.file}:${d.span.line}`);
    expect(errs).toEqual([]);
    const e = execute([{ name: 'main.vx', text: src }], {}, 'main.vx');
    const out = (e.result?.output ?? []).filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
    expect(out).toBe('1 2 1 true true 1 true 0\n4 1.5 8 10 -1 1\n');
  });

  it('an enum, a type alias or a contract of such a name leaves them alone too', () => {
    for (const n of ALL) {
      for (const decl of [`enum ${n} { A, B }`, `type ${n} = bool;`, `contract ${n} { fn t(self: &Self): i32; }`]) {
        const src = program(['Tag'], `\n${decl}\n`);
        const errs = checkSource('main.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
        expect({ decl, errs }).toEqual({ decl, errs: [] });
      }
    }
  });

  it('each name alone (one struct per program) leaves the modules alone too', () => {
    for (const n of ALL) {
      const src = program([n]);
      const errs = checkSource('main.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
      expect({ n, errs }).toEqual({ n, errs: [] });
    }
  });
});
