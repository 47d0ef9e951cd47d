// A `switch` case's statements are a block (a scope: its locals end with the case). The checker
// checks them as one, so every block rule (borrows, moves, late types) applies, and the borrow
// walks meet the same object: one per case, made on first use (the AST itself is never written).
import type * as ast from '../syntax/ast';

const caseBlocks = new WeakMap<object, ast.Block>();

export function caseBlock(c: { body: ast.Stmt[]; span: ast.Span }): ast.Block {
  let b = caseBlocks.get(c);
  if (!b) caseBlocks.set(c, (b = { stmts: c.body, tail: null, span: c.span } as unknown as ast.Block));
  return b;
}
