// typeSome (types.ts): the one walk over a type's parts that hasAnyParam, the late-types checks
// and codegen's size limit share.
import { describe, it, expect } from 'vitest';
import { T, typeSome, type Type } from './types';
import { hasAnyParam } from './infer';
import { typeSizeOver } from '../codegen/context';

const param: Type = { k: 'param', name: 'T', owner: 'f' };
const fnOf = (p: Type): Type => ({ k: 'fn', params: [p], ret: T.unit, externC: false });

describe('typeSome', () => {
  it('looks inside tuples, arrays, references, fn types and type arguments, in pre-order', () => {
    const t: Type = { k: 'tuple', elems: [T.i32, { k: 'ref', inner: { k: 'array', elem: fnOf(param), len: 2 }, mut: false }] };
    const seen: string[] = [];
    expect(typeSome(t, (x) => { seen.push(x.k); return x.k === 'param'; })).toBe(true);
    expect(seen).toEqual(['tuple', 'int', 'ref', 'array', 'fn', 'param']);
    expect(typeSome({ k: 'builtin', name: 'Vec', args: [T.error] }, (x) => x.k === 'error')).toBe(true);
    expect(typeSome(T.i32, (x) => x.k === 'param')).toBe(false);
  });
  it('`into` keeps it out of the types it refuses', () => {
    expect(typeSome(fnOf(param), (x) => x.k === 'param', (x) => x.k !== 'fn')).toBe(false);
    expect(typeSome({ k: 'slice', elem: param, mut: false }, (x) => x.k === 'param', (x) => x.k !== 'fn')).toBe(true);
  });
  it('serves hasAnyParam and the codegen size limit', () => {
    expect(hasAnyParam(fnOf(param))).toBe(true);
    expect(hasAnyParam(fnOf(T.i32))).toBe(false);
    const pair: Type = { k: 'tuple', elems: [T.i32, T.i32] }; // 3 nodes
    expect(typeSizeOver(pair, 3)).toBe(false);
    expect(typeSizeOver(pair, 2)).toBe(true);
  });
});
