// Items (vex-language.md §2, §6.5, §6.11, §6.13): functions and methods, structs/unions, enums,
// contracts, aliases, consts, imports/exports, extern declarations, thread-locals, attributes.
import type {
  PolicyDecl,
  ContractDecl, EnumDecl, ExternBlock, ExternFn, FieldDecl, FnDecl, GenericParam, Item, Param,
  Receiver, StructDecl, TypeExpr, VariantDecl, WhereClause,
} from './ast';
import { SyntaxCode as C } from './codes';
import { unsupportedConstruct } from './unsupported';
import type { Span } from '../span';
import type { Parser, Pos } from './parser-base';
import { parseExpr } from './parse-exprs';
import { isItemStart, parseBlock, syncStmt, parseStmt } from './parse-stmts';
import { parseGenericParams, parseType, parseTypeArgs, parseWhere, startsType } from './parse-types';
import { describeToken, KEYWORDS, TYPE_WORDS, type Token } from './tokens';
import { MSG, NOTE } from '../msg';

/** State shared by the item loop: attributes waiting for their item, #[no_main]. */
export interface ItemState {
  itemCount: number;
  noMain: boolean;
  noMainSpan?: Span;
  reprC: Span | null;
}

const UNSUPPORTED_ITEMS = new Set(['with', 'gpu', 'launch', 'select', 'make']);

/** Item starts at top level (a superset of the in-block test). */
export function isTopItemStart(p: Parser): boolean {
  const k = p.tok.kind;
  return isItemStart(p) || k === 'const' || k === 'type' || UNSUPPORTED_ITEMS.has(k) || atExtends(p) ||
    (k === 'ident' && p.tok.text === 'union' && p.peek().kind === 'ident');
}

/** Skip to the next item start (after an error at item level). */
export function syncItem(p: Parser): void {
  while (!p.atEof() && !isTopItemStart(p)) p.skipBalanced();
}

/** One item, or null for an attribute / something skipped. Reports its own errors. */
export function parseItem(p: Parser, st: ItemState): Item | null {
  const t = p.tok;
  if (t.kind === '#') { parseAttribute(p, st); return null; }
  const reprC = st.reprC;
  st.reprC = null;
  let isExport = false;
  if (t.kind === 'export') {
    const n = p.peek().kind;
    if (n === '{' || n === '*') return countItem(st, parseExportList(p));
    p.advance();
    isExport = true;
  }
  const k = p.tok.kind;
  if (reprC && k !== 'struct' && !(k === 'ident' && p.tok.text === 'union')) {
    p.error(MSG.E0021.reprCMustFollowed(), reprC);
  }
  switch (k) {
    case 'fn': case 'async':
      if (k === 'async' && p.peek().kind !== 'fn') break;
      return countItem(st, parseFn(p, t, { isExport, isAsync: p.eat('async'), isExternC: false, mode: 'item' }));
    case 'struct': return countItem(st, parseStruct(p, t, isExport, false, reprC !== null));
    case 'enum': return countItem(st, parseEnum(p, t, isExport));
    case 'contract': return countItem(st, parseContract(p, t, isExport));
    case 'type': return countItem(st, parseTypeAlias(p, t, isExport));
    case 'const': return countItem(st, parseConst(p, t, isExport));
    case 'import': return countItem(st, parseImport(p));
    case 'extern': return countItem(st, parseExtern(p, t));
    case 'impl': {
      p.error(MSG.E0022.implBlocksNotVex(), p.tokSpan(p.tok), {
        notes: [NOTE.E0022.implementContractsStructT()],
      });
      while (!p.atEof() && !p.at('{')) p.advance();
      p.skipBalanced();
      return null;
    }
    case 'ident':
      if (p.tok.text === 'union' && p.peek().kind === 'ident') return countItem(st, parseStruct(p, t, isExport, true, reprC !== null));
      if (p.tok.text === 'thread_local' && (p.peek().kind === 'let' || p.peek().kind === 'let!')) return countItem(st, parseThreadLocal(p, t));
      break;
    case '}': case ')': case ']':
      p.error(MSG.E0017.unexpectedClosingDelimiter({ k }), p.tokSpan(p.tok));
      p.advance();
      return null;
  }
  if (k === 'policy') return countItem(st, parsePolicy(p, t, isExport));
  if (!isExport && atExtends(p)) return countItem(st, parseExtends(p, t));
  if (UNSUPPORTED_ITEMS.has(k)) {
    p.error(unsupportedConstruct(k), p.tokSpan(p.tok));
    p.advance();
    syncItem(p);
    return null;
  }
  if (k === 'let' || k === 'let!' || k === 'if' || k === 'while' || k === 'for' || k === 'loop' || k === 'return' || k === 'match' || k === 'switch') {
    p.error(k.startsWith('let') ? MSG.E0025.thereNoGlobalLet() : MSG.E0025.statementsNotAllowedTop(), p.tokSpan(p.tok));
    parseStmt(p, { allowTail: false, end: '}', tail: null }); // parse and drop, for good recovery
    syncStmt(p);
    return null;
  }
  p.errorExpected(isExport ? 'item after `export`' : 'item (fn, struct, union, enum, contract, const, type, import, extern, thread_local)', C.ExpectedItem);
  return null;
}

