// Drives the real Monarch definition with a tiny interpreter of the Monarch subset it uses
// (rules, includes, cases, next/@pop/@popall), line by line like Monaco does.
import { describe, expect, it } from 'vitest';
import { vexMonarch, VEX_NUMBER, vexLanguageConfiguration } from './vex-monarch';

type Rule = [RegExp | string, unknown] | { include: string };
const lang = vexMonarch as unknown as Record<string, unknown> & { tokenizer: Record<string, Rule[]> };

function expand(re: RegExp | string): RegExp {
  let src = typeof re === 'string' ? re : re.source;
  src = src.replace(/@(\w+)/g, (m, name: string) => {
    const v = lang[name];
    return v instanceof RegExp ? `(?:${v.source})` : m;
  });
  return new RegExp(src, 'y');
}

function resolveAction(action: unknown, text: string): { token: string; next?: string } {
  if (typeof action === 'string') return { token: action === '@brackets' ? 'delimiter.bracket' : action };
  const a = action as { token?: string; next?: string; cases?: Record<string, unknown> };
  if (a.cases) {
    for (const [key, sub] of Object.entries(a.cases)) {
      if (key === '@default') return resolveAction(sub, text);
      const list = lang[key.slice(1)];
      if (Array.isArray(list) && list.includes(text)) return resolveAction(sub, text);
    }
    throw new Error('no case');
  }
  return { token: a.token!, next: a.next };
}

function rulesOf(state: string): [RegExp, unknown][] {
  const out: [RegExp, unknown][] = [];
  for (const r of lang.tokenizer[state]) {
    if ('include' in r) out.push(...rulesOf(r.include.slice(1)));
    else out.push([expand(r[0]), r[1]]);
  }
  return out;
}

/** Tokenize source into [text, token] pairs, skipping whitespace. */
function tokenize(src: string): [string, string][] {
  const stack = ['root'];
  const out: [string, string][] = [];
  for (const line of src.split('\n')) {
    let pos = 0;
    while (pos < line.length) {
      const state = stack[stack.length - 1];
      let matched = false;
      for (const [re, action] of rulesOf(state)) {
        re.lastIndex = pos;
        const m = re.exec(line);
        if (!m || m[0].length === 0) continue;
        const { token, next } = resolveAction(action, m[0]);
        if (token !== 'white') out.push([m[0], token]);
        if (next === '@pop') stack.pop();
        else if (next === '@popall') stack.splice(1);
        else if (next) stack.push(next.slice(1));
        pos += m[0].length;
        matched = true;
        break;
      }
      if (!matched) { out.push([line[pos], lang.defaultToken as string]); pos++; }
    }
  }
  return out;
}

const tokenOf = (src: string, text: string) => tokenize(src).find(([t]) => t === text)?.[1];

