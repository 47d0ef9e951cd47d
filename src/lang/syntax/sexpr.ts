// S-expression rendering of expressions, types and patterns: a compact, span-free view of the
// tree for tests (`(<< 1 (== n 8))`) and debugging tools.
import type { Block, Expr, Pattern, Stmt, TypeExpr, LetPattern } from './ast';

export function typeToS(t: TypeExpr): string {
  switch (t.kind) {
    case 'named': {
      const base = t.args.length ? `${t.name}<${t.args.map(typeToS).join(', ')}>` : t.name;
      return t.member ? `${base}.${t.member}` : base;
    }
    case 'ref': return `&${typeToS(t.inner)}${t.mut ? '!' : ''}`;
    case 'ptr': return `*${typeToS(t.inner)}${t.mut ? '!' : ''}`;
    case 'array': return `[${typeToS(t.elem)}; ${exprToS(t.size)}]`;
    case 'slice': return `&[${typeToS(t.elem)}]${t.mut ? '!' : ''}`;
    case 'tuple': return `(${t.elems.map(typeToS).join(', ')}${t.elems.length === 1 ? ',' : ''})`;
    case 'fn': return `fn(${t.params.map(typeToS).join(', ')})${t.ret ? ': ' + typeToS(t.ret) : ''}`;
    case 'never': return '!';
    case 'error': return '<error>';
  }
}

const list = (head: string, ...xs: string[]) => `(${[head, ...xs].join(' ')})`;

export function exprToS(e: Expr): string {
  switch (e.kind) {
    case 'int': return e.value.toString() + (e.suffix ?? '');
    case 'float': return String(e.value) + (e.suffix ?? '');
    case 'string': return JSON.stringify(e.value);
    case 'fstring': return list('f', ...e.parts.map((p) => (p.kind === 'text' ? JSON.stringify(p.text) : exprToS(p.expr))));
    case 'bool': return String(e.value);
    case 'nil': return 'nil';
    case 'ident': return e.typeArgs ? `${e.name}<${e.typeArgs.map(typeToS).join(', ')}>` : e.name;
    case 'tuple': return list('tuple', ...e.elems.map(exprToS));
    case 'array': return list('array', ...e.elems.map(exprToS));
    case 'array-repeat': return list('repeat', exprToS(e.value), exprToS(e.count));
    case 'map': return list('map', ...e.entries.map((x) => `${exprToS(x.key)}:${exprToS(x.value)}`));
    case 'unary': return list(e.op === '-' ? 'neg' : e.op === '++' || e.op === '--' ? 'pre' + e.op : e.op, exprToS(e.operand));
    case 'postfix': return list('post' + e.op, exprToS(e.operand));
    case 'binary': return list(e.op, exprToS(e.left), exprToS(e.right));
    case 'range': return list(e.inclusive ? '..=' : '..', e.lo ? exprToS(e.lo) : '_', e.hi ? exprToS(e.hi) : '_');
    case 'cast': return list('as', exprToS(e.expr), typeToS(e.type));
    case 'ref': return list(e.mut ? '&!' : '&', exprToS(e.operand));
    case 'deref': return list('deref', exprToS(e.operand));
    case 'recv': return list('<-', exprToS(e.operand));
    case 'await': return list('await', exprToS(e.operand));
    case 'try': return list('?', exprToS(e.operand));
    case 'member': return list('.', exprToS(e.object), e.name);
    case 'tuple-index': return list('.', exprToS(e.object), String(e.index));
    case 'index': return list('index', exprToS(e.object), exprToS(e.index));
    case 'call': {
      const head = e.typeArgs ? `call<${e.typeArgs.map(typeToS).join(', ')}>` : 'call';
      return list(head + (e.bang ? '!' : ''), exprToS(e.callee), ...e.args.map(exprToS));
    }
    case 'struct-lit': {
      const name = e.typeArgs ? `${e.name}<${e.typeArgs.map(typeToS).join(', ')}>` : e.name;
      return list('struct', name, ...e.fields.map((f) => `${f.name}:${exprToS(f.value)}`));
    }
    case 'closure': {
      const ps = e.params.map((p) => (p.type ? `${p.name}:${typeToS(p.type)}` : p.name)).join(' ');
      return list('closure', `[${ps}]`, ...(e.ret ? [':' + typeToS(e.ret)] : []), bodyToS(e.body));
    }
    case 'match': return list('match', exprToS(e.subject), ...e.arms.map((a) =>
      list('arm', patternToS(a.pattern), ...(a.guard ? ['if ' + exprToS(a.guard)] : []), armBodyToS(a.body))));
    case 'if': return list('if', ...e.branches.map((b) => `${exprToS(b.cond)} ${blockToS(b.body)}`), 'else', blockToS(e.else));
    case 'async': return list('async', blockToS(e.body));
    case 'block': return blockToS(e.block);
    case 'typeof': return list('typeof', exprToS(e.operand));
    case 'error': return '<error>';
  }
}