function countItem<T>(st: ItemState, item: T): T { st.itemCount++; return item; }

function parseAttribute(p: Parser, st: ItemState): void {
  const start = p.advance();
  const open = p.tok;
  if (!p.expect('[')) return;
  let text = '';
  if (p.at('ident')) {
    text = p.advance().text;
    if (p.at('(')) {
      const o = p.advance();
      let arg = '';
      while (!p.at(')') && !p.atEof() && !p.at(']')) arg += p.advance().text;
      p.close(')', o);
      text += `(${arg})`;
    }
  } else p.errorExpected('attribute name');
  p.close(']', open);
  const span = p.spanFrom(start);
  if (text === 'repr(C)') st.reprC = span;
  else if (text === 'no_main') {
    if (st.itemCount > 0 || st.noMain) p.error(MSG.E0021.noMainMustCome(), span);
    else { st.noMain = true; st.noMainSpan = span; }
  } else if (text !== '') {
    p.error(MSG.E0021.unsupportedAttribute({ text }), span, { notes: [NOTE.E0021.playgroundAcceptsOnlyRepr()] });
  }
}

// ------------------------------------------------------------ functions

interface FnOpts {
  isExport: boolean;
  isAsync: boolean;
  isExternC: boolean;
  mode: 'item' | 'inline' | 'contract' | 'extern';
  /** inline/contract methods: the type `self` points to (Name<T...> or Self). */
  selfType?: TypeExpr;
}

interface ParamsResult { params: Param[]; selfKind: 'self' | 'self!' | null; cVariadic: boolean }

function ident(p: Parser, what: string): Token | null {
  if (p.at('ident')) return p.advance();
  p.errorExpected(what);
  return null;
}

