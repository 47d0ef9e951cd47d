// fast-check generators for front-end fuzzing: random token streams, and random character/token
// mutations of real programs. Exported so later stages (checker, codegen) can fuzz with the same
// inputs. Pure (no Node APIs): callers supply the seed programs.
import fc from 'fast-check';
import { KEYWORDS, PUNCT1, PUNCT2, PUNCT3 } from './tokens';

/** Token spellings a stream is drawn from: every keyword and punctuation, plus literals and names. */
export const TOKEN_VOCAB: readonly string[] = [
  ...KEYWORDS, ...PUNCT1, ...PUNCT2, ...PUNCT3,
  'x', 'y', 'main', 'Point', 'Vec', 'Some', 'None', 'self', 'Self', 'union', 'thread_local', '_', 'op+',
  '0', '42', '0xFFu8', '3.14', '1_000', '"s"', '"a\\n"', 'f"{x}"', '`json:"id"`', "'a'", '@', '\\',
  '/*', '*/', '//', '"', 'f"', '{{', '}}',
  'i32 extends', 'where T: Show', 'I.Item', 'Ok(', 'Err(',
];

const SEPARATORS = [' ', ' ', ' ', '\n', '', '\t', '\r\n'];

/** A random sequence of tokens, joined by random whitespace (or none). */
export function tokenStreamArb(maxTokens = 200): fc.Arbitrary<string> {
  return fc.array(fc.tuple(fc.constantFrom(...TOKEN_VOCAB), fc.constantFrom(...SEPARATORS)), { maxLength: maxTokens })
    .map((ts) => ts.map(([t, s]) => t + s).join(''));
}

export type Mutation =
  | { k: 'delete-chars'; at: number; len: number }
  | { k: 'insert-char'; at: number; code: number }
  | { k: 'insert-token'; at: number; tok: string }
  | { k: 'swap-chars'; a: number; b: number }
  | { k: 'delete-token'; at: number }
  | { k: 'swap-tokens'; a: number; b: number }
  | { k: 'duplicate-range'; at: number; len: number };

/** Positions are fractions (0..1) of the text length, so a mutation list applies to any text. */
const frac = fc.double({ min: 0, max: 1, noNaN: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant('delete-chars' as const), at: frac, len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ k: fc.constant('insert-char' as const), at: frac, code: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ k: fc.constant('insert-token' as const), at: frac, tok: fc.constantFrom(...TOKEN_VOCAB) }),
  fc.record({ k: fc.constant('swap-chars' as const), a: frac, b: frac }),
  fc.record({ k: fc.constant('delete-token' as const), at: frac }),
  fc.record({ k: fc.constant('swap-tokens' as const), a: frac, b: frac }),
  fc.record({ k: fc.constant('duplicate-range' as const), at: frac, len: fc.integer({ min: 1, max: 200 }) }),
).map((m) => m as Mutation);

// Rough token boundaries for token-level mutations (words, numbers, single symbols).
function tokenRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9A-Za-z_.]*|"(?:[^"\\]|\\.)*"|\S/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export function applyMutation(text: string, m: Mutation): string {
  const at = (f: number) => Math.min(text.length, Math.floor(f * (text.length + 1)));
  switch (m.k) {
    case 'delete-chars': { const i = at(m.at); return text.slice(0, i) + text.slice(i + m.len); }
    case 'insert-char': { const i = at(m.at); return text.slice(0, i) + String.fromCharCode(m.code) + text.slice(i); }
    case 'insert-token': { const i = at(m.at); return text.slice(0, i) + ' ' + m.tok + ' ' + text.slice(i); }
    case 'swap-chars': {
      if (text.length < 2) return text;
      let a = Math.min(at(m.a), text.length - 1), b = Math.min(at(m.b), text.length - 1);
      if (a > b) [a, b] = [b, a];
      if (a === b) return text;
      return text.slice(0, a) + text[b] + text.slice(a + 1, b) + text[a] + text.slice(b + 1);
    }
    case 'delete-token': {
      const ts = tokenRanges(text);
      if (ts.length === 0) return text;
      const [s, e] = ts[Math.min(ts.length - 1, Math.floor(m.at * ts.length))];
      return text.slice(0, s) + text.slice(e);
    }
    case 'swap-tokens': {
      const ts = tokenRanges(text);
      if (ts.length < 2) return text;
      let a = Math.min(ts.length - 1, Math.floor(m.a * ts.length)), b = Math.min(ts.length - 1, Math.floor(m.b * ts.length));
      if (a > b) [a, b] = [b, a];
      if (a === b) return text;
      const [as, ae] = ts[a], [bs, be] = ts[b];
      return text.slice(0, as) + text.slice(bs, be) + text.slice(ae, bs) + text.slice(as, ae) + text.slice(be);
    }
    case 'duplicate-range': { const i = at(m.at); return text.slice(0, i) + text.slice(i, i + m.len) + text.slice(i); }
  }
}

/** Items in chapter 2 §7.7 / §3.6 syntax, well-formed or nearly: `i32 extends A, B;`, type aliases
 *  with bounds and where clauses before `=` or after the type, generic fns using `I.Item`, and a
 *  program's own `enum Result`; then random mutations, so near-misses of each form are tried too. */
export function extendsAliasProgramArb(): fc.Arbitrary<string> {
  const name = fc.constantFrom('i32', 'u8', 'f64', 'bool', 'string', 'str', 'P', 'Show', 'T', 'extends', '');
  const contracts = fc.array(fc.constantFrom('Show', 'Display', 'Clone', 'Ord', 'Iterator', 'Nope', ''), { minLength: 0, maxLength: 3 }).map((cs) => cs.join(', '));
  const where = fc.constantFrom('', 'where T: Show', 'where T: Show, T: Clone', 'where T.Item: Display', 'where', 'where T:');
  const ty = fc.constantFrom('Vec<T>', '(T, T)', 'Option<T>', 'T', 'i32', '', 'Vec<');
  const item = fc.oneof(
    fc.tuple(name, contracts).map(([n, cs]) => `${n} extends ${cs};`),
    fc.tuple(where, ty, where, fc.constantFrom('<T>', '<T: Show>', '<T: Show = i32>', '')).map(([w1, t, w2, g]) => `type A${g} ${w1} = ${t} ${w2};`),
    fc.constant('fn first<I: Iterator>(it: I): Option<I.Item> { let! i = it; for x in i { return Some(x); } return None; }'),
    fc.constant('enum Result<T> { Ok(T), Fail(string), Pending }'),
    fc.constant('contract Show { fn show(): string { return "s"; } }'),
  );
  const main = 'fn main() { let p: A<i32> = (1, 2); println("{}", 3.show()); let r = Ok(1); let e = Err("x"); let v = Vec(); }';
  return fc.tuple(fc.array(item, { minLength: 1, maxLength: 6 }), fc.array(mutationArb, { maxLength: 3 }))
    .map(([items, ms]) => ms.reduce(applyMutation, [...items, main].join('\n')));
}

/** A seed program (by index into `sources`) with 1..maxMutations random mutations applied. */
export function mutatedProgramArb(sources: readonly string[], maxMutations = 8): fc.Arbitrary<string> {
  return fc.tuple(fc.nat({ max: Math.max(0, sources.length - 1) }), fc.array(mutationArb, { minLength: 1, maxLength: maxMutations }))
    .map(([i, ms]) => ms.reduce(applyMutation, sources[i] ?? ''));
}
