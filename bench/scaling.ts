// Compile-time scaling: flat programs (a long literal, many fields, variants, statements,
// closures) compiled at n and 4n items with the bundled compile (check + codegen). Linear work
// makes the time ratio about 4; quadratic work about 16. The target is a ratio under 6 for every
// shape: each of these once took 8-40 s at tens of thousands of items (issue #14, root cause 6).
//   npx tsx bench/scaling.ts      (or part of `npm run bench`)
import { pathToFileURL } from 'node:url';

type Compile = (files: { name: string; text: string }[]) => { program: unknown; diagnostics: readonly { severity: string }[] };

const list = (n: number, f: (i: number) => string, sep = ', ') => Array.from({ length: n }, (_, i) => f(i)).join(sep);

/** Each shape: a valid program of about n items. */
export const SHAPES: { name: string; n: number; make: (n: number) => string }[] = [
  { name: 'array literal', n: 15_000, make: (n) => `fn main() { let a = [${list(n, (i) => String(i % 9))}]; println("{}", a.len()); }\n` },
  { name: 'String literals', n: 5_000, make: (n) => `fn main() { let a = [${list(n, () => 'String.from("ab")')}]; println("{}", a.len()); }\n` },
  { name: 'struct fields', n: 5_000, make: (n) => `struct S { ${list(n, (i) => `g${i}: i64`)} }\nfn main() {\n    let s = S { ${list(n, (i) => `g${i}: ${i}`)} };\n    let! t: i64 = 0;\n${list(n, (i) => `    t += s.g${i};\n`, '')}    println("{}", t);\n}\n` },
  { name: 'enum variants', n: 8_000, make: (n) => `enum E { ${list(n, (i) => `V${i}`)} }\nfn main() { let e = E.V${n - 1}; match e { E.V0 => println("0"), _ => println("other") } }\n` },
  { name: 'closures in one fn', n: 2_500, make: (n) => `fn main() {\n    let! s = 0;\n${list(n, (i) => `    let g${i} = |x: i32| x + ${i};\n    s += g${i}(1);\n`, '')}    println("{}", s);\n}\n` },
  { name: 'lets in one fn', n: 8_000, make: (n) => `fn main() {\n${list(n, (i) => `    let x${i} = ${i};\n`, '')}    println("{}", x${n - 1});\n}\n` },
  { name: 'ifs in one fn', n: 2_000, make: (n) => `fn main() {\n    let! s = 0;\n${list(n, (i) => `    if s > ${i} { s += 1; } else { s += 2; }\n`, '')}    println("{}", s);\n}\n` },
  { name: 'Drop locals', n: 2_000, make: (n) => `struct D { n: i32 }\nfn (d: &D!) drop() { }\nfn main() {\n${list(n, (i) => `    let d${i} = D { n: ${i} };\n`, '')}    println("ok");\n}\n` },
];

const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };

/** Median CPU ms of compiling `text` (after one warm-up compile). */
function timeCompile(compile: Compile, text: string, runs: number): number {
  const files = [{ name: 'main.vx', text }];
  const r = compile(files);
  if (!r.program) throw new Error(`scaling program does not compile: ${text.slice(0, 80)}`);
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) { const t = cpuMs(); compile(files); ts.push(cpuMs() - t); }
  return ts.sort((a, b) => a - b)[runs >> 1];
}

export function scalingReport(compile: Compile, runs = 1): string[] {
  const out = ['compile-time scaling: CPU ms to compile n and 4n items, ratio (linear 4, quadratic 16; target < 6)'];
  for (const s of SHAPES) {
    const a = timeCompile(compile, s.make(s.n), runs), b = timeCompile(compile, s.make(4 * s.n), runs);
    const ratio = b / a;
    out.push(`  ${s.name.padEnd(20)} n=${String(s.n).padStart(6)} ${a.toFixed(0).padStart(6)} ms  4n ${b.toFixed(0).padStart(7)} ms  ratio ${ratio.toFixed(1).padStart(4)}${ratio < 6 ? '' : '  OVER TARGET'}`);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { compile } = await import('../src/lang/compile');
  for (const l of scalingReport(compile as unknown as Compile)) console.log(l);
}
