// Item collection: every struct/union/enum/contract/alias/fn/method/const/thread-local/extern is
// entered into the Ctx tables before any body is checked, so items may appear in any order.
import { inferAssoc } from './assoc-infer';
import { collectExtensions } from './extends';
import type * as ast from '../syntax/ast';
import { addStdContracts, MIN_ONE_OF } from './std-contracts';
import { T, typeName, typeEq, subst, type Type, type StructInfo, type EnumInfo } from './types';
import { notClone } from './clone-check';
import type { FnInfo, ExternInfo } from './typed';
import type { Ctx, ContractInfo, ContractMethod, GenericEntry } from './context';
import { resolveType, primitive } from './resolve';
import { overloadSet, nextOverloadKey, sameSignature, contractOverloads } from './overloads';
import { PRELUDE_TYPE_NAMES, isBuiltinName, isBuiltinFn, BUILTIN_CONSTS, ty } from './prelude';
import { MSG, NOTE } from '../msg';
import { setFnInfoOf } from './tables';
import { forgetLayouts } from './layout';

/** Generic env and Self type of each function, used again when its body is checked. */
export const fnEnv = (cx: Ctx, f: FnInfo) => cx.fnEnv.get(f);


function preludeContracts(cx: Ctx): void {
  addStdContracts(cx);
  const self: Type = { k: 'param', name: 'Self', owner: 'Allocator' };
  void self;
  cx.contracts.set('Allocator', {
    name: 'Allocator', assocTypes: [], supers: [], decl: null,
    methods: new Map([
      ['allocate', { name: 'allocate', params: [T.u64, T.u64], ret: ty('*u8!'), mutating: true, hasDefault: false, decl: null }],
      ['deallocate', { name: 'deallocate', params: [ty('*u8!'), T.u64, T.u64], ret: T.unit, mutating: true, hasDefault: false, decl: null }],
    ]),
  });
  cx.contracts.set('Drop', {
    name: 'Drop', assocTypes: [], supers: [], decl: null,
    methods: new Map([['drop', { name: 'drop', params: [], ret: T.unit, mutating: true, hasDefault: false, decl: null }]]),
  });
}

