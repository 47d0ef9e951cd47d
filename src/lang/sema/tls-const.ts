// A thread-local's initializer must be a constant expression (§6.5 `const_expr`): every task
// evaluates it when it starts, so it may not call functions, read other thread-locals, allocate
// from user code or depend on anything but literals and constants. Checked after typing, on the
// resolved tree.
import type * as ast from '../syntax/ast';
import { callTarget, exprInfo, nameRes } from './tables';

/** The first sub-expression that is not constant, or null when the whole expression is. */
export function nonConstPart(e: ast.Expr): ast.Expr | null {
  const all = (xs: ast.Expr[]): ast.Expr | null => {
    for (const x of xs) { const bad = nonConstPart(x); if (bad) return bad; }
    return null;
  };
  switch (e.kind) {
    case 'int': case 'float': case 'string': case 'bool': case 'nil': return null;
    case 'ident': {
      const k = nameRes(e)?.k;
      return k === 'const' || k === 'builtin-const' || k === 'variant' ? null : e;
    }
    case 'tuple': case 'array': return all(e.elems);
    case 'array-repeat': return nonConstPart(e.value) ?? nonConstPart(e.count);
    case 'unary': return e.op === '++' || e.op === '--' ? e : nonConstPart(e.operand);
    case 'binary': return nonConstPart(e.left) ?? nonConstPart(e.right);
    case 'cast': return nonConstPart(e.expr);
    case 'struct-lit': return all(e.fields.map((f) => f.value));
    case 'member': // `Color.Red`: a unit variant reached through its enum
      return exprInfo(e)?.type && e.object.kind === 'ident' && nameRes(e.object)?.k === 'type' ? null : e;
    case 'call': {
      const t = callTarget(e);
      if (t?.k === 'variant') return all(e.args);
      // an empty collection (`Vec<i32>()`, `String()`, `Map<K, V>.new()`) is a constant, like Rust's const `new`
      if (t?.k === 'builtin-static' && t.method === 'new' && e.args.length === 0) return null;
      // sizeof<T>() / alignof<T>() fold to numbers
      if (t?.k === 'builtin' && exprInfo(e)?.constValue !== undefined) return null;
      return e;
    }
    default: return e;
  }
}
