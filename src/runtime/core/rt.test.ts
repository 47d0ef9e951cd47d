// The runtime core exercised with hand-written modules that follow the codegen conventions
// (frames via rt.depth/rt.frameSites, try/finally cleanup, rt.panic), independent of the compiler.
import { describe, it, expect } from 'vitest';
import { run } from '../run';
import type { CompiledProgram } from '../../lang/compile';
import type { ProgramMeta } from '../../common/program-meta';

const meta: ProgramMeta = {
  sites: [
    { fn: 'main', file: 'm.vx', line: 1, col: 1 },
    { fn: 'inner', file: 'm.vx', line: 5, col: 3 },
    { fn: 'outer', file: 'm.vx', line: 9, col: 3 },
  ],
  types: [{ k: 'int', name: 'i32' }],
  typeNames: ['i32'],
};
// hand-written bodies in the generated shape: the module returns `$bind(rt)` (codegen/module.ts)
const prog = (body: string): CompiledProgram => ({ js: `return function $bind(rt) {\n${body}\n};`, isLibrary: false, exports: [], meta });
const stdout = (r: ReturnType<typeof run>) => r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
const stderr = (r: ReturnType<typeof run>) => r.output.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');

// frame(name, site, body, cleanup): a function in the generated shape, with defers in `$d`.
const frame = (name: string, site: number, body: string, defers: string[] = []) => `
function ${name}(n) {
  const $f = rt.depth++; if ($f >= rt.depthLimit) rt.overflow(); if (--rt.fuel < 0) rt.tick();
  let $d = null, $u, $r;
  try {
    ${defers.map((d) => `($d || ($d = [])).push(() => { ${d} }, ${site});`).join('\n')}
    ${body}
  } catch ($e) { $u = $e; throw $e; } finally {
    rt.depth = $f + 1;
    if (rt.leave($u, ${site})) { if ($d) rt.runDefers($d, $u, ${site}); rt.endFrame($u, ${site}); }
    rt.depth = $f;
  }
}`;