export function collect(cx: Ctx): void {
  preludeContracts(cx);
  const prog = cx.program;
  const typeNames = new Map<string, ast.Span>();
  const dupType = (name: string, span: ast.Span): boolean => {
    const prev = typeNames.get(name);
    if (prev || PRELUDE_TYPE_NAMES.includes(name) || primitive(name)) {
      cx.error(MSG.E0102.typeNameDefinedMore({ name }), span, prev ? { labels: [{ span: prev, message: NOTE.E0102.labelPreviousDefinition() }] } : { notes: [NOTE.E0102.noteBuiltinType()] });
      return true;
    }
    typeNames.set(name, span);
    return false;
  };

  // Pass 1: type names.
  for (const it of prog.items) {
    if (it.kind === 'struct') {
      if (dupType(it.name, it.nameSpan)) continue;
      const info: StructInfo = { name: it.name, isUnion: it.isUnion, generics: it.generics.map((g) => g.name), fields: [], implsDrop: it.impls.some((i) => i.name === 'Drop'), contracts: it.impls.map((i) => i.name), decl: it };
      cx.structs.set(it.name, info);
      cx.structDecls.set(info, it);
    } else if (it.kind === 'enum') {
      if (restatesPrelude(it)) continue; // `enum Option<T> { Some(T), None }` as real programs write it: the prelude's own
      // any other `enum Option`/`enum Result` shadows the prelude one in this program (§3.7)
      const shadows = (it.name === 'Option' || it.name === 'Result') && !typeNames.has(it.name);
      if (shadows) typeNames.set(it.name, it.nameSpan);
      else if (dupType(it.name, it.nameSpan)) continue;
      cx.enums.set(it.name, { name: it.name, generics: it.generics.map((g) => g.name), variants: [], decl: it });
    } else if (it.kind === 'contract') {
      if (dupType(it.name, it.nameSpan)) continue;
      cx.contracts.set(it.name, { name: it.name, methods: new Map(), assocTypes: it.assocTypes.map((a) => a.name), supers: it.supers, decl: it });
    } else if (it.kind === 'type') {
      if (dupType(it.name, it.nameSpan)) continue;
      cx.aliases.set(it.name, it);
    } else if (it.kind === 'extern') {
      // `extern "C" { type FILE; }`: an opaque C type (used behind pointers); `type X = T;` an alias.
      for (const t of it.types) {
        if (dupType(t.name, t.span)) continue;
        if (t.type) cx.aliases.set(t.name, { kind: 'type', span: t.span, name: t.name, nameSpan: t.span, isExport: false, generics: [], type: t.type });
        else cx.structs.set(t.name, { name: t.name, isUnion: false, generics: [], fields: [], implsDrop: false, contracts: [], decl: t });
      }
    } else if (it.kind === 'const') {
      // Registered early: array lengths in field types may name constants.
      if (!cx.consts.has(it.name)) cx.consts.set(it.name, { decl: it, type: T.error, value: null, state: 'todo' });
    } else if (it.kind === 'import') {
      // Standard modules are expanded before checking (std-modules.ts); relative paths name other tabs.
      if (it.module.startsWith('.')) cx.error(MSG.E0140.moduleNotFound({ module: it.module }), it.moduleSpan, { notes: [NOTE.E0140.noteCheckerSeesOne()] });
    }
  }

  // Pass 2: fields, variants, associated types, contract signatures.
  for (const it of prog.items) {
    if (it.kind === 'struct') {
      const info = cx.structs.get(it.name);
      if (!info || info.decl !== it) continue;
      withGenerics(cx, it.generics, it.name, selfTypeOf(info), () => {
        const assoc = new Map<string, Type>();
        cx.assocTypes.set(it.name, assoc);
        info.assoc = assoc;
        for (const a of it.assocTypes) assoc.set(a.name, resolveType(cx, a.type));
        const seen = new Map<string, ast.Span>();
        info.layoutFields = [];
        for (const f of it.fields) {
          const entry = { name: f.name, type: resolveType(cx, f.type), bitWidth: null };
          info.layoutFields.push(entry);
          if (f.name === '_') continue; // an unnamed bitfield: layout only, no value, no access
          const prev = seen.get(f.name);
          if (prev) cx.error(MSG.E0102.fieldDeclaredMoreThan({ fName: f.name }), f.nameSpan, { labels: [{ span: prev, message: NOTE.E0102.labelPreviousDeclaration() }] });
          seen.set(f.name, f.nameSpan);
          info.fields.push(entry);
        }
      });
    } else if (it.kind === 'enum') {
      const info = cx.enums.get(it.name);
      if (!info || info.decl !== it) continue;
      withGenerics(cx, it.generics, it.name, { k: 'enum', info, args: info.generics.map((g) => ({ k: 'param', name: g, owner: it.name })) }, () => {
        const seen = new Set<string>();
        for (const v of it.variants) {
          if (seen.has(v.name)) cx.error(MSG.E0102.variantDeclaredMoreThan({ vName: v.name }), v.span);
          seen.add(v.name);
          info.variants.push({ name: v.name, fields: v.fields.map((f) => resolveType(cx, f)) });
        }
      });
    } else if (it.kind === 'contract') {
      const info = cx.contracts.get(it.name);
      if (!info || info.decl !== it) continue;
      withGenerics(cx, it.generics, it.name, { k: 'param', name: 'Self', owner: it.name }, () => {
        for (const m of it.methods) {
          withGenerics(cx, m.generics, `${it.name}.${m.name}`, cx.selfType, () => {
            const table = m.owner ? (info.statics ??= new Map()) : info.methods;
            const params = m.params.map((p) => resolveType(cx, p.type));
            // an overload set (§7.2): further members under `name#1`, …; the same parameters twice is E0102
            const set = contractOverloads(table, m.name);
            if (set.some((x) => x.params.length === params.length && x.params.every((p, i) => typeEq(p, params[i])))) {
              cx.error(MSG.E0102.methodDeclaredMoreThan({ mName: m.name, itName: it.name }), m.nameSpan);
              return;
            }
            table.set(set.length ? `${m.name}#${set.length}` : m.name, {
              name: m.name, params, ret: m.ret ? resolveType(cx, m.ret) : T.unit,
              mutating: m.mutating || (m.receiver?.type.kind === 'ref' && m.receiver.type.mut), hasDefault: m.body !== null, decl: m,
            });
          });
        }
      });
    }
  }

  // every struct has its fields now: layouts made before (array size checks) may have seen none
  forgetLayouts();

  // Pass 3: functions, methods, externs, consts, thread-locals.
  const values = new Map<string, ast.Span>();
  const dupValue = (name: string, span: ast.Span): boolean => {
    const prev = values.get(name);
    if (prev || BUILTIN_CONSTS[name] !== undefined) {
      cx.error(MSG.E0102.nameDefinedMoreThan({ name }), span, prev ? { labels: [{ span: prev, message: NOTE.E0102.labelPreviousDefinition() }] } : { notes: [NOTE.E0102.noteBuiltinConstant()] });
      return true;
    }
    values.set(name, span);
    return false;
  };
  let tlsIndex = 0;
  for (const it of prog.items) {
    if (it.kind === 'fn') collectFn(cx, it, null, dupValue);
    else if (it.kind === 'struct') {
      const info = cx.structs.get(it.name);
      if (info && info.decl === it) for (const m of it.methods) collectFn(cx, m, info, dupValue);
    } else if (it.kind === 'extern') {
      for (const f of it.fns) {
        if (dupValue(f.name, f.nameSpan)) continue;
        cx.generics = new Map();
        cx.selfType = null;
        const ext: ExternInfo = { name: f.name, decl: f, params: f.params.map((p) => resolveType(cx, p.type)), variadic: f.variadic, ret: f.ret ? resolveType(cx, f.ret) : T.unit };
        cx.externs.set(f.name, ext);
      }
    } else if (it.kind === 'const') {
      dupValue(it.name, it.nameSpan); // entered in pass 1
    } else if (it.kind === 'thread-local') {
      if (dupValue(it.name, it.nameSpan)) continue;
      cx.generics = new Map();
      cx.selfType = null;
      cx.tls.set(it.name, { decl: it, type: resolveType(cx, it.type), index: tlsIndex++ });
    }
  }
  addDefaultMethods(cx, dupValue);
  collectExtensions(cx, (d) => collectFn(cx, d, null, dupValue));
  cx.generics = new Map();
  cx.selfType = null;
}

