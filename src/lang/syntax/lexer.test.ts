import { describe, expect, it } from 'vitest';
import { lex } from './lexer';
import { LineMap } from '../span';

/** Kinds with payloads: ident(x), int(5:u8), float(1.5), string(..), opmethod(op+). */
function kinds(src: string): string[] {
  return lex('t.vx', src).tokens.filter((t) => t.kind !== 'eof').map((t) => {
    switch (t.kind) {
      case 'ident': return `ident(${t.text})`;
      case 'int': return `int(${String(t.value)}${t.suffix ? ':' + t.suffix : ''})`;
      case 'float': return `float(${String(t.value)}${t.suffix ? ':' + t.suffix : ''})`;
      case 'strlit': return `string(${t.text})`;
      case 'tag': return `tag(${t.text})`;
      case 'opmethod': return `opmethod(${t.text})`;
      default: return t.kind;
    }
  });
}
const codes = (src: string) => lex('t.vx', src).diagnostics.map((d) => d.code);

describe('lexer: tokens', () => {
  it('lexes every punctuation token of §1 by longest match', () => {
    const all = '( ) { } [ ] , ; : :: . .. ..= ... => ? ?? ! ~ & && | || ^ + - * / % ** ++ -- = == != < <= > >= << >> += -= *= /= %= &= |= ^= <<= >>= <- -> #';
    expect(kinds(all)).toEqual(all.split(' '));
    expect(codes(all)).toEqual([]);
  });

  it('lexes keywords, type words and plain identifiers', () => {
    expect(kinds('fn let struct match elif i32 Map Set string self Self str usize union thread_local Some _ _x')).toEqual([
      'fn', 'let', 'struct', 'match', 'elif', 'i32', 'Map', 'Set', 'string', 'ident(self)', 'ident(Self)', 'ident(str)',
      'ident(usize)', 'ident(union)', 'ident(thread_local)', 'ident(Some)', '_', 'ident(_x)',
    ]);
  });

  it('makes `let!` one token but not `let !`', () => {
    expect(kinds('let! x')).toEqual(['let!', 'ident(x)']);
    expect(kinds('let !x')).toEqual(['let', '!', 'ident(x)']);
  });

  it('lexes `<-` as one token (a<-1 is a <- 1)', () => {
    expect(kinds('a<-1')).toEqual(['ident(a)', '<-', 'int(1)']);
    expect(kinds('a < -1')).toEqual(['ident(a)', '<', '-', 'int(1)']);
  });

  it('lexes operator-method names', () => {
    expect(kinds('op+1')).toEqual(['opmethod(op+)', 'int(1)']);
    expect(kinds('op== op[]= op[] op<<')).toEqual(['opmethod(op==)', 'opmethod(op[]=)', 'opmethod(op[])', 'opmethod(op<<)']);
    expect(kinds('op + 1')).toEqual(['ident(op)', '+', 'int(1)']);
    expect(kinds('op() &op!')).toEqual(['ident(op)', '(', ')', '&', 'ident(op)', '!']);
  });

  it('lexes `::` and `->`', () => {
    expect(kinds('A::B -> T')).toEqual(['ident(A)', '::', 'ident(B)', '->', 'ident(T)']);
  });
});

describe('lexer: numbers', () => {
  it('lexes digits after a member dot as integers (t.0.1)', () => {
    expect(kinds('t.0.1')).toEqual(['ident(t)', '.', 'int(0)', '.', 'int(1)']);
    expect(kinds('x = 0.1')).toEqual(['ident(x)', '=', 'float(0.1)']);
  });

  it('lexes integer prefixes and suffixes', () => {
    expect(kinds('42 0xFF 0o17 0b1010 0XfF 0B11')).toEqual(['int(42)', 'int(255)', 'int(15)', 'int(10)', 'int(255)', 'int(3)']);
    expect(kinds('0xFFu8 60i64 7u128 1i8')).toEqual(['int(255:u8)', 'int(60:i64)', 'int(7:u128)', 'int(1:i8)']);
  });

  it('ignores `_` between digits', () => {
    expect(kinds('1_000_000 0xFF_FF 1_0.5_0')).toEqual(['int(1000000)', 'int(65535)', 'float(10.5)']);
  });

  it('lexes floats only as digits.digits with optional exponent and suffix', () => {
    expect(kinds('3.14 2.0E-5 1.5e+3 3.5f32 2.0f64')).toEqual(['float(3.14)', 'float(0.00002)', 'float(1500)', 'float(3.5:f32)', 'float(2:f64)']);
    expect(kinds('1.')).toEqual(['int(1)', '.']);
    expect(kinds('.5')).toEqual(['.', 'int(5)']);
    expect(kinds('1e5')).toEqual(['int(1)', 'ident(e5)']);
    expect(kinds('1..5')).toEqual(['int(1)', '..', 'int(5)']);
    expect(kinds('0..=n')).toEqual(['int(0)', '..=', 'ident(n)']);
  });

  it('keeps large integers exact', () => {
    const t = lex('t.vx', '170141183460469231731687303715884105727').tokens[0];
    expect(t.value).toBe(170141183460469231731687303715884105727n);
  });

  it('reports malformed numbers', () => {
    expect(codes('0x')).toEqual(['E0007']);
    expect(codes('0b102')).toEqual(['E0007']);
  });
});