/** A function from its first token (`export`/`async`/`fn`/name) — the current token is at `fn` or the name. */
export function parseFn(p: Parser, start: Pos, o: FnOpts, out?: { cVariadic: boolean }): FnDecl {
  p.eat('fn');
  let receiver: Receiver | null = null;
  let owner: FnDecl['owner'] = null;
  let generics: GenericParam[] = [];
  if ((o.mode === 'item' || o.mode === 'contract' || o.mode === 'inline') && p.at('(')) { // Go-style receiver `(p: &T!)`, or `(self: &T)` inline
    const r = p.advance();
    const n = ident(p, 'receiver name');
    p.expect(':');
    const type = parseType(p);
    p.close(')', r);
    receiver = { span: p.spanFrom(r), name: n ? n.text : 'self', type };
  }
  let nameTok = p.tok;
  let named = false;
  // a contract's static method is `fn Self.name(…)` (chapter 2 §3.1)
  const contractStatic = o.mode === 'contract' && p.at('ident') && p.tok.text === 'Self' && p.peek().kind === '.';
  if (!receiver && (o.mode === 'item' || contractStatic) && (p.at('ident') || TYPE_WORDS.has(p.tok.kind)) && (p.peek().kind === '.' || p.peek().kind === '<')) {
    // `fn Vec<T>.new()` (an owner followed by `.`) or `fn id<T>(...)`
    p.advance();
    const g = p.at('<') ? parseGenericParams(p) : [];
    if (p.eat('.')) {
      owner = { name: nameTok.kind === 'ident' ? nameTok.text : nameTok.kind, generics: g, span: p.spanFrom(nameTok) };
      nameTok = p.tok;
    } else {
      generics = g;
      named = true;
      if (nameTok.kind !== 'ident') p.error(MSG.E0010.expectedFunctionNameFound({ nameTokKind: nameTok.kind }), p.tokSpan(nameTok));
    }
  }
  let name = nameTok.kind === 'ident' || nameTok.kind === 'opmethod' ? nameTok.text : nameTok.kind;
  if (!named) {
    // after `T.` or a receiver a keyword is a plain method name: `fn T.from(v)`, `fn T.default()` (§3.7)
    const keywordName = (owner !== null || receiver !== null || o.mode === 'contract') && KEYWORDS.has(p.tok.kind) && /^[a-z]+$/.test(p.tok.kind) && p.peek().kind === '(';
    if (p.at('ident') || p.at('new') || p.at('opmethod') || keywordName) p.advance();
    else { p.errorExpected('function name'); name = 'error'; }
    if (p.at('<')) generics = parseGenericParams(p);
  }
  const nameSpan = p.tokSpan(nameTok);
  const pr = p.at('(') ? parseParams(p, o.mode === 'contract' || o.mode === 'inline', o.mode === 'extern')
    : (p.errorExpected('`(`'), { params: [], selfKind: null, cVariadic: false });
  let mutating = pr.selfKind === 'self!';
  if (p.eat('!')) mutating = true;
  let ret: TypeExpr | null = null;
  if (p.eat(':') || p.eat('->')) ret = parseType(p);
  let where: WhereClause[] = [];
  if (p.at('where')) where = parseWhere(p);
  if ((o.mode === 'inline' || o.mode === 'contract') && !receiver && !owner && o.selfType) {
    const st = o.selfType;
    receiver = { span: nameSpan, name: 'self', type: { kind: 'ref', span: st.span, mut: mutating, inner: st } };
  }
  let body = null;
  if (p.at('{')) body = parseBlock(p, false);
  else if (o.mode === 'contract' || o.mode === 'extern') p.expectSemi();
  else if (startsType(p.tok)) {
    p.error(MSG.E0010.expectedFunctionBodyFound({ tok: describeToken(p.tok) }), p.tokSpan(p.tok), {
      notes: [NOTE.E0010.returnTypesWrittenAfter()],
    });
  } else p.errorExpected('`{` (function body)');
  if (out) out.cVariadic = pr.cVariadic;
  return {
    kind: 'fn', span: p.spanFrom(start), name, nameSpan, isExport: o.isExport, isAsync: o.isAsync, isExternC: o.isExternC,
    receiver, owner, generics, params: pr.params, mutating, ret, where, body,
  };
}