/** Contract methods with a default body that a struct does not define itself: each such struct
 *  gets its own copy of the body (checked with Self = that struct), listed like an inline method. */
function addDefaultMethods(cx: Ctx, dupValue: (n: string, s: ast.Span) => boolean): void {
  for (const [info, d] of cx.structDecls) {
    for (const im of d.impls) {
      const c = cx.contracts.get(im.name);
      if (!c) continue;
      for (const cc of allContracts(cx, c)) {
        for (const m of cc.methods.values()) {
          if (!m.hasDefault || !m.decl || definesMember(cx, info, cc, m)) continue;
          const copy = structuredClone(m.decl);
          copy.receiver = { span: copy.span, name: 'self', type: { kind: 'ref', span: copy.span, mut: m.mutating, inner: { kind: 'named', span: copy.span, name: info.name, args: [], member: undefined } } };
          copy.mutating = m.mutating;
          collectFn(cx, copy, info, dupValue);
        }
        // a static method's default body becomes `fn S.name(…)` of each implementor lacking one
        for (const m of cc.statics?.values() ?? []) {
          if (!m.hasDefault || !m.decl || cx.statics.get(info.name)?.has(m.name)) continue;
          const copy = structuredClone(m.decl);
          copy.owner = { name: info.name, generics: [], span: copy.owner?.span ?? copy.nameSpan };
          collectFn(cx, copy, null, dupValue);
        }
      }
    }
  }
}