describe('runtime core', () => {
  it('unwinds defers LIFO frame by frame and exits 134 with the panic on stderr', () => {
    const js = `
${frame('inner', 1, `rt.frameSites[$f] = 1; rt.panic("boom", 1);`, ['rt.out("inner d1\\n")', 'rt.out("inner d2\\n")'])}
${frame('outer', 2, `rt.frameSites[$f] = 2; inner(1);`, ['rt.out("outer d1\\n")'])}
${frame('main', 0, `rt.frameSites[$f] = 0; outer(1); rt.out("not reached\\n");`)}
return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`;
    const r = run(prog(js));
    expect(stdout(r)).toBe('inner d2\ninner d1\nouter d1\n');
    expect(r.exitCode).toBe(134);
    expect(r.outcome.kind).toBe('panicked');
    expect(stderr(r)).toMatch(/^panic: boom\n  at inner \(m\.vx:5:3\)\n  at outer \(m\.vx:9:3\)\n  at main \(m\.vx:1:1\)/);
    const kinds = r.panic!.unwind.map((u) => u.kind);
    expect(kinds).toEqual(['frame', 'defer', 'defer', 'leave', 'frame', 'defer', 'leave', 'frame', 'leave', 'aborted']);
  });

  it('catch_panic stops the unwind, prints nothing and restores the stack depth', () => {
    const js = `
${frame('inner', 1, `rt.panic("bad", 1);`, ['rt.out("cleanup\\n")'])}
function main() {
  const $f = rt.depth++;
  const r = rt.catchPanic(() => inner(0), 0, (t, v) => ({ t, v }));
  rt.out(r.t + ":" + r.v + " depth=" + rt.depth + "\\n");
  rt.depth = $f;
  return 3;
}
return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`;
    const r = run(prog(js));
    expect(stdout(r)).toBe('cleanup\n1:bad depth=1\n');
    expect(stderr(r)).toBe('');
    expect(r.exitCode).toBe(3);
  });

  it('a panic in a defer while unwinding aborts at once (remaining defers do not run)', () => {
    const js = `
${frame('inner', 1, `rt.panic("first", 1);`, ['rt.out("never\\n")', 'rt.panic("second", 1)'])}
${frame('main', 0, `inner(0);`, ['rt.out("outer never\\n")'])}
return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`;
    const r = run(prog(js));
    expect(stdout(r)).toBe('');
    expect(stderr(r)).toContain('panic: first\n');
    expect(stderr(r)).toContain('panic: second\n');
    expect(r.exitCode).toBe(134);
  });

  it('panic=abort runs no defers', () => {
    const js = `
${frame('main', 0, `rt.panic("stop", 0);`, ['rt.out("defer ran\\n")'])}
return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`;
    const r = run(prog(js), { panic: 'abort' });
    expect(stdout(r)).toBe('');
    expect(r.exitCode).toBe(134);
  });

  it('the stack model overflows deterministically; 4096 frames fit the default 1 MiB stack', () => {
    const js = `
${frame('inner', 1, `rt.frameSites[$f] = 1; if (n > 0) inner(n - 1);`)}
function main() { const $f = rt.depth++; rt.frameSites[$f] = 0; inner(N); rt.out("ok\\n"); rt.depth = $f; }
return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`;
    const ok = run(prog(js.replace('N', '4094')));
    expect(stdout(ok)).toBe('ok\n');
    const bad = run(prog(js.replace('N', '5000')));
    expect(bad.exitCode).toBe(134);
    expect(stderr(bad)).toContain('fatal: stack overflow (stack 1048576 bytes)\n');
    expect(bad.outcome.kind).toBe('aborted');
    const small = run(prog(js.replace('N', '40')), { stackSize: 8192 });
    expect(stderr(small)).toContain('fatal: stack overflow (stack 8192 bytes)\n');
  });

  it('the host stack running out is reported as a stack overflow, not an internal error', () => {
    const js = `
function deep(n) { const $f = rt.depth++; if ($f >= rt.depthLimit) rt.overflow(); const r = deep(n + 1) + 1; rt.depth = $f; return r; }
function main() { deep(0); }
return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`;
    const r = run(prog(js), { stackSize: 1 << 30 });
    expect(r.outcome.kind).toBe('aborted');
    expect(stderr(r)).toContain('fatal: stack overflow (stack 1073741824 bytes)');
    expect(stderr(r)).toContain('host JavaScript stack');
  });

  it('a JS error from a runtime bug is an internal error, never a Vex panic', () => {
    const r = run(prog(`function main() { null.x; } return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`));
    expect(r.outcome.kind).toBe('internal-error');
    expect(r.panic).toBeNull();
  });

  it('the fuel limit ends an endless loop cleanly', () => {
    const r = run(prog(`function main() { for (;;) { if (--rt.fuel < 0) rt.tick(); } } return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`), { fuel: 100000 });
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'fuel' });
    expect(stderr(r)).toContain('fuel limit');
  });

  it('Stop (a polled SIGINT) ends the run with 130', () => {
    let polls = 0;
    const r = run(prog(`function main() { for (;;) { if (--rt.fuel < 0) rt.tick(); } } return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`), { pollSignal: () => (++polls > 2 ? 2 : 0) });
    expect(r.outcome.kind).toBe('stopped');
    expect(r.exitCode).toBe(130);
    expect(stderr(r)).toContain('terminated by signal 2');
  });

  it('go tasks start immediately; blocked tasks resume FIFO; deadlock is fatal', () => {
    const js = `
const S = rt.sched;
function main() {
  const ch = S.channel(0, null);
  S.go(function* () { rt.out("t1 waits\\n"); const v = yield* S.recv(ch); rt.out("t1 got " + v + "\\n"); }, true, 262144, 0);
  rt.out("main sends\\n");
  S.drive(S.send(ch, 7));
  rt.out("main sent\\n");
  S.drive(S.recv(ch));
}
return { main, mainIsGen: false, inits: [], tlsInit: () => [] };`;
    const r = run(prog(js));
    expect(stdout(r)).toBe('t1 waits\nmain sends\nt1 got 7\nmain sent\n');
    expect(stderr(r)).toContain('fatal: deadlock (all tasks blocked)');
    expect(r.exitCode).toBe(134);
  });
});
