// Editor support for operator methods, contract methods and user iterators (chapter 2 §2–§3):
// hover, completion and go to definition, across tabs (the three-tab conformance program).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { typeAt, completionsAt } from './query';
import { definitionAt } from './definition';

const dir = `${__dirname}/../../../tests/conformance/module_three_tabs/`;
const tabs = ['main.vx', 'geometry.vx', 'seq.vx'].map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
const main = tabs[0].text;
const lineOf = (file: string, needle: string) => tabs.find((t) => t.name === file)!.text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('operators across tabs', () => {
  const at = (needle: string, d: number) => main.indexOf(needle) + d;
  it('hover on an overloaded operator shows the method it calls', () => {
    expect(typeAt('main.vx', main, at('a + b', 2), tabs)).toBe('fn op+(b: Vec2): Vec2');
    expect(typeAt('main.vx', main, at('b * 2', 2), tabs)).toBe('fn op*(k: i32): Vec2');
    expect(typeAt('main.vx', main, at('-c)', 0), tabs)).toBe('fn op-(): Vec2');
    expect(typeAt('main.vx', main, at('c == V', 3), tabs)).toBe('fn op==(b: Vec2): bool');
    expect(typeAt('main.vx', main, at('a + b', 0), tabs)).toBe('let a: Vec2'); // the operand is still itself
  });
  it('go to definition on an operator opens its method in the declaring tab', () => {
    expect(definitionAt(tabs, 'main.vx', at('a + b', 2))).toMatchObject({ file: 'geometry.vx', line: lineOf('geometry.vx', 'op+') });
    expect(definitionAt(tabs, 'main.vx', at('-c)', 0))).toMatchObject({ file: 'geometry.vx', line: lineOf('geometry.vx', 'op-()') });
    expect(definitionAt(tabs, 'main.vx', at('c == V', 2))).toMatchObject({ file: 'geometry.vx', line: lineOf('geometry.vx', 'op==') });
    const seq = tabs[2].text;
    expect(definitionAt(tabs, 'seq.vx', seq.indexOf(') * 2') + 2)).toMatchObject({ file: 'geometry.vx', line: lineOf('geometry.vx', 'op*') });
  });
  it('member completion lists methods by name, not operator methods, with names as written', () => {
    const t = main.replace('println("{}", origin());', 'a.');
    const items = completionsAt('main.vx', t, t.indexOf('a.') + 2, tabs);
    expect(items.map((c) => [c.label, c.detail])).toEqual([['x', 'i32'], ['y', 'i32'], ['to_string', 'fn to_string(): String']]);
  });
});

describe('user iterators across tabs', () => {
  it('a namespace type completes its static methods; its values their iterator method', () => {
    const t = main.replace('seq.Range3.new(10)', 'seq.Range3.');
    expect(completionsAt('main.vx', t, t.indexOf('seq.Range3.') + 11, tabs).map((c) => [c.label, c.detail])).toEqual([['new', 'fn new(end: i32): Range3']]);
    const u = main.replace('println("{}", origin());', 'let r = seq.Range3.new(3); r.');
    expect(completionsAt('main.vx', u, u.indexOf('r.') + 2, tabs).map((c) => c.label)).toEqual(['cur', 'end', 'next']);
  });
  it('the loop variable over a user iterator has the item type; its static method opens its tab', () => {
    expect(typeAt('main.vx', main, main.indexOf('for n') + 4, tabs)).toBe('let n: i32');
    expect(definitionAt(tabs, 'main.vx', main.indexOf('Range3.new') + 8)).toMatchObject({ file: 'seq.vx', line: lineOf('seq.vx', 'fn Range3.new') });
  });
});

describe('contract methods', () => {
  const src = `contract Named { name(): str; }
contract Greeter: Named {
    greet(): String { let n = self.name(); return String.from(f"hello, {n}"); }
}
struct Bot impl Greeter { id: i32 }
fn (b: &Bot) name(): str { return "bot"; }
fn hi<T: Greeter>(t: T): String { return t.greet(); }
fn nm<T>(t: T): str where T: Greeter { return t.name(); }
fn main() {
    let b = Bot { id: 1 };
    println("{} {} {}", b.greet(), hi(b), nm(Bot { id: 2 }));
}
`;
  const files = [{ name: 'main.vx', text: src }];
  const at = (needle: string, d: number) => src.indexOf(needle) + d;
  it('a call through a bound shows the contract method and goes to its declaration', () => {
    expect(typeAt('main.vx', src, at('t.greet', 3), files)).toBe('Greeter.greet(): String');
    expect(typeAt('main.vx', src, at('t.name', 3), files)).toBe('Named.name(): str');
    expect(definitionAt(files, 'main.vx', at('t.greet', 3))).toMatchObject({ line: 3, col: 5 });
    expect(definitionAt(files, 'main.vx', at('t.name', 3))).toMatchObject({ line: 1, col: 18 });
  });
  it('a default method called on a struct goes to the default body', () => {
    expect(typeAt('main.vx', src, at('b.greet', 3), files)).toBe('fn greet(): String');
    expect(definitionAt(files, 'main.vx', at('b.greet', 3))).toMatchObject({ line: 3, col: 5 });
  });
  it('inside a default body, hover and go to definition work (the body is checked per implementor)', () => {
    expect(typeAt('main.vx', src, at('self.name', 6), files)).toBe('fn name(): str');
    expect(definitionAt(files, 'main.vx', at('self.name', 6))).toMatchObject({ line: 6 });
    expect(typeAt('main.vx', src, at('let n', 4), files)).toBe('let n: str');
  });
  it('completion after a bounded type parameter lists its contracts\' methods, supercontracts too', () => {
    const t = src.replace('return t.greet();', 'return t.');
    expect(completionsAt('main.vx', t, t.indexOf('t.') + 2, files).map((c) => [c.label, c.detail])).toEqual([['greet', 'fn greet(): String'], ['name', 'fn name(): str']]);
    const w = src.replace('return t.name();', 'return t.');
    expect(completionsAt('main.vx', w, w.indexOf('return t.') + 9, files).map((c) => c.label)).toEqual(['greet', 'name']);
  });
  it('a static contract method called through a bound (`T.make(…)`) shows `fn Self.make` and goes to it', () => {
    const st = 'contract Make { fn Self.make(n: i32): Self; }\nstruct A impl Make { v: i32 }\nfn A.make(n: i32): A { return A { v: n }; }\nfn mk<T: Make>(): T { return T.make(3); }\nfn main() { let a: A = mk(); println("{}", a.v); }\n';
    const f = [{ name: 'main.vx', text: st }];
    const off = st.indexOf('T.make') + 3;
    expect(typeAt('main.vx', st, off, f)).toBe('fn Self.make(n: i32): Self');
    expect(definitionAt(f, 'main.vx', off)).toMatchObject({ line: 1, col: 25 });
  });
});