function armBodyToS(b: Expr | Block | { kind: 'return'; value: Expr | null } | { kind: 'break' } | { kind: 'continue' }): string {
  if (b.kind === 'return') return (b as { value: Expr | null }).value ? list('return', exprToS((b as { value: Expr }).value)) : '(return)';
  if (b.kind === 'break' || b.kind === 'continue') return `(${b.kind})`;
  return bodyToS(b as Expr | Block);
}

function bodyToS(b: Expr | Block): string {
  return b.kind === 'block' && 'stmts' in b ? blockToS(b) : exprToS(b as Expr);
}

export function blockToS(b: Block): string {
  return list('block', ...b.stmts.map(stmtToS), ...(b.tail ? ['(tail ' + exprToS(b.tail) + ')'] : []));
}

function letPatToS(p: LetPattern): string {
  return p.kind === 'name' ? p.name : p.kind === 'wild' ? '_' : list('tuple', ...p.elems.map(letPatToS));
}

export function stmtToS(s: Stmt): string {
  switch (s.kind) {
    case 'let': return list(s.mut ? 'let!' : 'let', letPatToS(s.pattern), ...(s.type ? [':' + typeToS(s.type)] : []), exprToS(s.init));
    case 'assign': return list(s.op, exprToS(s.target), exprToS(s.value));
    case 'if': return list('if', ...s.branches.map((b) => `${exprToS(b.cond)} ${blockToS(b.body)}`), ...(s.else ? ['else', blockToS(s.else)] : []));
    case 'while': return list('while', exprToS(s.cond), blockToS(s.body));
    case 'loop': return list('loop', blockToS(s.body));
    case 'for-in': return list('for', s.name, exprToS(s.iter), blockToS(s.body));
    case 'for-c': return list('for-c', s.init ? stmtToS(s.init) : '_', s.cond ? exprToS(s.cond) : '_', s.post ? stmtToS(s.post) : '_', blockToS(s.body));
    case 'switch': return list('switch', exprToS(s.subject), ...s.cases.map((c) => list('case', ...c.values.map(exprToS), ...c.body.map(stmtToS))),
      ...(s.default ? [list('default', ...s.default.body.map(stmtToS))] : []));
    case 'break': case 'continue': return `(${s.kind})`;
    case 'return': return s.value ? list('return', exprToS(s.value)) : '(return)';
    case 'defer': return list('defer', s.body.kind === 'block' ? blockToS(s.body as Block) : stmtToS(s.body as Stmt));
    case 'go': return list('go', bodyToS(s.body));
    case 'unsafe': return list('unsafe', blockToS(s.body));
    case 'expr': return exprToS(s.expr);
    case 'block': return blockToS(s);
    case 'error': return '<error>';
  }
}

export function patternToS(p: Pattern): string {
  switch (p.kind) {
    case 'wild': return '_';
    case 'literal': return exprToS(p.value);
    case 'binding': return p.name;
    case 'variant': return p.args ? list(p.path.join('.'), ...p.args.map(patternToS)) : p.path.join('.');
    case 'struct': return list(p.name, ...p.fields.map((f) => (f.pattern ? `${f.name}:${patternToS(f.pattern)}` : f.name)));
    case 'tuple': return list('tuple', ...p.elems.map(patternToS));
    case 'array': return list('array', ...p.elems.map(patternToS), ...(p.rest ? ['...' + (p.rest.name ?? '')] : []));
    case 'or': return list('|', ...p.alts.map(patternToS));
  }
}
