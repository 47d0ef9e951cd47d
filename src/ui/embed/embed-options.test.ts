import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED, editorLines, embedQuery, formatLineRanges, isHostMessage, parseEmbedOptions, parseLineRanges, stripHiddenLines } from './embed-options';

describe('embed options', () => {
  it('defaults when nothing is given', () => {
    expect(parseEmbedOptions('?embed=1')).toEqual(DEFAULT_EMBED);
  });
  it('reads every option', () => {
    expect(parseEmbedOptions('?embed=1&autorun=1&readonly=true&panel=tasks&theme=dark&hide=open,stop,bogus&lines=12&hidden=1-2,5&id=ex3')).toEqual({
      autorun: true, readonly: true, panel: 'tasks', theme: 'dark', hide: ['open', 'stop'], lines: 12, hidden: [1, 2, 5], id: 'ex3',
    });
  });
  it('falls back on bad values instead of failing', () => {
    const o = parseEmbedOptions('?embed=1&autorun=0&panel=nope&theme=pink&lines=-4&hidden=x,3-');
    expect(o).toEqual(DEFAULT_EMBED);
  });
  it('round-trips through embedQuery', () => {
    const o = { ...DEFAULT_EMBED, autorun: true, panel: 'memory' as const, lines: 9, hidden: [2, 3, 4, 10], hide: ['reset' as const], id: 'a b' };
    expect(embedQuery(o)).toBe('?embed=1&autorun=1&panel=memory&hide=reset&lines=9&hidden=2-4,10&id=a%20b');
    expect(parseEmbedOptions(embedQuery(o))).toEqual(o);
    expect(embedQuery(DEFAULT_EMBED)).toBe('?embed=1');
  });
  it('parses and formats line ranges', () => {
    expect(parseLineRanges('3-1, 7 ,7,junk')).toEqual([1, 2, 3, 7]);
    expect(formatLineRanges([1, 2, 3, 7, 9, 10])).toBe('1-3,7,9-10');
    expect(parseLineRanges('1-99999999').length).toBe(10_000); // bounded
  });
  it('sizes the editor to the visible program', () => {
    const text = 'a\nb\nc\nd\ne\nf\n';
    expect(editorLines({ ...DEFAULT_EMBED }, text)).toBe(6);
    expect(editorLines({ ...DEFAULT_EMBED, hidden: [1, 2] }, text)).toBe(4);
    expect(editorLines({ ...DEFAULT_EMBED, lines: 20 }, text)).toBe(20);
    expect(editorLines({ ...DEFAULT_EMBED }, 'x\n'.repeat(100))).toBe(30);
    expect(editorLines({ ...DEFAULT_EMBED }, 'x')).toBe(3);
  });
  it('turns mdBook # lines into hidden lines, keeping attributes', () => {
    const r = stripHiddenLines('# struct P { x: i32 }\n#\n#[repr(C)]\nfn main() {\n    # let p = P { x: 1 };\n    println("{}", p.x);\n}\n');
    expect(r.code).toBe('struct P { x: i32 }\n\n#[repr(C)]\nfn main() {\n    let p = P { x: 1 };\n    println("{}", p.x);\n}\n');
    expect(r.hidden).toEqual([1, 2, 5]);
  });
  it('accepts only well-formed host messages', () => {
    expect(isHostMessage({ type: 'vex-embed:run' })).toBe(true);
    expect(isHostMessage({ type: 'vex-embed:set-code', code: 'fn main() {}' })).toBe(true);
    expect(isHostMessage({ type: 'vex-embed:set-code', code: 3 })).toBe(false);
    expect(isHostMessage('vex-embed:run')).toBe(false);
    expect(isHostMessage(null)).toBe(false);
  });
});