export function selfTypeOf(info: StructInfo): Type {
  return { k: 'struct', info, args: info.generics.map((g) => ({ k: 'param', name: g, owner: info.name })) };
}

/** Run `f` with the given generic parameters (owned by `owner`) and Self type in scope. */
export function withGenerics<R>(cx: Ctx, gps: ast.GenericParam[], owner: string, self: Type | null, f: () => R): R {
  const saved = cx.generics, savedSelf = cx.selfType;
  cx.generics = new Map(saved);
  cx.selfType = self;
  for (const g of gps) cx.generics.set(g.name, { type: { k: 'param', name: g.name, owner }, bounds: g.bounds });
  try {
    return f();
  } finally {
    cx.generics = saved;
    cx.selfType = savedSelf;
  }
}

function newFn(cx: Ctx, decl: ast.FnDecl, name: string): FnInfo {
  return {
    id: cx.nextFn++, name, decl, params: [], ret: T.unit, generics: [], typeParams: [], isAsync: decl.isAsync,
    isExternC: decl.isExternC, mayBlock: false, owner: null, receiver: null, locals: [],
  };
}

function collectFn(cx: Ctx, d: ast.FnDecl, inlineOwner: StructInfo | null, dupValue: (n: string, s: ast.Span) => boolean): void {
  let info: FnInfo;
  let overloadTable: Map<string, FnInfo> | null = null; // where `info` was entered, for the duplicate check
  const generics = new Map<string, GenericEntry>();
  let selfType: Type | null = null;
  const addGen = (g: ast.GenericParam, owner: string) => {
    const t: Type = { k: 'param', name: g.name, owner };
    generics.set(g.name, { type: t, bounds: g.bounds });
    info.generics.push(g.name);
    info.typeParams.push(t);
  };
  if (inlineOwner) {
    info = newFn(cx, d, `${inlineOwner.name}.${d.name}`);
    selfType = selfTypeOf(inlineOwner);
    const decl = cx.structDecls.get(inlineOwner)!;
    for (const g of decl.generics) addGen(g, inlineOwner.name);
    for (const g of decl.where) addWhere(generics, g);
    info.owner = selfType;
    info.receiver = d.mutating || (d.receiver?.type.kind === 'ref' && d.receiver.type.mut) ? 'mut-ref' : 'ref';
    info.receiverType = { k: 'ref', inner: selfType, mut: info.receiver === 'mut-ref' };
    register(cx, (overloadTable = cx.methodsOf(inlineOwner.name)), d, info);
  } else if (d.receiver) {
    // Go-style method: the receiver's type names the owner; unknown names in its type arguments
    // are type parameters introduced by the receiver (`fn (s: &Stack<T>!) push(x: T)`).
    const rt = d.receiver.type.kind === 'ref' || d.receiver.type.kind === 'ptr' ? d.receiver.type.inner : d.receiver.type;
    const ownerName = rt.kind === 'named' ? rt.name : '?';
    info = newFn(cx, d, `${ownerName}.${d.name}`);
    if (rt.kind === 'named') {
      for (const a of rt.args) {
        if (a.kind === 'named' && !a.args.length && !a.member && !isKnownType(cx, a.name, d.span.file)) {
          addGen({ span: a.span, name: a.name, isConst: false, bounds: [] }, info.name);
        }
      }
    }
    const s = cx.structs.get(ownerName);
    cx.generics = generics;
    cx.selfType = null;
    const recvT = resolveType(cx, d.receiver.type);
    const base = recvT.k === 'ref' ? recvT.inner : recvT;
    selfType = base;
    info.owner = base;
    info.receiver = recvT.k === 'ref' ? (recvT.mut || d.mutating ? 'mut-ref' : 'ref') : 'value';
    info.receiverType = recvT;
    if (base.k !== 'error' && !s && !cx.enums.has(ownerName) && !isBuiltinName(ownerName)) {
      cx.error(MSG.E0101.methodsCanOnlyDefined({ ownerName }), d.receiver.span);
    }
    register(cx, (overloadTable = cx.methodsOf(ownerName)), d, info);
  } else if (d.owner) {
    info = newFn(cx, d, `${d.owner.name}.${d.name}`);
    for (const g of d.owner.generics) addGen(g, info.name);
    const s = cx.structs.get(d.owner.name), e = cx.enums.get(d.owner.name);
    if (s) selfType = { k: 'struct', info: s, args: d.owner.generics.map((g) => generics.get(g.name)!.type) };
    else if (e) selfType = { k: 'enum', info: e, args: d.owner.generics.map((g) => generics.get(g.name)!.type) };
    else if (!isBuiltinName(d.owner.name)) cx.error(MSG.E0101.cannotFindTypeStatic({ ownerName: d.owner.name, infoName: info.name }), d.owner.span);
    info.owner = selfType;
    register(cx, (overloadTable = cx.staticsOf(d.owner.name)), d, info);
  } else {
    info = newFn(cx, d, d.name);
    if (d.name === 'init') cx.inits.push(info);
    else if (isOperatorName(d.name)) register(cx, cx.fns, d, info); // free `fn op*(a, b)`: an overload set too
    else if (cx.fns.get(d.name)?.decl && d.name !== 'main') register(cx, (overloadTable = cx.fns), d, info); // an overload set (§7.2)
    else if (!dupValue(d.name, d.nameSpan)) cx.fns.set(d.name, info);
    if (isBuiltinFn(d.name) && d.name !== 'init') {
      // Allowed (user definitions shadow builtins), nothing to report.
    }
  }
  for (const g of d.generics) addGen(g, info.name);
  for (const w of d.where) addWhere(generics, w);
  cx.generics = generics;
  cx.selfType = selfType;
  for (const p of d.params) {
    let pt = resolveType(cx, p.type);
    if (p.variadic) pt = { k: 'slice', elem: pt, mut: false };
    info.params.push({ name: p.name, type: pt, hasDefault: !!p.default, variadic: p.variadic || undefined });
  }
  info.ret = d.ret ? resolveType(cx, d.ret) : T.unit;
  if (overloadTable) dropDuplicateOverload(cx, overloadTable, d, info);
  cx.fnEnv.set(info, { generics, selfType });
  setFnInfoOf(d, info); // FnDecl.info: the FnInfo (see ast.ts)
  cx.allFns.push(info);
  cx.generics = new Map();
  cx.selfType = null;
}