function parseParams(p: Parser, allowSelf: boolean, allowCVariadic: boolean): ParamsResult {
  const open = p.advance();
  const out: ParamsResult = { params: [], selfKind: null, cVariadic: false };
  if (allowSelf && p.at('ident') && p.tok.text === 'self' && ['!', ',', ')'].includes(p.peek().kind)) {
    p.advance();
    out.selfKind = p.eat('!') ? 'self!' : 'self';
    p.eat(',');
  }
  while (!p.at(')') && !p.atEof()) {
    if (p.at('...')) {
      const d = p.advance();
      if (!allowCVariadic) p.error(MSG.E0028.cVariadicOnlyAllowed(), p.tokSpan(d));
      out.cVariadic = true;
      if (!p.at(')')) p.error(MSG.E0028.mustLastParameter(), p.tokSpan(p.tok));
      break;
    }
    const names: Token[] = [];
    for (;;) {
      const n = ident(p, 'parameter name');
      if (!n) break;
      names.push(n);
      if (p.at(',') && p.peek().kind === 'ident' && (p.peek(2).kind === ',' || p.peek(2).kind === ':')) { p.advance(); continue; }
      break;
    }
    if (names.length === 0) { p.skipSubtree(); break; }
    p.expect(':');
    const variadic = p.eat('...');
    const type = parseType(p);
    let dflt = undefined;
    if (p.eat('=')) {
      dflt = parseExpr(p);
      if (names.length > 1) p.error(MSG.E0028.groupedParametersCannotDefault(), dflt.span);
    }
    for (const n of names) {
      const prm: Param = { span: p.spanFrom(n), name: n.text, nameSpan: p.tokSpan(n), type, variadic };
      if (dflt) prm.default = dflt;
      out.params.push(prm);
    }
    if (variadic && !p.at(')')) p.error(MSG.E0028.variadicParameterXsT(), p.tokSpan(p.tok));
    if (!p.eat(',')) break;
    if (p.at(')')) p.error(MSG.E0028.trailingCommaParameterList(), p.tokSpan(p.prev));
  }
  p.close(')', open);
  return out;
}

// ------------------------------------------------------------ structs, unions, enums, contracts

function selfTypeOf(name: string, nameSpan: Span, generics: GenericParam[]): TypeExpr {
  return { kind: 'named', span: nameSpan, name, args: generics.map((g) => ({ kind: 'named', span: g.span, name: g.name, args: [] })) };
}

function parseStruct(p: Parser, start: Token, isExport: boolean, isUnion: boolean, reprC: boolean): StructDecl {
  p.advance(); // struct / union
  const n = ident(p, isUnion ? 'union name' : 'struct name');
  const name = n ? n.text : 'error';
  const nameSpan = n ? p.tokSpan(n) : p.afterPrev();
  const generics = p.at('<') ? parseGenericParams(p) : [];
  const impls: StructDecl['impls'] = [];
  const policies = p.at('with') ? parseNameList(p) : undefined; // `struct S with P` (§7.6)
  if (p.eat('impl')) {
    do {
      const t = p.tok;
      if (!p.at('ident') && !TYPE_WORDS.has(t.kind)) { p.errorExpected('contract name'); break; }
      p.advance();
      const args = p.at('<') ? parseTypeArgs(p) : [];
      impls.push({ name: t.kind === 'ident' ? t.text : t.kind, args, span: p.spanFrom(t) });
    } while (p.eat(','));
  }
  const where = p.at('where') ? parseWhere(p) : [];
  const d: StructDecl = {
    kind: 'struct', span: p.spanFrom(start), name, nameSpan, isUnion, reprC, isExport, generics, impls, where,
    fields: [], methods: [], assocTypes: [], ...(policies ? { policies } : {}),
  };
  const open = p.tok;
  if (!p.expect('{')) return d;
  const selfType = selfTypeOf(name, nameSpan, generics);
  while (!p.at('}') && !p.atEof()) {
    const m = p.tok;
    const before = p.pos;
    if (m.kind === 'type') {
      p.advance();
      const an = ident(p, 'associated type name');
      p.expect('=');
      const type = parseType(p);
      p.expectSemi();
      if (an) d.assocTypes.push({ name: an.text, type, span: p.spanFrom(m) });
    } else if (m.kind === 'fn' && p.fnLeavesBody(start, open)) {
      break; // the struct's `}` is missing
    } else if (m.kind === 'fn' || ((m.kind === 'ident' || m.kind === 'new' || m.kind === 'opmethod') && (p.peek().kind === '(' || p.peek().kind === '<'))) {
      d.methods.push(parseFn(p, m, { isExport: false, isAsync: false, isExternC: false, mode: 'inline', selfType }));
    } else if ((m.kind === 'ident' || m.kind === '_') && p.peek().kind === ':') {
      d.fields.push(parseField(p)); // `_: u8 : 0`: an unnamed bitfield (the checker requires a width)
      if (!p.eat(',') && !p.at('}') && !(isItemStart(p) && (!p.at('fn') || p.fnLeavesBody(start, open)))) {
        p.error(MSG.E0031.expectedAfterFieldFound({ mText: m.text, choice: p.tok.kind === 'eof' ? 'end of file' : `\`${p.tok.text || p.tok.kind}\`` }), p.afterPrev(), {
          notes: [NOTE.E0031.structFieldsSeparatedCommas()],
        });
      }
    } else if (m.kind === ',' || m.kind === ';') {
      p.advance(); // a stray separator after a method
    } else if (isItemStart(p) && m.kind !== 'fn') {
      break;
    } else {
      p.errorExpected('field, method or `}`');
      while (!p.atEof() && !p.at(',') && !p.at('}') && !isItemStart(p)) p.skipBalanced();
    }
    if (p.pos === before) p.skipBalanced();
  }
  p.close('}', open);
  d.span = p.spanFrom(start);
  return d;
}

