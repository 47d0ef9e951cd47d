// Counted loops pay their fuel in batches (fuel-loops.ts): the steps a run reports, where a fuel
// limit stops it and what it printed by then must be those of a loop that pays each iteration.
import { describe, expect, it, afterEach } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runVex } from './run-helpers.test-util';
import { setFuelBatching, fuelFree, pureCond } from './fuel-loops';
import { compile } from '../compile';
import { run } from '../../runtime/run';
import { flagsFor, OWN_DIR, SHARED_DIR } from '../../../tests/conformance-lib';
import { caseAt } from '../../../tests/fuzz/campaign';
import type { RunOptions } from '../../runtime/api';

afterEach(() => { setFuelBatching(true); });

const BATCHED = /\$b\d+: for \(;;\)/;

function both(src: string, opts: Partial<RunOptions> = {}) {
  setFuelBatching(false);
  const plain = runVex(src, opts);
  setFuelBatching(true);
  const batched = runVex(src, opts);
  const view = (r: typeof plain) => ({ steps: r.steps, outcome: r.outcome, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr });
  return { plain: view(plain), batched: view(batched), plainJs: plain.js, js: batched.js };
}

const SUM = (body: string, hi = '1000') => `fn main() {
    let! v = Vec<i32>.new();
    for i in 0..100 { v.push(i); }
    let! s = 0;
    for i in 0..${hi} {
        ${body}
    }
    println("s {}", s);
}
`;

describe('batched loop fuel', () => {
  it('counts the same steps as a loop charging each iteration', () => {
    const r = both(SUM('s += i % 7;'));
    expect(r.js).toMatch(BATCHED);
    expect(r.plainJs).not.toMatch(BATCHED);
    expect(r.batched).toEqual(r.plain);
    expect(r.batched.stdout).toBe('s 2997\n');
  });

  it('gives back the unused iterations on break, continue, return and an empty range', () => {
    for (const body of ['if i == 37 { break; } s += 1;', 'if i % 3 == 0 { continue; } s += 1;', 'if i == 500 { return; } s += 1;']) {
      const r = both(SUM(body));
      expect(r.js).toMatch(BATCHED);
      expect(r.batched).toEqual(r.plain);
    }
    const empty = both(SUM('s += 1;', '0'));
    expect(empty.batched).toEqual(empty.plain);
  });

  it('gives back the unused iterations when a panic leaves the loop, caught or not', () => {
    const uncaught = both(SUM('s += v[i];'));
    expect(uncaught.js).toMatch(BATCHED);
    expect(uncaught.batched.stderr).toContain('index out of bounds');
    expect(uncaught.batched).toEqual(uncaught.plain);
    const caught = both(`fn sum(v: &Vec<i32>, n: i32): i32 {
    let! s = 0;
    for i in 0..n { s += v[i]; }
    return s;
}
fn main() {
    let! v = Vec<i32>.new();
    for i in 0..100 { v.push(i); }
    for k in 0..5 {
        let r = catch_panic(|| sum(&v, 90 + k * 5));
        println("{} {}", k, r.is_ok());
    }
    for i in 0..1000 { v.push(i); }
}
`);
    expect(caught.js).toMatch(BATCHED);
    expect(caught.batched).toEqual(caught.plain);
  });

  it('reads the bound again each iteration, inclusive ranges too', () => {
    const shrink = both(`fn main() {
    let! n = 1000;
    let! s = 0;
    for i in 0..n { s += 1; if i == 10 { n = 20; } }
    for i in 0..=n { s += i; }
    println("{} {}", s, n);
}
`);
    expect(shrink.js).toMatch(BATCHED);
    expect(shrink.batched).toEqual(shrink.plain);
  });

  it('leaves loops that spend fuel in their body to charge each iteration; nested loops batch the innermost', () => {
    const calls = both(`fn f(x: i32): i32 { return x + 1; }
fn main() {
    let! s = 0;
    for i in 0..100 { s = f(s); }
    for i in 0..100 { println("{}", i); }
    println("{}", s);
}
`);
    expect(calls.js).not.toMatch(BATCHED);
    expect(calls.batched).toEqual(calls.plain);
    const nested = both(`fn main() {
    let! s = 0;
    for i in 0..300 {
        for j in 0..i { s += j % 3; }
        let! k = 0;
        while k < 3 { k += 1; }
    }
    println("{}", s);
}
`);
    expect(nested.js.match(new RegExp(BATCHED.source, 'g'))).toHaveLength(2); // `for j` and the `while`
    expect(nested.batched).toEqual(nested.plain);
  });

  it('stops at exactly N steps, with the same output, for every N through a run', () => {
    const src = `fn main() {
    let! s = 0;
    for r in 0..6 {
        for i in 0..r * 3 { s += i; }
        println("{} {}", r, s);
    }
}
`;
    const total = both(src).plain.steps;
    expect(total).toBeGreaterThan(40);
    for (let n = 1; n <= total + 1; n++) {
      const r = both(src, { fuel: n });
      expect(r.batched, `fuel ${n}`).toEqual(r.plain);
    }
  });

  it('stops at exactly N steps across fuel chunks (65,536 steps each)', () => {
    const src = SUM('s = (s + i) % 1000;', '300000');
    for (const n of [65_535, 65_536, 65_537, 131_072, 131_075, 200_000]) {
      const r = both(src, { fuel: n });
      expect(r.batched.outcome, `fuel ${n}`).toMatchObject({ kind: 'limit', limit: 'fuel' });
      expect(r.batched, `fuel ${n}`).toEqual(r.plain);
      expect(r.batched.steps).toBe(n);
    }
    const whole = both(src);
    expect(whole.batched).toEqual(whole.plain);
  });

  it('knows which code spends no fuel', () => {
    expect(fuelFree('s = (s + v_i_1) | 0; $t0 = v_a_2; ($t0.n < 3 ? $t0.b[1] : rt.outOfBounds(1, $t0.n, 4));')).toBe(true);
    expect(fuelFree('x = $lm_sqrt(y); v_a_2.push(x, 3); x = new E_Option_0(0, x);')).toBe(true);
    expect(fuelFree('x = "f1_g(" + y;')).toBe(true);
    for (const js of ['x = f1_g(y);', '$drop0(v);', 'x = v_f_3(y);', 'x = (yield* f());', 'for (;;) {}', 'x = () => 1;', 'x = (g)(1);', 'rt.host.cat(["a"], 1);', 'x = new rt.VVec(4, 4);', 'if (--rt.fuel < 0) rt.tick();']) {
      expect(fuelFree(js), js).toBe(false);
    }
  });
});

