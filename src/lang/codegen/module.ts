// generate(): a checked program -> the JS module body and the runtime tables (meta).
// The body references only `rt` (hygiene) and returns `$bind(rt)`, which binds a run's runtime
// and returns the entry points to run().
import { displayName } from '../sema/module-names';
import type { CheckedProgram } from '../sema/typed';
import type { ProgramMeta } from '../../common/program-meta';
import { ModuleCtx, type Instance, type ReplGen } from './context';
import type { Type } from '../sema/types';
import { withDeepTwins, enterInstance, resolveMarked, twinName } from './deep';
import { FnEmitter, emitFunction, type FnJs } from './stmts';
import { OPTION, RESULT } from '../sema/prelude';
import { RT, rtH } from './rt-names';
import type { HelperFn, HostFn, JsBuiltin } from '../../common/rt-contract';
import { withTables } from '../sema/tables';

/** Locals bound from `rt` at the start of each run (`$bind`): JS builtins and hot helpers (never
 *  globals). The module itself is instantiated once per compiled program and reused across runs
 *  (run.ts), so V8 keeps its type feedback and optimized code; only these bindings change. */
const G_BOUND: readonly JsBuiltin[] = ['$BigInt', '$Number', '$imul', '$fround', '$f16round', '$asI', '$asU', '$floor', '$g',
  '$wadd', '$wsub', '$wmul', '$wneg', '$wnot', '$wand', '$wor', '$wxor', '$wshl', '$wshr', '$wnum', '$wcnt', '$winc'];
const X_BOUND: readonly HelperFn[] = ['$div', '$rem', '$bdiv', '$brem', '$ipow', '$f2i', '$aget', '$aset', '$agetn',
  '$asetn', '$sget', '$sset', '$mget', '$copy', '$repeat', '$mapOf', '$range', '$slice', '$subslice', '$sliceAll', '$eq',
  '$bits', '$assignInto', '$unwrapO', '$anyAs', '$contains', '$callv', '$ck', '$ckm', '$mset', '$mdel', '$sadd', '$sdel'];
/** rt.host helpers bound as `$name`. */
const H_BOUND: readonly HostFn[] = ['box', 'unbox', 'take', 'newString', 'bnew', 'bslot', 'bfree', 'detach'];
const BOUND = `var rt, ${[...G_BOUND, ...X_BOUND, ...H_BOUND.map((n) => '$' + n)].join(', ')}, $BV, $MV, $FS;`;
const BIND = `({ ${G_BOUND.join(', ')} } = ${RT.jsBuiltins});
({ ${X_BOUND.join(', ')} } = ${RT.helpers});
({ ${H_BOUND.map((n) => `${n}: $${n}`).join(', ')} } = ${RT.host});
$BV = ${RT.VBoxView}; $MV = ${RT.MOVED_OUT};
$FS = ${RT.frameSites};`;

export interface GenerateOptions {
  /** Tables of earlier modules sharing the runtime (REPL cells): new sites and type descriptors
   *  are numbered after theirs, so values and closures of earlier cells keep valid ids. */
  base?: ProgramMeta;
  repl?: ReplGen;
  /** Types whose descriptor ids the caller needs (the REPL's echo). */
  tdsOf?: Type[];
}

export function generate(prog: CheckedProgram, opts: GenerateOptions = {}): { js: string; meta: ProgramMeta; tds: number[] } {
  return withTables(prog.tables, () => generateWith(prog, opts));
}

function generateWith(prog: CheckedProgram, opts: GenerateOptions): { js: string; meta: ProgramMeta; tds: number[] } {
  const m = new ModuleCtx(prog);
  if (opts.base) {
    m.sites.push(...opts.base.sites);
    m.tt.types.push(...opts.base.types);
    m.tt.names.push(...opts.base.typeNames);
  }
  m.repl = opts.repl ?? null;
  const tds = (opts.tdsOf ?? []).map((t) => m.td(t));
  m.enumClass(OPTION);
  m.enumClass(RESULT);
  const main = prog.main ? m.instance(prog.main, []) : null;
  const inits = prog.inits.map((f) => m.instance(f, []));
  // thread-local initializers (constant expressions) in source order
  const tlsEm = new FnEmitter(m, new Map(), 'init', false, m.site(null, 'init'));
  const tlsVals = prog.threadLocals
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((t) => tlsEm.withPre(() => tlsEm.copyVal(t.decl.init)));
  const plain: FnJs[] = [];
  const emitted: Instance[] = [];
  while (m.queue.length) {
    const inst = m.queue.shift()!;
    enterInstance(m, inst);
    m.emitting = inst;
    plain.push(emitFunction(m, inst.fn, inst.env, inst.name, inst.isGen));
    emitted.push(inst);
  }
  // recursive functions get generator twins for recursion deeper than the host stack (deep.ts)
  const deep = withDeepTwins(m, emitted, plain, (inst, twins) => { m.emitting = inst; return emitFunction(m, inst.fn, inst.env, twinName(inst.name), false, twins).text(); });
  const fns = deep.js;
  while (m.queue.length) {
    const inst = m.queue.shift()!;
    m.emitting = inst;
    fns.push(emitFunction(m, inst.fn, inst.env, inst.name, inst.isGen).text());
  }
  m.emitting = null;
  const tlsTemps = tlsEm.temps.length ? `let ${tlsEm.temps.join(', ')};\n` : '';
  const libm = [...m.libm];
  // pure libm: the first 64 calls per symbol go through the runtime's recording wrapper (FFI
  // panel), later ones straight to the JS function (a direct call in the steady state)
  const libmDefs = libm.map((n) =>
    `var $lmk_${n} = 0, $lmt_${n}, $lmf_${n};\nfunction $lm_${n}(x, y) { return ++$lmk_${n} <= 64 ? $lmt_${n}(x, y) : $lmf_${n}(x, y); }`);
  // the counter keeps counting past 64: the runtime reads the true totals at exit
  const libmBind = libm.map((n) => `$lmk_${n} = 0; $lmt_${n} = ${rtH('lm')}.${n}; $lmf_${n} = ${rtH('lmPure')}.${n}; ${RT.ffiFastCounts}.${n} = () => $lmk_${n};`);
  // (a suspendable function's calls of plain ones that got twins: deep.ts markCall)
  const js = resolveMarked(m, [
    '"use strict";',
    BOUND,
    ...libmDefs,
    ...m.classes,
    ...m.dropDefs,
    ...fns,
    `function $tlsInit() {\nconst $f = 0;\n${tlsTemps}return [${tlsVals.join(', ')}];\n}`,
    `const $mod = { main: ${main ? main.name : 'null'}, mainIsGen: ${main ? main.isGen : false}, inits: [${inits.map((i) => i.name).join(', ')}], tlsInit: $tlsInit };`,
    `return function $bind($rt) {\nrt = $rt;\n${BIND}\n${libmBind.join('\n')}\nreturn $mod;\n};`,
  ].join('\n'), deep.twins);
  const vexNames: Record<string, string> = {};
  for (const inst of m.instances.values()) vexNames[inst.name] = displayName(inst.fn.name); // a callback's name in the FFI event, as written
  return { js, meta: { sites: m.sites, types: m.tt.types, typeNames: m.tt.names, ffi: { sites: m.ffiSites, fns: vexNames } }, tds };
}