function parseField(p: Parser): FieldDecl {
  const n = p.advance();
  p.advance(); // ':'
  const type = parseType(p);
  const bitWidth = p.eat(':') ? parseExpr(p) : null;
  let tag: string | null = null;
  if (p.at('tag')) tag = p.advance().text;
  return { span: p.spanFrom(n), name: n.kind === '_' ? '_' : n.text, nameSpan: p.tokSpan(n), type, bitWidth, tag };
}

function parseEnum(p: Parser, start: Token, isExport: boolean): EnumDecl {
  p.advance();
  const n = ident(p, 'enum name');
  const generics = p.at('<') ? parseGenericParams(p) : [];
  const variants: VariantDecl[] = [];
  const open = p.tok;
  if (p.expect('{')) {
    while (!p.at('}') && !p.atEof()) {
      const v = p.tok;
      if (!p.at('ident')) {
        if (isItemStart(p)) break;
        p.errorExpected('variant name');
        p.skipBalanced();
        continue;
      }
      p.advance();
      const fields: TypeExpr[] = [];
      if (p.at('(')) {
        const o = p.advance();
        while (!p.at(')') && !p.atEof()) {
          fields.push(parseType(p));
          if (!p.eat(',')) break;
        }
        p.close(')', o);
      }
      if (p.at('=')) {
        p.error(MSG.E0026.enumDiscriminants1Not(), p.tokSpan(p.tok));
        p.advance();
        parseExpr(p);
      } else if (p.at('{')) {
        p.error(MSG.E0026.structLikeEnumVariants(), p.tokSpan(p.tok));
        p.skipBalanced();
      }
      variants.push({ span: p.spanFrom(v), name: v.text, fields });
      if (!p.eat(',')) break;
    }
    p.close('}', open);
  }
  return { kind: 'enum', span: p.spanFrom(start), name: n ? n.text : 'error', nameSpan: n ? p.tokSpan(n) : p.afterPrev(), isExport, generics, variants };
}