describe('lexer: strings, f-strings, tags', () => {
  it('decodes escapes, including \\uXXXX, and spans lines', () => {
    expect(kinds('"a\\n\\r\\t\\b\\f\\"\\\\\\u0041"')).toEqual([`string(a\n\r\t\b\f"\\A)`]);
    const r = lex('t.vx', '"line1\nline2" x');
    expect(r.tokens[0].text).toBe('line1\nline2');
    expect(r.tokens[1]).toMatchObject({ line: 2, col: 8 });
  });

  it('rejects other escapes and malformed \\u', () => {
    expect(codes('"\\q"')).toEqual(['E0004']);
    expect(codes('"\\u12"')).toEqual(['E0004']);
    expect(codes('"\\0"')).toEqual(['E0004']);
  });

  it('joins a surrogate pair and rejects a lone surrogate (no UTF-8 for it: it read as U+FFFD)', () => {
    expect(kinds('"<\\uD83D\\uDE00>"')).toEqual(['string(<\u{1F600}>)']);
    expect(codes('"\\uD800"')).toEqual(['E0004']);
    expect(codes('"\\uDE00\\uD83D"')).toEqual(['E0004', 'E0004']);
  });

  it('reports an unterminated string and still ends with eof', () => {
    const r = lex('t.vx', 'let s = "abc');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E0003']);
    expect(r.tokens[r.tokens.length - 1].kind).toBe('eof');
  });

  it('lexes f-string holes into tokens and keeps {{ }} literal', () => {
    const t = lex('t.vx', 'f"Hi {p.x}! {{x}} {a + 1}"').tokens[0];
    expect(t.kind).toBe('fstring');
    const parts = t.parts!.map((p) => (p.kind === 'text' ? p.text : p.tokens.map((x) => x.kind).join(' ')));
    expect(parts).toEqual(['Hi ', 'ident . ident eof', '! {x} ', 'ident + int eof']);
  });

  it('gives hole tokens their real positions', () => {
    const t = lex('t.vx', 'x\n  f"ab {name}"').tokens[1];
    const hole = t.parts!.find((p) => p.kind === 'hole')!;
    expect(hole.kind === 'hole' && hole.tokens[0]).toMatchObject({ text: 'name', line: 2, col: 9, start: 10 });
  });

  it('reports f-string hole problems', () => {
    expect(codes('f"a {} b"')).toEqual(['E0008']);
    expect(codes('f"a } b"')).toEqual(['E0008']);
    expect(codes('f"a {x b"')).toEqual(['E0008']);
  });

  it('lexes struct tags in backticks', () => {
    expect(kinds('id: u64 `json:"id"`')).toEqual(['ident(id)', ':', 'u64', 'tag(json:"id")']);
    expect(codes('`json')).toEqual(['E0006']);
  });

  it('rejects char literals with one clear diagnostic', () => {
    const r = lex('t.vx', "let c = 'a';");
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E0005']);
    expect(r.diagnostics[0].message).toMatch(/character literal/);
    expect(r.tokens.map((t) => t.kind)).toEqual(['let', 'ident', '=', 'badtok', ';', 'eof']);
  });
});

describe('lexer: trivia and garbage', () => {
  it('treats \\r and form feed as whitespace', () => {
    expect(kinds('a\r\nb\fc')).toEqual(['ident(a)', 'ident(b)', 'ident(c)']);
    expect(kinds('\ufefffn')).toEqual(['fn']);
    expect(codes('fn main() {\r\n}\r\n')).toEqual([]);
  });

  it('skips comments; block comments do not nest', () => {
    expect(kinds('a // x y\nb /* c /* d */ e */')).toEqual(['ident(a)', 'ident(b)', 'ident(e)', '*', '/']);
  });

  it('reports an unterminated block comment', () => {
    expect(codes('a /* b')).toEqual(['E0002']);
  });

  it('never forms punctuation from non-ASCII neighbours', () => {
    expect(kinds('=\u00bd x')[0]).toBe('=');
    expect(kinds('<\u00bd= x')[0]).toBe('<');
  });

  it('reports a run of unknown characters once and keeps going', () => {
    const r = lex('t.vx', 'a @$@ b \u0000\u0001 c é');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E0001', 'E0001', 'E0001']);
    expect(r.tokens.filter((t) => t.kind === 'ident').map((t) => t.text)).toEqual(['a', 'b', 'c']);
  });

  it('never throws on binary garbage and keeps spans inside the file', () => {
    let s = '';
    for (let i = 0; i < 5000; i++) s += String.fromCharCode((i * 7919) % 65536);
    const r = lex('t.vx', s);
    for (const d of r.diagnostics) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeLessThanOrEqual(s.length);
    }
  });

  it('computes line/column spans that agree with LineMap', () => {
    const src = 'fn main() {\n\tlet! x = "a\nb";  /* c\n */ x += 0x1F;\n}\n';
    const lm = new LineMap('t.vx', src);
    for (const t of lex('t.vx', src).tokens) {
      const s = lm.span(t.start, t.end);
      expect([t.line, t.col, t.endLine, t.endCol]).toEqual([s.line, s.col, s.endLine, s.endCol]);
    }
  });
});
