// Runtime features: Vex-written and arena allocators, unions and bitfields (read back against a
// truncation model, little-endian reinterpretation), signal handlers.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

export function genAlloc(r: Rng): FuzzCase {
  const arena = r.bool();
  const n = r.int(0, 40);
  const lines = arena
    ? ['fn main() {', `    let! a = ArenaAllocator.new(${r.int(16, 4096)});`, '    set_allocator(&a!);']
    : ['struct Tally impl Allocator {', '    allocs: i32,', '    frees: i32,',
      '    fn allocate(size: usize, align: usize)!: *u8! { self.allocs += 1; return sys_alloc(size, align); }',
      '    fn deallocate(ptr: *u8!, size: usize, align: usize)! { self.frees += 1; sys_free(ptr, size, align); }',
      '}', 'fn main() {', '    let! t = Tally { allocs: 0, frees: 0 };', '    set_allocator(&t!);'];
  lines.push('    let r = catch_panic(|| {', '        let! v = Vec<i64>();', `        for i in 0..${n} { v.push(i); }`, '        let p = alloc(' + r.int(1, 256) + ');', '        free(p);', '        return v.len();', '    });');
  lines.push('    reset_allocator();', '    println("{}", r.is_ok());');
  if (!arena) lines.push('    println("{}", t.allocs >= t.frees);');
  lines.push('}');
  return { category: 'alloc', text: lines.join('\n') + '\n', expect: { exit: 0 } };
}

const UT = ['u8', 'u16', 'u32', 'u64'] as const;

export function genBits(r: Rng): FuzzCase {
  const decls: string[] = [], body: string[] = [], out: string[] = [];
  // bitfields: unsigned or signed units of 8..64 bits, random widths; values truncated to the width
  const ut = r.pick(UT), bits = Number(ut.slice(1)), sg = r.bool(0.4);
  const ty = sg ? ut.replace('u', 'i') : ut;
  const fields: number[] = [];
  for (let k = r.int(1, 4), used = 0; k > 0 && used < bits; k--) { const w = r.int(1, Math.min(bits - used, bits)); fields.push(w); used += w; }
  decls.push(`#[repr(C)]\nstruct B { ${fields.map((w, i) => `f${i}: ${ty} : ${w}`).join(', ')} }`);
  const trunc = (v: bigint, w: number) => (sg ? BigInt.asIntN(w, v) : BigInt.asUintN(w, v));
  const val = () => (sg ? BigInt.asIntN(bits, r.bits(bits)) : r.bits(bits));
  const lit = (v: bigint) => (v < 0n ? `(0 - ${-v - 1n} - 1)` : `${v}`); // (0 - 128) would not fit an i8
  body.push(`    let! b = B { ${fields.map((_, i) => `f${i}: 0`).join(', ')} };`);
  const cur = fields.map(() => 0n);
  for (let k = r.int(1, 6); k > 0; k--) {
    const i = r.int(0, fields.length - 1), v = val();
    body.push(`    let v${k}: ${ty} = ${lit(v)};`, `    b.f${i} = v${k};`);
    cur[i] = trunc(v, fields[i]);
    body.push(`    println("${fields.map(() => '{}').join(' ')}", ${fields.map((_, j) => `b.f${j}`).join(', ')});`);
    out.push(cur.join(' '));
  }
  // a union read back little-endian
  const w = r.bits(32);
  decls.push('union W { whole: u32, half: u16, low: u8 }');
  body.push(`    let! u = W { whole: ${w} };`, '    unsafe { println("{} {} {}", u.whole, u.half, u.low); }');
  out.push(`${w} ${w & 0xffffn} ${w & 0xffn}`);
  const lo = r.bits(8);
  body.push(`    u.low = ${lo};`, '    unsafe { println("{}", u.whole); }');
  out.push(String((w & ~0xffn) | lo));
  return { category: 'bits', text: `${decls.join('\n')}\nfn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}

export function genSignal(r: Rng): FuzzCase {
  const lines = ['extern "C" fn on_sig(sig: i32) { println("handler {}", sig); }', 'fn main() {'];
  const out: string[] = [];
  const state = new Map<number, 'default' | 'handler' | 'ignore'>([[10, 'default'], [12, 'default'], [15, 'default']]);
  const names: Record<number, string> = { 10: 'SIGUSR1', 12: 'SIGUSR2', 15: 'SIGTERM' };
  let exit = 0;
  for (let k = r.int(1, 10); k > 0; k--) {
    const s = r.pick([10, 12, 15]);
    const op = r.int(0, 3);
    if (op === 0) { lines.push(`    signal(${names[s]}, on_sig);`); state.set(s, 'handler'); }
    else if (op === 1) { lines.push(`    signal_ignore(${names[s]});`); state.set(s, 'ignore'); }
    else if (op === 2) { lines.push(`    signal_default(${names[s]});`); state.set(s, 'default'); }
    else {
      lines.push(`    raise(${names[s]});`, `    println("after {}", ${s});`);
      const st = state.get(s)!;
      if (st === 'default') { exit = 128 + s; break; }
      if (st === 'handler') out.push(`handler ${s}`);
      out.push(`after ${s}`);
    }
  }
  lines.push('}');
  return { category: 'signal', text: lines.join('\n') + '\n', expect: { stdout: out.map((l) => l + '\n').join(''), exit } };
}
