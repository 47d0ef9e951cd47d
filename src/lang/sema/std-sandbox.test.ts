// The standard modules added for chapter 2 §4.7 (io, fmt, strconv, conv, collections, env, fs,
// path, process) in the checker and the editor: what they export, what the editor offers after
// `ns.`, and the diagnostics for what they do not have.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { completionsAt, typeAt } from './query';
import { stdModuleExports } from './std-modules';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const labels = (src: string, marker: string) => completionsAt('main.vx', src, src.indexOf(marker) + marker.length).map((c) => c.label);

describe('standard modules: exports', () => {
  it('each module exports its functions and types, not its helpers', () => {
    expect([...stdModuleExports('fmt').keys()]).toEqual(expect.arrayContaining(['pad_left', 'to_hex', 'format_f64_prec', 'debug', 'println', 'Display']));
    expect(stdModuleExports('fmt').has('fill_of')).toBe(false);
    expect([...stdModuleExports('collections').keys()].sort()).toEqual(['HashMap', 'HashSet', 'new_hashmap', 'new_hashset']);
    expect([...stdModuleExports('process').keys()].sort()).toEqual(['abort', 'command', 'exit', 'exit_failure', 'exit_success', 'pid', 'ppid']);
    expect(stdModuleExports('net').size).toBe(0);
  });
  it('named imports bind functions, types and the prelude items a module re-exports', () => {
    const src = 'import { HashMap } from "collections";\nimport { println, eprintln } from "io";\nfn main() {\n    let! m: HashMap<str, i32> = HashMap<str, i32>.new();\n    m.insert("a", 1);\n    println("{:?}", m.get("a"));\n    eprintln("done");\n}\n';
    expect(errors(src)).toEqual([]);
  });
  it('a sandboxed module and an unknown name are E0140 naming them', () => {
    expect(errors('import { get } from "net";\nfn main() { }\n')).toEqual(['E0140 module "net" is not available in the playground (no network, files or processes)']);
    expect(errors('import { nope } from "fs";\nfn main() { }\n')).toEqual(['E0140 `nope` is not exported by "fs"']);
  });
  it('the sandbox hooks are not callable from a program', () => {
    expect(errors('fn main() { let s = vex_sandbox("env.get", "HOME", ""); }\n')).toEqual(['E0100 cannot find value `vex_sandbox` in this scope']);
  });
});

describe('standard modules in the editor', () => {
  it('completion after a namespace lists the exports of fmt, io and collections', () => {
    const fmt = 'import * as fmt from "fmt";\nfn main() {\n    let s = fmt.pad\n}\n';
    expect(labels(fmt, 'fmt.pad').sort()).toEqual(['pad_center', 'pad_left', 'pad_right']);
    const io = 'import * as io from "io";\nfn main() {\n    io.\n}\n';
    expect(labels(io, 'io.').sort()).toEqual(['eprint', 'eprintln', 'print', 'println', 'read_line']);
    const col = 'import "collections";\nfn main() {\n    let x = collections.\n}\n';
    expect(labels(col, 'collections.').sort()).toEqual(['HashMap', 'HashSet', 'new_hashmap', 'new_hashset']);
    const item = completionsAt('main.vx', fmt, fmt.indexOf('fmt.pad') + 7).find((c) => c.label === 'pad_left');
    expect(item).toMatchObject({ kind: 'function', detail: 'fn pad_left(s: str, width: i32, fill: u8): String' });
  });
  it('completion after a HashMap value lists its methods; hover names the type', () => {
    const src = 'import { HashMap } from "collections";\nfn main() {\n    let! m = HashMap<str, i32>.new();\n    m.con\n}\n';
    expect(labels(src, 'm.con')).toEqual(['contains_key']);
    expect(typeAt('main.vx', src, src.indexOf('let! m') + 5)).toBe('let! m: HashMap<str, i32>');
  });
});
