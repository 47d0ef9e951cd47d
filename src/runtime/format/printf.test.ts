import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cprintf, cprintfString, type CArg } from './printf';
import { VexFault } from '../memory/fault';

interface Row { kind: 'f64' | 'i32' | 'i64' | 'str'; value: string; fmt: string; n: number; out: string }

// Outputs of the real glibc printf for ~2000 (format, value) pairs (testdata/gen-glibc-printf.py).
const rows: Row[] = JSON.parse(readFileSync(new URL('./testdata/glibc-printf.json', import.meta.url), 'utf8'));

/** Parses C's %a output (e.g. -0x1.999999999999ap-4) exactly. */
function parseHexFloat(s: string): number {
  if (s === 'inf' || s === '-inf') return s[0] === '-' ? -Infinity : Infinity;
  if (s.includes('nan')) return NaN;
  const m = /^(-?)0x([0-9a-f])(?:\.([0-9a-f]+))?p([+-]\d+)$/.exec(s);
  if (!m) throw new Error('bad hex float ' + s);
  const frac = m[3] ?? '';
  const mant = BigInt('0x' + m[2] + frac);
  const exp = Number(m[4]) - 4 * frac.length;
  // mant * 2^exp, exactly (mant has <= 53 significant bits).
  let v = Number(mant);
  if (exp >= -1022) v *= 2 ** exp;
  else v = v * 2 ** (exp + 100) * 2 ** -100;
  return m[1] ? -v : v === 0 ? 0 : v;
}

function argOf(r: Row, strAddr: Map<number, string>): CArg {
  if (r.kind === 'f64') {
    const v = parseHexFloat(r.value);
    return { kind: 'f64', value: r.value.startsWith('-') && v === 0 ? -0 : v };
  }
  if (r.kind === 'i32') return { kind: 'i32', value: Number(r.value) };
  if (r.kind === 'i64') return { kind: 'i64', value: BigInt(r.value) };
  const addr = 0x1000 + strAddr.size * 64;
  strAddr.set(addr, r.value);
  return { kind: 'ptr', value: addr };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

describe('cprintf against glibc', () => {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const g = groups.get(r.kind) ?? [];
    g.push(r);
    groups.set(r.kind, g);
  }
  for (const [kind, list] of groups) {
    it(`matches glibc for ${list.length} ${kind} cases`, () => {
      const bad: string[] = [];
      for (const r of list) {
        const strs = new Map<number, string>();
        const arg = argOf(r, strs);
        const out = cprintf(new TextEncoder().encode(r.fmt), [arg], (a) => new TextEncoder().encode(strs.get(a) ?? ''));
        // The generator prints C strings, so an output with a NUL byte (%c of 0) ends there.
        if (latin1(out).split('\0')[0] !== r.out || out.length !== r.n) bad.push(`${r.fmt} of ${r.value}: got ${JSON.stringify(latin1(out))}, glibc ${JSON.stringify(r.out)}`);
      }
      expect(bad.slice(0, 20)).toEqual([]);
    });
  }
});

describe('cprintf: variadic_01_printf and specials', () => {
  const str = (s: string) => (a: number) => (a === 0x2000 ? s : null);
  it('formats the conformance lines with the right byte counts', () => {
    const l1 = cprintfString('%c|%d|%f|%d\n', [
      { kind: 'i32', value: 86 }, { kind: 'i32', value: 86 }, { kind: 'f64', value: Math.fround(0.25) }, { kind: 'i32', value: 1 },
    ]);
    expect(l1).toBe('V|86|0.250000|1\n');
    expect(l1.length).toBe(16);
    const l2 = cprintfString('%ld %x %s %u%%\n', [
      { kind: 'i64', value: 9000000000n }, { kind: 'i32', value: 255 }, { kind: 'ptr', value: 0x2000 }, { kind: 'u32', value: 42 },
    ], str('done'));
    expect(l2).toBe('9000000000 ff done 42%\n');
    expect(l2.length).toBe(23);
    const l3 = cprintfString('%g %e %.2f\n', [{ kind: 'f64', value: 0.0001 }, { kind: 'f64', value: 1234.5 }, { kind: 'f64', value: 3.14159 }]);
    expect(l3).toBe('0.0001 1.234500e+03 3.14\n');
    expect(l3.length).toBe(25);
    expect(cprintfString('%s has %d items, avg %.1f\n', [{ kind: 'ptr', value: 0x2000 }, { kind: 'i32', value: 3 }, { kind: 'f64', value: 2.5 }], str('cart'))).toBe('cart has 3 items, avg 2.5\n');
  });

  it('handles *, NULL strings and pointers, missing args and unknown conversions like glibc', () => {
    expect(cprintfString('[%*d]', [{ kind: 'i32', value: 5 }, { kind: 'i32', value: 42 }])).toBe('[   42]');
    expect(cprintfString('[%-*d]', [{ kind: 'i32', value: 4 }, { kind: 'i32', value: 7 }])).toBe('[7   ]');
    expect(cprintfString('[%*d]', [{ kind: 'i32', value: -4 }, { kind: 'i32', value: 7 }])).toBe('[7   ]');
    expect(cprintfString('[%.*f]', [{ kind: 'i32', value: 2 }, { kind: 'f64', value: 2.345 }])).toBe('[2.35]');
    expect(cprintfString('%s|%.3s|%p|%p', [{ kind: 'ptr', value: 0 }, { kind: 'ptr', value: 0 }, { kind: 'ptr', value: 0 }, { kind: 'ptr', value: 0x1f40 }])).toBe('(null)||(nil)|0x1f40');
    expect(cprintfString('%d %d', [{ kind: 'i32', value: 1 }])).toBe('1 0');
    expect(cprintfString('100%', [])).toBe('100%');
    expect(cprintfString('%y %n', [])).toBe('%y %n');
    expect(cprintfString('%f %F %e', [{ kind: 'f64', value: Infinity }, { kind: 'f64', value: -Infinity }, { kind: 'f64', value: NaN }])).toBe('inf -INF nan');
    expect(cprintfString('%05.1f|%-6g|', [{ kind: 'f64', value: -Infinity }, { kind: 'f64', value: NaN }])).toBe(' -inf|nan   |');
  });

  it('refuses absurd widths and precisions with a panic, not a JS error', () => {
    for (const f of ['%999999999d', '%.999999999f', '%*d']) {
      let caught: unknown = null;
      try {
        cprintfString(f, [{ kind: 'i32', value: 2_000_000_000 }, { kind: 'i32', value: 1 }]);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(VexFault);
      expect((caught as VexFault).panics).toBe(true);
    }
    expect(cprintfString('%1000000d', [{ kind: 'i32', value: 1 }]).length).toBe(1_000_000);
  });

  it('counts bytes of UTF-8 text', () => {
    const out = cprintf(new TextEncoder().encode('é%s'), [{ kind: 'ptr', value: 1 }], () => new TextEncoder().encode('ü'));
    expect(out.length).toBe(4);
  });
});