function parseContract(p: Parser, start: Token, isExport: boolean): ContractDecl {
  p.advance();
  const n = ident(p, 'contract name');
  const name = n ? n.text : 'error';
  const nameSpan = n ? p.tokSpan(n) : p.afterPrev();
  const generics = p.at('<') ? parseGenericParams(p) : [];
  const d: ContractDecl = { kind: 'contract', span: p.spanFrom(start), name, nameSpan, isExport, generics, supers: [], methods: [], assocTypes: [] };
  if (p.eat(':')) { // contract Ord: Eq + Show
    do {
      const s = ident(p, 'supercontract name');
      if (!s) break;
      d.supers.push(s.text);
    } while ((p.at(',') || p.at('+')) && p.peek().kind === 'ident' && p.advance());
  }
  const open = p.tok;
  if (!p.expect('{')) return d;
  const selfType: TypeExpr = { kind: 'named', span: nameSpan, name: 'Self', args: [] };
  while (!p.at('}') && !p.atEof()) {
    const m = p.tok;
    const before = p.pos;
    if (m.kind === 'type') {
      p.advance();
      const an = ident(p, 'associated type name');
      const dflt = p.eat('=') ? parseType(p) : null;
      p.expectSemi();
      if (an) d.assocTypes.push({ name: an.text, default: dflt, span: p.spanFrom(m) });
    } else if (m.kind === 'ident' && (p.peek().kind === ';' || p.peek().kind === ',' || p.peek().kind === '}')) {
      p.advance(); // supercontract listed inside the braces
      d.supers.push(m.text);
      if (!p.at('}')) p.advance();
    } else if (m.kind === 'fn' && p.fnLeavesBody(start, open)) {
      break; // the contract's `}` is missing
    } else if (m.kind === 'fn' || m.kind === 'ident' || m.kind === 'new' || m.kind === 'opmethod' || m.kind === '(') {
      d.methods.push(parseFn(p, m, { isExport: false, isAsync: false, isExternC: false, mode: 'contract', selfType }));
    } else if (isItemStart(p)) {
      break;
    } else {
      p.errorExpected('method signature, `type` or `}`');
      p.skipBalanced();
    }
    if (p.pos === before) p.skipBalanced();
  }
  p.close('}', open);
  d.span = p.spanFrom(start);
  return d;
}

// ------------------------------------------------------------ small items

/** An alias's type may be a union `A | B` or a conditional `T extends U ? X : Y` (chapter 2 §7.8).
 *  Both parse into a `named` type `$union` / `$conditional` whose args are the parts; the checker
 *  rejects them where an alias is used (they are not evaluated). */
function parseAliasType(p: Parser): TypeExpr {
  const start = p.tok;
  const first = parseType(p);
  if (p.at('|')) {
    const args = [first];
    while (p.eat('|')) args.push(parseType(p));
    return { kind: 'named', span: p.spanFrom(start), name: '$union', args };
  }
  if (p.at('extends') || (p.at('ident') && p.tok.text === 'extends')) {
    p.advance();
    const test = parseType(p);
    p.expect('?');
    const yes = parseAliasType(p);
    p.expect(':');
    const no = parseAliasType(p);
    return { kind: 'named', span: p.spanFrom(start), name: '$conditional', args: [first, test, yes, no] };
  }
  return first;
}

function parseTypeAlias(p: Parser, start: Token, isExport: boolean): Item {
  p.advance();
  const n = ident(p, 'type name');
  const generics = p.at('<') ? parseGenericParams(p) : [];
  const where = p.at('where') ? parseWhere(p) : []; // real Vex's place: before `=`
  let type: TypeExpr = { kind: 'error', span: p.tokSpan(p.tok) };
  if (p.expect('=')) type = parseAliasType(p);
  if (p.at('where')) where.push(...parseWhere(p));
  p.expectSemi();
  const al: Item = { kind: 'type', span: p.spanFrom(start), name: n ? n.text : 'error', nameSpan: n ? p.tokSpan(n) : p.afterPrev(), isExport, generics, type };
  if (where.length) al.where = where;
  return al;
}

/** `i32 extends Display, Clone;` (chapter 2 §7.7; current token: the type name). */
function parseExtends(p: Parser, start: Token): Item {
  const tn = p.advance();
  p.advance(); // `extends`
  const contracts: { name: string; span: Span }[] = [];
  do {
    if (!p.at('ident')) { p.errorExpected('contract name'); break; }
    const c = p.advance();
    contracts.push({ name: c.text, span: p.tokSpan(c) });
  } while (p.eat(','));
  p.expectSemi();
  return { kind: 'extends', span: p.spanFrom(start), typeName: tn.text, typeSpan: p.tokSpan(tn), contracts };
}