/** `op+`, `op[]=`, `op!`…: an operator method's name. */
export const isOperatorName = (n: string): boolean => /^op[^A-Za-z0-9_]/.test(n);

function addWhere(generics: Map<string, GenericEntry>, w: ast.WhereClause): void {
  const g = generics.get(w.param);
  if (g && !w.member) g.bounds = [...g.bounds, ...w.bounds];
  // `where I.Item: Display`: the projection is a bounded parameter of its own (§3.4)
  else if (g && g.type.k === 'param') {
    const key = `${w.param}.${w.member}`;
    const prev = generics.get(key);
    generics.set(key, { type: { k: 'param', name: key, owner: g.type.owner }, bounds: [...(prev?.bounds ?? []), ...w.bounds] });
  }
}

/** Is the type `name` in scope in the file `file`? A module's items join the program under
 *  program-wide names (`collections·HashMap`, `utilːStack`, the names it imports too); a plain
 *  name declared in another file is the entry tab's own, which a standard module or another tab
 *  cannot see: there `K` of `fn (m: &HashMap<K, V>) …` stays a type parameter when the program
 *  declares a `struct K`. */
function isKnownType(cx: Ctx, name: string, file: string): boolean {
  if (primitive(name) || isBuiltinName(name) || PRELUDE_TYPE_NAMES.includes(name) || name === 'Self') return true;
  const s = cx.structs.get(name), e = cx.enums.get(name), alias = cx.aliases.get(name);
  if (!s && !e && !alias) return false;
  const decl = (s ? cx.structDecls.get(s) : e ? e.decl : alias) as { span?: ast.Span } | null | undefined;
  if (!decl?.span) return true; // the prelude's own (no declaration in any file)
  return decl.span.file === file || /[·ː]/.test(name);
}

