// Match patterns (vex-language.md §3.4) and the tuple patterns of `let`.
import type { Expr, LetPattern, Pattern } from './ast';
import { SyntaxCode as C } from './codes';
import type { Parser } from './parser-base';
import { TYPE_WORDS, type Token } from './tokens';
import { MSG } from '../msg';

export function parsePattern(p: Parser): Pattern {
  const start = p.tok;
  if (!p.enter()) return { kind: 'wild', span: p.spanFrom(start) };
  try {
    p.eat('|'); // a leading `|` is harmless
    const first = single(p);
    if (!p.at('|')) return first;
    const alts = [first];
    while (p.eat('|')) alts.push(single(p));
    return { kind: 'or', span: p.spanFrom(start), alts };
  } finally {
    p.leave();
  }
}

function literalExpr(p: Parser, t: Token, negate: boolean, start: Token): Expr {
  const span = p.spanFrom(start);
  switch (t.kind) {
    case 'int': {
      const v = t.value as bigint;
      return { kind: 'int', span, value: negate ? -v : v, suffix: t.suffix, raw: negate ? '-' + t.text : t.text };
    }
    case 'float': {
      const v = t.value as number;
      return { kind: 'float', span, value: negate ? -v : v, suffix: t.suffix, raw: negate ? '-' + t.text : t.text };
    }
    case 'strlit': return { kind: 'string', span, value: t.text };
    case 'true': return { kind: 'bool', span, value: true };
    case 'false': return { kind: 'bool', span, value: false };
    default: return { kind: 'nil', span };
  }
}

function single(p: Parser): Pattern {
  const start = p.tok;
  const k = start.kind;
  if (k === '_') { p.advance(); return { kind: 'wild', span: p.spanFrom(start) }; }
  if (k === 'int' || k === 'float' || k === 'strlit' || k === 'true' || k === 'false' || k === 'nil') {
    p.advance();
    return { kind: 'literal', span: p.spanFrom(start), value: literalExpr(p, start, false, start) };
  }
  if (k === '-' && (p.peek().kind === 'int' || p.peek().kind === 'float')) {
    p.advance();
    const lit = p.advance();
    return { kind: 'literal', span: p.spanFrom(start), value: literalExpr(p, lit, true, start) };
  }
  if (k === 'ident' || TYPE_WORDS.has(k)) {
    p.advance();
    const name = k === 'ident' ? start.text : k;
    if (p.at('.') || p.at('::')) { // Shape.Circle(r), Color.Red
      const path = [name];
      while (p.at('.') || p.at('::')) {
        if (p.at('::')) p.error(MSG.E0020.notVexPathSeparator(), p.tokSpan(p.tok));
        p.advance();
        if (p.at('ident')) path.push(p.advance().text);
        else { p.errorExpected('variant name', C.ExpectedPattern); break; }
      }
      const args = p.at('(') ? patternList(p, ')') : null;
      return { kind: 'variant', span: p.spanFrom(start), path, args };
    }
    if (p.at('(')) {
      const args = patternList(p, ')');
      return { kind: 'variant', span: p.spanFrom(start), path: [name], args };
    }
    if (p.at('{')) return structPattern(p, start, name);
    return { kind: 'binding', span: p.spanFrom(start), name };
  }
  if (k === '(') {
    const open = p.advance();
    const elems: Pattern[] = [];
    let trailing = false;
    while (!p.at(')') && !p.atEof()) {
      elems.push(parsePattern(p));
      trailing = false;
      if (!p.eat(',')) break;
      trailing = true;
    }
    p.close(')', open);
    if (elems.length === 1 && !trailing) return elems[0];
    return { kind: 'tuple', span: p.spanFrom(start), elems };
  }
  if (k === '[') {
    const open = p.advance();
    const elems: Pattern[] = [];
    let rest: { name: string | null; span: ReturnType<Parser['spanFrom']> } | null = null;
    while (!p.at(']') && !p.atEof()) {
      if (p.at('...') || p.at('..')) {
        const r = p.advance();
        if (r.kind === '..') p.error(MSG.E0015.restPatternWrittenNot(), p.tokSpan(r));
        const name = p.at('ident') ? p.advance().text : null;
        rest = { name, span: p.spanFrom(r) };
        p.eat(',');
        break;
      }
      elems.push(parsePattern(p));
      if (!p.eat(',')) break;
    }
    p.close(']', open);
    return { kind: 'array', span: p.spanFrom(start), elems, rest };
  }
  p.errorExpected('pattern', C.ExpectedPattern);
  return { kind: 'wild', span: p.tokSpan(start) };
}

function patternList(p: Parser, closer: string): Pattern[] {
  const open = p.advance();
  const out: Pattern[] = [];
  while (!p.at(closer) && !p.atEof()) {
    out.push(parsePattern(p));
    if (!p.eat(',')) break;
  }
  p.close(closer, open);
  return out;
}

function structPattern(p: Parser, start: Token, name: string): Pattern {
  const open = p.advance();
  const fields: { name: string; pattern: Pattern | null; span: ReturnType<Parser['spanFrom']> }[] = [];
  while (!p.at('}') && !p.atEof()) {
    const f = p.tok;
    if (!p.at('ident')) { p.errorExpected('field name', C.ExpectedPattern); break; }
    p.advance();
    const pattern = p.eat(':') ? parsePattern(p) : null;
    fields.push({ name: f.text, pattern, span: p.spanFrom(f) });
    if (!p.eat(',')) break;
  }
  p.close('}', open);
  return { kind: 'struct', span: p.spanFrom(start), name, fields };
}

/** `x`, `_`, `(a, (b, _))` */
export function parseLetPattern(p: Parser): LetPattern {
  const start = p.tok;
  if (p.at('ident')) { p.advance(); return { kind: 'name', span: p.spanFrom(start), name: start.text }; }
  if (p.at('_')) { p.advance(); return { kind: 'wild', span: p.spanFrom(start) }; }
  if (p.at('(')) {
    if (!p.enter()) return { kind: 'wild', span: p.spanFrom(start) };
    try {
      const open = p.advance();
      const elems: LetPattern[] = [];
      let trailing = false;
      while (!p.at(')') && !p.atEof()) {
        elems.push(parseLetPattern(p));
        trailing = false;
        if (!p.eat(',')) break;
        trailing = true;
      }
      p.close(')', open);
      if (elems.length === 1 && !trailing) return elems[0];
      return { kind: 'tuple', span: p.spanFrom(start), elems };
    } finally {
      p.leave();
    }
  }
  if (p.at('ident') || p.at('!')) p.errorExpected('a name');
  else p.errorExpected('a name or a tuple pattern `(a, b)`', C.ExpectedPattern);
  return { kind: 'wild', span: p.tokSpan(start) };
}