/** `NAME extends …` at item level: a word followed by `extends`. */
const atExtends = (p: Parser): boolean => /^[A-Za-z_]\w*$/.test(p.tok.text) && p.peek().kind === 'extends' && p.tok.kind !== 'type';

function parseConst(p: Parser, start: Token, isExport: boolean): Item {
  p.advance();
  const n = ident(p, 'constant name');
  const type = p.eat(':') ? parseType(p) : null;
  let value = { kind: 'error', span: p.afterPrev() } as FnValue;
  if (p.expect('=')) value = parseExpr(p);
  p.expectSemi();
  return { kind: 'const', span: p.spanFrom(start), name: n ? n.text : 'error', nameSpan: n ? p.tokSpan(n) : p.afterPrev(), isExport, type, value };
}
type FnValue = ReturnType<typeof parseExpr>;

function parseThreadLocal(p: Parser, start: Token): Item {
  p.advance(); // thread_local
  const mut = p.advance().kind === 'let!';
  const n = ident(p, 'thread-local name');
  let type: TypeExpr;
  if (p.eat(':')) type = parseType(p);
  else {
    p.error(MSG.E0034.threadLocalNeedsType(), p.afterPrev());
    type = { kind: 'error', span: p.afterPrev() };
  }
  let init = { kind: 'error', span: p.afterPrev() } as FnValue;
  if (p.eat('=')) init = parseExpr(p);
  else p.error(MSG.E0034.threadLocalNeedsInitializer(), p.afterPrev());
  p.expectSemi();
  return { kind: 'thread-local', span: p.spanFrom(start), name: n ? n.text : 'error', nameSpan: n ? p.tokSpan(n) : p.afterPrev(), mut, type, init };
}

function nameList(p: Parser): { name: string; alias: string | null; span: Span }[] {
  const open = p.advance();
  const out: { name: string; alias: string | null; span: Span }[] = [];
  while (!p.at('}') && !p.atEof()) {
    const n = ident(p, 'name');
    if (!n) { p.skipSubtree(); break; }
    let alias: string | null = null;
    if (p.eat('as')) alias = ident(p, 'alias')?.text ?? null;
    out.push({ name: n.text, alias, span: p.spanFrom(n) });
    if (!p.eat(',')) break;
  }
  p.close('}', open);
  return out;
}

function moduleString(p: Parser): { module: string; span: Span } {
  const t = p.tok;
  if (p.eat('strlit')) return { module: t.text, span: p.tokSpan(t) };
  p.errorExpected('module name string');
  return { module: '', span: p.tokSpan(t) };
}

function parseImport(p: Parser): Item {
  const start = p.advance();
  let names: { name: string; alias: string | null; span: Span }[] = [];
  let star: string | null = null;
  if (p.at('{')) { names = nameList(p); p.expect('from'); }
  else if (p.eat('*')) { p.expect('as'); star = ident(p, 'namespace name')?.text ?? null; p.expect('from'); }
  const m = moduleString(p);
  p.expectSemi();
  return { kind: 'import', span: p.spanFrom(start), module: m.module, moduleSpan: m.span, names, star };
}

function parseExportList(p: Parser): Item {
  const start = p.advance();
  let names: { name: string; alias: string | null; span: Span }[] = [];
  let from: string | null = null;
  let star = false;
  if (p.at('{')) {
    names = nameList(p);
    if (p.eat('from')) from = moduleString(p).module;
  } else {
    p.advance(); // *
    star = true;
    p.expect('from');
    from = moduleString(p).module;
  }
  p.expectSemi();
  return { kind: 'export-list', span: p.spanFrom(start), names, from, star };
}