describe('vex Monarch tokenizer', () => {
  it('marks keywords, let! as one token, types and builtins', () => {
    const toks = tokenize('fn main() { let! x: i32 = 5; let y = x; println("{}", y); }');
    expect(toks).toContainEqual(['fn', 'keyword']);
    expect(toks).toContainEqual(['let!', 'keyword']);
    expect(toks).toContainEqual(['let', 'keyword']);
    expect(toks).toContainEqual(['i32', 'type.keyword']);
    expect(toks).toContainEqual(['println', 'predefined']);
    expect(toks).toContainEqual(['main', 'identifier']);
    expect(tokenOf('elif match defer go unsafe extern', 'defer')).toBe('keyword');
  });

  it('distinguishes type names, constants and identifiers', () => {
    expect(tokenOf('let p = Point.new();', 'Point')).toBe('type.identifier');
    expect(tokenOf('return Some(x);', 'Some')).toBe('constant');
    expect(tokenOf('if true {}', 'true')).toBe('constant');
    expect(tokenOf('let m = Map();', 'Map')).toBe('type.keyword');
  });

  it('lexes numbers with prefixes, suffixes and underscores', () => {
    expect(tokenOf('let a = 0xFFu8;', '0xFFu8')).toBe('number.hex');
    expect(tokenOf('let a = 0o17;', '0o17')).toBe('number.octal');
    expect(tokenOf('let a = 0b1010_1010;', '0b1010_1010')).toBe('number.binary');
    expect(tokenOf('let a = 1_000_000;', '1_000_000')).toBe('number');
    expect(tokenOf('let a = 60i64;', '60i64')).toBe('number');
    expect(tokenOf('let a = 2.0E-5;', '2.0E-5')).toBe('number.float');
    expect(tokenOf('let a = 3.14f32;', '3.14f32')).toBe('number.float');
    // 1..5 is a range: 1, .., 5
    expect(tokenize('1..5').map(([t]) => t)).toEqual(['1', '..', '5']);
  });

  it('number regexes reject what is not a number of that kind', () => {
    const full = (re: RegExp, s: string) => new RegExp(`^(?:${re.source})$`).test(s);
    expect(full(VEX_NUMBER.hex, '0xG1')).toBe(false);
    expect(full(VEX_NUMBER.float, '1.')).toBe(false);
    expect(full(VEX_NUMBER.float, '1e5')).toBe(false);
    expect(full(VEX_NUMBER.decimal, '1__0')).toBe(false);
    expect(full(VEX_NUMBER.decimal, '5u128')).toBe(true);
    expect(full(VEX_NUMBER.binary, '0b102')).toBe(false);
  });

  it('lexes strings with valid and invalid escapes', () => {
    const toks = tokenize('"a\\n\\u00e9\\q"');
    expect(toks).toContainEqual(['\\n', 'string.escape']);
    expect(toks).toContainEqual(['\\u00e9', 'string.escape']);
    expect(toks).toContainEqual(['\\q', 'string.escape.invalid']);
    expect(toks[toks.length - 1]).toEqual(['"', 'string.quote']);
  });

  it('lexes f-strings with holes and literal braces', () => {
    const toks = tokenize('f"x={p.x} {{lit}}"');
    expect(toks).toContainEqual(['{', 'delimiter.bracket.interpolation']);
    expect(toks).toContainEqual(['p', 'identifier']);
    expect(toks).toContainEqual(['{{', 'string.escape']);
    expect(toks).toContainEqual(['}}', 'string.escape']);
    // the tokenizer is back in root afterwards
    expect(tokenize('f"{a}" fn')).toContainEqual(['fn', 'keyword']);
  });

  it('lexes comments (block comments do not nest, may span lines)', () => {
    expect(tokenOf('x // fn here', '// fn here')).toBe('comment');
    const toks = tokenize('/* a /* b */ fn\n/* multi\nline */ let');
    expect(toks).toContainEqual(['fn', 'keyword']);
    expect(toks).toContainEqual(['let', 'keyword']);
    expect(toks.filter(([, t]) => t === 'keyword').length).toBe(2);
  });

  it('lexes operators and attributes', () => {
    expect(tokenOf('#[repr(C)]', '#[repr(C)]')).toBe('annotation');
    expect(tokenOf('let v = <-ch;', '<-')).toBe('operator');
    expect(tokenOf('a ?? b', '??')).toBe('operator');
    expect(tokenOf('x <<= 2', '<<=')).toBe('operator');
    expect(tokenOf('fn f() -> i32', '->')).toBe('operator');
    expect(tokenOf('Some(x) => 1', '=>')).toBe('operator');
    expect(tokenOf("'a'", "'")).toBe('invalid');
  });

  it('configures comment toggling and bracket pairs', () => {
    expect(vexLanguageConfiguration.comments?.lineComment).toBe('//');
    expect(vexLanguageConfiguration.brackets).toContainEqual(['{', '}']);
    const inc = vexLanguageConfiguration.indentationRules!.increaseIndentPattern as RegExp;
    expect(inc.test('fn main() {')).toBe(true);
    expect(inc.test('let x = 1;')).toBe(false);
  });
});
