// §3.4 on demand: `Self.Item` (or a bare `Item`) in a signature of a struct that does not bind
// `type Item = …;` — the binding is inferred from the method that places it (`next():
// Option<i32>` gives `Item = i32`) or taken from the contract's default (`type Item = i32;`).
// Signatures are resolved while items are collected, before checkImpls infers missing bindings,
// so this looks at the implementing method's declaration itself when it is not collected yet.
import type * as ast from '../syntax/ast';
import { subst, typeEq, type Type, type StructInfo } from './types';
import type { Ctx } from './context';
import { allContracts, placeAssoc, selfTypeOf, withGenerics } from './collect';
import { resolveType } from './resolve';

const busy = new WeakMap<Ctx, Set<string>>();

/** The type `S.a` stands for, or null when no contract of `S` declares `a` or it cannot be inferred. */
export function inferAssoc(cx: Ctx, info: StructInfo, a: string): Type | null {
  const decl = cx.structDecls.get(info);
  if (!decl || !decl.impls.length) return null;
  const key = `${info.name}.${a}`;
  const inProgress = busy.get(cx) ?? new Set<string>();
  busy.set(cx, inProgress);
  if (inProgress.has(key)) return null; // `next(): Option<Self.Item>` itself: nothing to infer from
  inProgress.add(key);
  try {
    const found: Type[] = [];
    for (const im of decl.impls) {
      const c = cx.contracts.get(im.name);
      for (const cc of c ? allContracts(cx, c) : []) {
        if (!cc.assocTypes.includes(a) && !(cc.decl === null && cc.name === 'Iterator' && a === 'Item')) continue;
        const dflt = cc.decl?.assocTypes.find((x) => x.name === a)?.default;
        if (dflt) { found.push(quietly(cx, () => withGenerics(cx, [], info.name, selfTypeOf(info), () => resolveType(cx, dflt)))); continue; }
        for (const m of cc.methods.values()) {
          const sig = signatureOf(cx, info, decl, m.name, m.decl);
          if (!sig) continue;
          m.params.forEach((p, i) => sig.params[i] && placeAssoc(p, sig.params[i], a, found, true));
          placeAssoc(m.ret, sig.ret, a, found, true);
        }
      }
    }
    const distinct = found.filter((t, i) => t.k !== 'error' && !(t.k === 'param' && t.owner !== info.name) && found.findIndex((u) => typeEq(u, t)) === i);
    if (distinct.length !== 1) return null;
    let table = cx.assocTypes.get(info.name);
    if (!table) { table = new Map(); cx.assocTypes.set(info.name, table); info.assoc = table; }
    table.set(a, distinct[0]);
    return distinct[0];
  } finally {
    inProgress.delete(key);
  }
}

/** Parameter and result types of `S.name`: from its FnInfo when collected, else its declaration. */
function signatureOf(cx: Ctx, info: StructInfo, decl: ast.StructDecl, name: string, contractDecl: ast.FnDecl | null): { params: Type[]; ret: Type } | null {
  const f = cx.methods.get(info.name)?.get(name);
  // the struct's copy of a default body is written with `Self.Item` itself: it places nothing
  if (f?.decl && contractDecl && f.decl.span.file === contractDecl.span.file && f.decl.span.start === contractDecl.span.start) return null;
  if (f) {
    // a Go-style receiver names the struct's parameters anew (`fn (u: &Up<U>!) next(): Option<U>`)
    const recv = f.receiverType?.k === 'ref' ? f.receiverType.inner : f.receiverType;
    const env = new Map<string, Type>();
    if (recv?.k === 'struct') recv.args.forEach((x, i) => x.k === 'param' && info.generics[i] && env.set(`${x.owner}.${x.name}`, { k: 'param', name: info.generics[i], owner: info.name }));
    return { params: f.params.map((p) => subst(p.type, env)), ret: subst(f.ret, env) };
  }
  const d = decl.methods.find((x) => x.name === name) ?? goStyle(cx, info.name, name);
  if (!d) return null;
  return quietly(cx, () => withGenerics(cx, decl.generics, info.name, selfTypeOf(info), () => ({
    params: d.params.map((p) => resolveType(cx, p.type)),
    ret: d.ret ? resolveType(cx, d.ret) : { k: 'unit' },
  })));
}

function goStyle(cx: Ctx, owner: string, name: string): ast.FnDecl | null {
  for (const it of cx.program.items) {
    if (it.kind !== 'fn' || it.name !== name || !it.receiver) continue;
    const t = it.receiver.type.kind === 'ref' || it.receiver.type.kind === 'ptr' ? it.receiver.type.inner : it.receiver.type;
    if (t.kind === 'named' && t.name === owner) return it;
  }
  return null;
}

/** Resolve without reporting: the declaration is resolved (and reported) again where it is collected. */
function quietly<R>(cx: Ctx, f: () => R): R {
  const n = cx.diags.length;
  try { return f(); } finally { cx.diags.length = n; }
}