function register(cx: Ctx, table: Map<string, FnInfo>, d: ast.FnDecl, info: FnInfo): void {
  const prev = table.get(d.name);
  if (isOperatorName(d.name)) cx.userOperators = true;
  // Members sharing a name form an overload set (by parameter types, §7.2): `f`, `f#1`, … (a
  // member with the same parameter types is dropped again once they are known).
  if (prev?.decl) table.set(nextOverloadKey(table, d.name), info);
  else table.set(d.name, info);
}

/** A member whose parameter types repeat an earlier member's is E0102 (no call could pick it). */
function dropDuplicateOverload(cx: Ctx, table: Map<string, FnInfo>, d: ast.FnDecl, info: FnInfo): void {
  const set = overloadSet(table, d.name);
  if (set.length < 2 || set[set.length - 1] !== info) return;
  const prev = set.slice(0, -1).find((f) => sameSignature(f, info));
  if (!prev) return;
  table.delete(nextOverloadKey(table, d.name).replace(/#(\d+)$/, (_, n) => `#${Number(n) - 1}`));
  const name = info.owner ? `\`${info.name}\`` : `the name \`${d.name}\``;
  cx.error(MSG.E0102.definedMoreThanOnce({ name }), d.nameSpan, {
    labels: prev.decl ? [{ span: prev.decl.nameSpan, message: NOTE.E0102.labelPreviousDefinition() }] : [],
    notes: [NOTE.E0102.noteFunctionsMethodsSharing()],
  });
}

/** Contract conformance of `struct S impl C`: every required method and associated type. */
export function checkImpls(cx: Ctx): void {
  for (const info of cx.structs.values()) {
    const d = cx.structDecls.get(info);
    if (!d) continue;
    if (d.isUnion && info.implsDrop) {
      cx.error(MSG.E0139.unionCannotImplementDrop({ dName: d.name }), d.impls.find((i) => i.name === 'Drop')!.span, { notes: [NOTE.E0139.noteUnionDoesNot()] });
    }
    for (const im of d.impls) {
      const c = cx.contracts.get(im.name);
      if (!c) {
        cx.error(MSG.E0101.cannotFindContract({ imName: im.name }), im.span);
        continue;
      }
      for (const cc of allContracts(cx, c)) checkContract(cx, info, d, cc, im.span);
    }
    // every associated type a projection `I.Item` may ask for at a call site or in codegen
    for (const im of d.impls) {
      const c = cx.contracts.get(im.name);
      for (const cc of c ? allContracts(cx, c) : []) {
        for (const a of cc.decl === null && cc.name === 'Iterator' ? ['Item'] : cc.assocTypes) {
          if (!cx.assocTypes.get(info.name)?.has(a)) inferAssoc(cx, info, a);
        }
      }
    }
  }
}

/** Does method `f` of struct `info` implement contract member `m` (same parameter types, the
 *  contract's `Self` being the struct; a contract type parameter accepts any type parameter)? */
function implementsMember(info: StructInfo, c: ContractInfo, m: ContractMethod, f: FnInfo): boolean {
  const self = new Map<string, Type>([[`${c.name}.Self`, selfTypeOf(info)]]);
  return f.params.length === m.params.length && m.params.every((p, i) => p.k === 'param' && p.name !== 'Self' ? f.params[i].type.k === 'param' : typeEq(subst(p, self), f.params[i].type));
}

/** Does struct `info` already define contract method `m` (for an overloaded one: the member with
 *  its parameter types), so that its default body is not copied in? */
function definesMember(cx: Ctx, info: StructInfo, c: ContractInfo, m: ContractMethod): boolean {
  const set = overloadSet(cx.methods.get(info.name), m.name);
  if (contractOverloads(c.methods, m.name).length < 2) return set.length > 0;
  return set.some((f) => implementsMember(info, c, m, f));
}

export function allContracts(cx: Ctx, c: ContractInfo, seen = new Set<string>()): ContractInfo[] {
  if (seen.has(c.name)) return [];
  seen.add(c.name);
  const out = [c];
  for (const s of c.supers) {
    const sc = cx.contracts.get(s);
    if (sc) out.push(...allContracts(cx, sc, seen));
  }
  return out;
}

function checkContract(cx: Ctx, info: StructInfo, d: ast.StructDecl, c: ContractInfo, span: ast.Span): void {
  const methods = cx.methods.get(info.name);
  const oneOf = c.decl === null ? MIN_ONE_OF[c.name] : undefined;
  if (oneOf && !oneOf.some((n) => methods?.has(n))) {
    cx.error(MSG.E0129.doesNotImplementContract({ infoName: info.name, cName: c.name, oneOf: oneOf.map((n) => '`' + n + '`').join(', ') }), span);
  }
  for (const m of c.methods.values()) {
    // of an overload set (`op-` unary and binary), the member with the contract's arity
    const set = overloadSet(methods, m.name);
    // an overloaded contract method: each member needs the implementation with its parameter types
    const overloaded = contractOverloads(c.methods, m.name).length > 1;
    const impl = overloaded ? set.find((f) => implementsMember(info, c, m, f)) : set.find((f) => f.params.length === m.params.length) ?? set[0];
    if (!impl) {
      // §3.2: real never checks completeness; the playground warns here and errors where it matters
      if (!m.hasDefault) {
        // of an overload set, name the member by its parameter types
        const mName = overloaded ? `${m.name}(${m.params.map(typeName).join(', ')})` : m.name;
        cx.warn(MSG.W0112.doesNotImplementMethod({ infoName: info.name, mName, cName: c.name }), span, m.decl ? { labels: [{ span: m.decl.span, message: NOTE.W0112.labelDeclaredHere({ name: mName }) }] } : {});
        const key = `${info.name}:${c.name}`;
        cx.incomplete.set(key, [...(cx.incomplete.get(key) ?? []), mName]);
      }
      continue;
    }
    if (impl.params.length !== m.params.length) {
      cx.error(MSG.E0129.methodTakesParametersBut({ infoName: info.name, mName: m.name, paramsLength: impl.params.length, cName: c.name, paramsLength2: m.params.length }), impl.decl?.nameSpan ?? span);
    }
  }
  checkContractStatics(cx, info, c, span);
  // `impl Clone` with the default (field-wise) clone: every field must be Clone
  const notCloneField = c.name === 'Clone' && c.decl === null && !methods?.has('clone') ? notClone(cx, { k: 'struct', info, args: info.generics.map(() => ({ k: 'unit' }) as Type) }, new Set()) : null;
  if (notCloneField) cx.error(MSG.E0168.cannotImplementCloneField({ infoName: info.name, notCloneField: typeName(notCloneField) }), span, { notes: [NOTE.E0168.helpWriteOwnClone()] });
  const assoc = cx.assocTypes.get(info.name) ?? new Map<string, Type>();
  cx.assocTypes.set(info.name, assoc);
  info.assoc = assoc;
  for (const a of [...c.assocTypes, ...(c.decl === null && c.name === 'Iterator' ? ['Item'] : [])]) {
    const def = c.decl?.assocTypes.find((x) => x.name === a)?.default;
    if (assoc.has(a) || def) continue;
    // §3.4: a missing binding is inferred when the method signatures place it in exactly one way
    // (`next(): Option<i32>` gives `Item = i32`); else it warns here, and a use of it is an error.
    const found: Type[] = [];
    for (const m of c.methods.values()) {
      const impl = methods?.get(m.name);
      if (!impl) continue;
      m.params.forEach((p, i) => impl.params[i] && placeAssoc(p, impl.params[i].type, a, found));
      placeAssoc(m.ret, impl.ret, a, found);
    }
    const distinct = found.filter((t, i) => found.findIndex((u) => typeEq(u, t)) === i);
    if (distinct.length === 1) assoc.set(a, distinct[0]);
    else if (c.decl !== null) cx.warn(MSG.W0109.doesNotDefineAssociated({ infoName: info.name, a, cName: c.name }), d.nameSpan, { notes: [NOTE.W0109.helpAddTypeBody({ a, infoName: info.name })] });
  }
}

/** Where contract type `c` has associated type `a` (`Item`, `Self.Item`), the implementation's type. */
export function placeAssoc(c: Type, impl: Type, a: string, out: Type[], params = false): void {
  if (c.k === 'param' && (c.name === a || c.name === `Self.${a}`)) { if (impl.k !== 'error' && (params || impl.k !== 'param')) out.push(impl); return; }
  if ((c.k === 'enum' || c.k === 'struct') && impl.k === c.k && impl.info === c.info) c.args.forEach((x, i) => impl.args[i] && placeAssoc(x, impl.args[i], a, out, params));
  else if (c.k === 'builtin' && impl.k === 'builtin' && impl.name === c.name) c.args.forEach((x, i) => impl.args[i] && placeAssoc(x, impl.args[i], a, out, params));
  else if ((c.k === 'ref' || c.k === 'ptr') && impl.k === c.k) placeAssoc(c.inner, impl.inner, a, out, params);
  else if (c.k === 'ref') placeAssoc(c.inner, impl, a, out, params); // `&Output` in the contract, `f64` in the impl
  else if (c.k === 'tuple' && impl.k === 'tuple') c.elems.forEach((x, i) => impl.elems[i] && placeAssoc(x, impl.elems[i], a, out, params));
}

export type { EnumInfo };

/** §3.7 Shadowing: a program's `enum Option<T> { Some(T), None }` or `enum Result<T, E> { Ok(T), Err(E) }`
 *  with exactly the prelude's variants means the prelude type itself (all its methods, `?`, `{:?}`);
 *  one with other variants replaces the prelude type in the program (shadow.ts). */
function restatesPrelude(d: ast.EnumDecl): boolean {
  const shape: Record<string, [string, number][]> = { Option: [['Some', 1], ['None', 0]], Result: [['Ok', 1], ['Err', 1]] };
  const want = shape[d.name];
  if (!want || d.generics.length !== want.filter(([, n]) => n).length || d.variants.length !== want.length) return false;
  return want.every(([name, n], i) => {
    const v = d.variants.find((x) => x.name === name);
    if (!v || v.fields.length !== n) return false;
    const g = d.generics[want.slice(0, i).filter(([, k]) => k).length]?.name;
    return n === 0 || (v.fields[0].kind === 'named' && v.fields[0].name === g && !v.fields[0].args.length);
  });
}

/** §3.1/§3.2 for a contract's static methods (`fn Self.default(): Self`): implemented by
 *  `fn T.name(…)`; a missing one warns here and is an error where `T` must satisfy the bound. */
function checkContractStatics(cx: Ctx, info: StructInfo, c: ContractInfo, span: ast.Span): void {
  for (const m of c.statics?.values() ?? []) {
    const impl = cx.statics.get(info.name)?.get(m.name);
    if (!impl) {
      if (m.hasDefault) continue;
      cx.warn(MSG.W0112.doesNotImplementStatic({ infoName: info.name, mName: m.name, cName: c.name }), span, { notes: [NOTE.W0112.helpDefineFn({ infoName: info.name, mName: m.name })] });
      const key = `${info.name}:${c.name}`;
      cx.incomplete.set(key, [...(cx.incomplete.get(key) ?? []), m.name]);
    } else if (impl.params.length !== m.params.length) {
      cx.error(MSG.E0129.staticMethodTakesParameters({ infoName: info.name, mName: m.name, paramsLength: impl.params.length, cName: c.name, paramsLength2: m.params.length }), impl.decl?.nameSpan ?? span);
    }
  }
}