function toExternFn(f: FnDecl, cVariadic: boolean, isExport: boolean): ExternFn {
  return {
    span: f.span, name: f.name, nameSpan: f.nameSpan, isExport, variadic: cVariadic, ret: f.ret,
    params: f.params.map((q) => ({ name: q.name, type: q.type, span: q.span })),
  };
}

function parseExtern(p: Parser, start: Token): Item | null {
  p.advance();
  let abi = 'C';
  if (p.at('strlit')) abi = p.advance().text;
  const block: ExternBlock = { kind: 'extern', span: p.spanFrom(start), abi, fns: [], types: [] };
  if (p.at('fn')) {
    const v = { cVariadic: false };
    const f = parseFn(p, p.tok, { isExport: false, isAsync: false, isExternC: true, mode: 'extern' }, v);
    if (f.body) { // extern "C" fn f(...) { body }: a C-ABI Vex function
      if (v.cVariadic) p.error(MSG.E0028.vexFunctionCannotC(), f.nameSpan);
      f.span = p.spanFrom(start);
      return f;
    }
    block.fns.push(toExternFn(f, v.cVariadic, false));
    block.span = p.spanFrom(start);
    return block;
  }
  const open = p.tok;
  if (!p.expect('{')) return null;
  while (!p.at('}') && !p.atEof()) {
    const t = p.tok;
    const before = p.pos;
    if (p.at('fn') && p.fnLeavesBody(start, open)) break; // the block's `}` is missing
    const isExport = p.eat('export');
    if (p.at('fn')) {
      const v = { cVariadic: false };
      const f = parseFn(p, t, { isExport, isAsync: false, isExternC: false, mode: 'extern' }, v);
      if (f.body) p.error(MSG.E0010.functionsInsideExternBlock(), f.body.span);
      block.fns.push(toExternFn(f, v.cVariadic, isExport));
    } else if (p.at('type')) {
      p.advance();
      const n = ident(p, 'type name');
      const type = p.eat('=') ? parseType(p) : null;
      p.expectSemi();
      if (n) block.types.push({ name: n.text, type, span: p.spanFrom(t) });
    } else if (isItemStart(p)) {
      break;
    } else {
      p.errorExpected('`fn` or `type` declaration');
      p.skipBalanced();
    }
    if (p.pos === before) p.skipBalanced();
  }
  p.close('}', open);
  block.span = p.spanFrom(start);
  return block;
}

/** `with A, B`: the names after `with` (policy parents, a struct's policies). */
function parseNameList(p: Parser): { name: string; span: Span }[] {
  p.advance(); // with
  const out: { name: string; span: Span }[] = [];
  do {
    const n = ident(p, 'policy name');
    if (!n) break;
    out.push({ name: n.text, span: p.tokSpan(n) });
  } while (p.eat(','));
  return out;
}

/** `policy Name [with P1, P2] { field `tag` [,] … }` (chapter 2 §7.6). */
function parsePolicy(p: Parser, start: Token, isExport: boolean): PolicyDecl {
  p.advance(); // policy
  const n = ident(p, 'policy name');
  const d: PolicyDecl = { kind: 'policy', span: p.spanFrom(start), name: n ? n.text : 'error', nameSpan: n ? p.tokSpan(n) : p.afterPrev(), isExport, parents: p.at('with') ? parseNameList(p) : [], fields: [] };
  const open = p.tok;
  if (!p.expect('{')) { syncItem(p); return d; }
  while (!p.at('}') && !p.atEof()) {
    const f = ident(p, 'field name');
    if (!f) { p.skipBalanced(); continue; }
    const tag = p.tok;
    if (!p.at('tag')) { p.errorExpected('a field tag in backticks, e.g. `json:"id"`'); if (!p.at('}')) p.advance(); continue; }
    p.advance();
    d.fields.push({ name: f.text, nameSpan: p.tokSpan(f), tag: tag.text });
    p.eat(',');
  }
  p.close('}', open);
  d.span = p.spanFrom(start);
  return d;
}

