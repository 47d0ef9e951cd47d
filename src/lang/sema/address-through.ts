// A function that takes the address of (a part of) what a reference parameter refers to
// (`fn poke(r: &P!) { &r.x! as *i32! }`) needs the caller's value in simulated memory: the
// caller's local given to that parameter (`poke(&a!)`, or a reference parameter passed on,
// `fn via(r: &P!) { poke(r); }`) is address-taken too, so codegen keeps it memory-backed. Before,
// the callee's cast panicked at run time ("not supported yet") unless the caller had taken an
// address itself. Runs after every body is checked (markAddressTaken set the callees' flags), to
// a fixed point: passing one on makes the passer's parameter address-taken in turn. A part of a
// value that cannot live in memory (`poke(&v[0]!)`, a Vec element) is E0126 at the call.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { FnInfo, LocalInfo } from './typed';
import { callTarget, checkedCall, checkedNode, nameRes, type ResOf } from './tables';
import { outsideMemory } from './ops';
import { fmt } from './expr';
import { MSG, NOTE } from '../msg';
import { walkKey } from './scopes';

/** The local a reference argument reaches: `&a`, `&a.f!`, `&a[i]`, or a reference local `r`. */
function argRoot(e: ast.Expr): LocalInfo | null {
  let x: ast.Expr = e.kind === 'ref' ? e.operand : e;
  while (x.kind === 'member' || x.kind === 'index' || x.kind === 'tuple-index') x = x.object;
  return x.kind === 'ident' && nameRes(x)?.k === 'local' ? (nameRes(x) as ResOf<'local'>).local : null;
}

/** The parameter locals a call's arguments are given to (receiver first for a method). */
function paramPairs(c: ast.ExprOf<'call'>): [LocalInfo | null | undefined, ast.Expr, FnInfo][] {
  const t = callTarget(c);
  const fn: FnInfo | undefined = t?.k === 'fn' || t?.k === 'method' ? t.fn : undefined;
  if (!fn?.decl) return [];
  const out: [LocalInfo | null | undefined, ast.Expr, FnInfo][] = c.args.map((a, i) => [fn.params[i]?.local, a, fn]);
  if (t?.k === 'method' && c.callee.kind === 'member') out.push([fn.receiverLocal, c.callee.object, fn]);
  return out;
}

export function propagateAddressTaken(cx: Ctx): void {
  const calls: ast.ExprOf<'call'>[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const y of n) visit(y); return; }
    const o = checkedNode(n) as Record<string, unknown>;
    if (o.kind === 'call') calls.push(checkedCall(o as unknown as ast.ExprOf<'call'>));
    for (const k in o) if (walkKey(o, k)) visit(o[k]);
  };
  // (a reference local other than a parameter is not followed to what it refers to: left alone)
  const params = new Set<LocalInfo>();
  for (const f of cx.allFns) {
    if (f.decl?.body) visit(f.decl.body);
    for (const p of f.params) if (p.local) params.add(p.local);
    if (f.receiverLocal) params.add(f.receiverLocal);
  }
  const told = new Set<ast.Expr>();
  for (let changed = true; changed;) {
    changed = false;
    for (const c of calls) {
      for (const [p, a, fn] of paramPairs(c)) {
        if (!p?.addressTaken || p.type.k !== 'ref') continue;
        // a part of a value that cannot live in memory: the callee's cast could only fail at run
        // time ("not supported yet"), so it is E0126 here, as the cast itself is (ops.ts)
        const bad = outsideMemory(a.kind === 'ref' ? a.operand : a);
        if (bad) {
          if (!told.has(a)) {
            told.add(a);
            cx.error(MSG.E0126.cannotTakeAddressValue({ rt: fmt(bad) }), a.span, {
              notes: [NOTE.E0126.noteCalleeTakesAddress({ fn: fn.name }), NOTE.E0126.noteOnlyCLayout()],
            });
          }
          continue;
        }
        const root = argRoot(a);
        if (!root || root.addressTaken || (root.type.k === 'ref' && !params.has(root))) continue;
        root.addressTaken = true;
        changed = true;
      }
    }
  }
}