const BATCHED_WHILE = /let \$m\d+ = 0;\ntry \{\n\$b\d+: for/;
const WHILE = (setup: string, loop: string) => `fn main() {
    let! v = Vec<i32>.new();
    for i in 0..100 { v.push(i); }
    let! s = 0;
    let! i = 0;
    ${setup}
    ${loop}
    println("s {} i {}", s, i);
}
`;

describe('batched while and loop fuel', () => {
  it('counts the same steps as a while loop charging each iteration, up, down and empty', () => {
    for (const [setup, loop] of [
      ['', 'while i < 1000 { s += i % 7; i += 1; }'],
      ['i = 99;', 'while i >= 0 { if v[i] > s { s = v[i]; } i -= 1; }'],
      ['i = 5;', 'while i < 5 { s += 1; }'],
      ['', 'while s < 12345 && i != 70000 { s = (s + i) % 20000; i += 1; }'],
    ]) {
      const r = both(WHILE(setup, loop));
      expect(r.js, loop).toMatch(BATCHED_WHILE);
      expect(r.plainJs).not.toMatch(BATCHED_WHILE);
      expect(r.batched, loop).toEqual(r.plain);
    }
    expect(both(WHILE('', 'while i < 1000 { s += i % 7; i += 1; }')).batched.stdout).toBe('s 2997 i 1000\n');
  });

  it('gives back the unused iterations on break, continue, return and a panic in the body', () => {
    for (const loop of [
      'while i < 1000 { i += 1; if i == 37 { break; } s += 1; }',
      'while i < 1000 { i += 1; if i % 3 == 0 { continue; } s += 1; }',
      'while i < 1000 { i += 1; if i == 500 { return; } s += 1; }',
      'while i < 1000 { s += v[i]; i += 1; }',
      'loop { i += 1; if i > 700 { break; } s += i % 3; }',
      'loop { i += 1; s += v[i * 2]; }',
    ]) {
      const r = both(WHILE('', loop));
      expect(r.js, loop).toMatch(BATCHED_WHILE);
      expect(r.batched, loop).toEqual(r.plain);
    }
  });

  it('stops at exactly N steps for every N through a run, and across fuel chunks', () => {
    const src = WHILE('', `while i < 6 {
        let! j = 0;
        i += 1;
        let k = i * 3;
        while j < k { s += j; j += 1; }
        println("{} {}", i, s);
    }`);
    const total = both(src).plain.steps;
    expect(both(src).js).toMatch(BATCHED_WHILE);
    for (let n = 1; n <= total + 1; n++) {
      const r = both(src, { fuel: n });
      expect(r.batched, `fuel ${n}`).toEqual(r.plain);
    }
    const long = WHILE('', 'loop { s = (s + i) % 1000; i += 1; if i == 300000 { break; } }');
    for (const n of [65_535, 65_536, 65_537, 131_072, 131_075, 200_000]) {
      const r = both(long, { fuel: n });
      expect(r.batched.outcome, `fuel ${n}`).toMatchObject({ kind: 'limit', limit: 'fuel' });
      expect(r.batched, `fuel ${n}`).toEqual(r.plain);
      expect(r.batched.steps).toBe(n);
    }
    const whole = both(long);
    expect(whole.batched).toEqual(whole.plain);
  });

  it('leaves a while loop whose condition could panic, call or change something to charge each iteration', () => {
    for (const loop of ['while v[i] < 50 { i += 1; }', 'while v[i] >= 0 { i += 1; }', 'while v.pop().is_some() { i += 1; }', 'while f(i) { i += 1; }']) {
      const r = both(WHILE('', loop).replace('fn main', 'fn f(x: i32): bool { return x < 20; }\nfn main'));
      expect(r.js, loop).not.toMatch(BATCHED_WHILE);
      expect(r.batched, loop).toEqual(r.plain);
    }
  });

  it('knows which conditions may be read again', () => {
    for (const js of ['(v_i_7 >= 0)', 'true', '((v_i_1 < v_n_2) && (v_s_3 !== 5))', 'v_v_1.n > 0', 'x == "a(b"']) expect(pureCond(js), js).toBe(true);
    for (const js of ['(v_i_1 = 3)', 'v_i_1++ < 3', '--v_i_1 > 0', 'f1_g(v_i_1)', '((v_i_7 >>> 0) < v_a_2.n ? v_a_2.b[v_i_7] : rt.outOfBounds(v_i_7, v_a_2.n, 20)) > 0', 'new E_Option_0(1)', 'x += 1', '(() => 1)', '`a`', '(--rt.fuel < 0)']) {
      expect(pureCond(js), js).toBe(false);
    }
  });
});

// Programs with a batched loop, run with and without batching: same outcome, output and steps —
// with their own settings and with fuel limits that stop them partway (the conformance corpus
// exercises panics, catch_panic, tasks, FFI and fuel limits; the fuzz generators vary the rest).
const DIRS = [OWN_DIR, SHARED_DIR];
type Prog = { name: string; files: { name: string; text: string }[]; opts: Partial<RunOptions> };

function corpus(): Prog[] {
  const out: Prog[] = [];
  for (const dir of DIRS) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.vx')).sort()) {
      const path = join(dir, f);
      out.push({ name: f, files: [{ name: f, text: readFileSync(path, 'utf8') }], opts: flagsFor(path) });
    }
  }
  for (let i = 0; i < 2000; i++) {
    const c = caseAt(12, i);
    if (c.cells) continue;
    out.push({ name: `fuzz seed 12 #${i} (${c.category})`, files: [{ name: 'main.vx', text: c.text }], opts: { ...c.options, fuel: Math.min(c.options?.fuel ?? 5_000_000, 5_000_000) } });
  }
  return out;
}

describe('batched loop fuel over the conformance and fuzz programs', () => {
  it('changes no step count, output or outcome, nor where a fuel limit stops', () => {
    let compared = 0;
    const view = (r: ReturnType<typeof run>) => ({ steps: r.steps, outcome: r.outcome, exitCode: r.exitCode, output: r.output });
    for (const p of corpus()) {
      const c = compile(p.files);
      if (!c.program || c.program.isLibrary || !BATCHED.test(c.program.js)) continue;
      setFuelBatching(false);
      const plain = compile(p.files).program!;
      setFuelBatching(true);
      const whole = run(plain, p.opts);
      expect(view(run(c.program, p.opts)), p.name).toEqual(view(whole));
      for (const fuel of [1, 2, 3, whole.steps >> 2, whole.steps >> 1, whole.steps - 1, whole.steps]) {
        if (fuel < 1 || (p.opts.fuel && fuel > p.opts.fuel)) continue;
        expect(view(run(c.program, { ...p.opts, fuel })), `${p.name} fuel ${fuel}`).toEqual(view(run(plain, { ...p.opts, fuel })));
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  }, 600_000);
});
