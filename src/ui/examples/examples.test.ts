// Every catalogued example has its program and expected output on disk, and the catalog is unique.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { EXAMPLES } from './catalog';

const dir = new URL('.', import.meta.url).pathname;

describe('examples catalog', () => {
  it('has at least 12 examples with a .vx and a .out each', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(12);
    for (const e of EXAMPLES) {
      expect(existsSync(`${dir}${e.id}.vx`), e.id).toBe(true);
      expect(readFileSync(`${dir}${e.id}.out`, 'utf8').endsWith('\n'), e.id).toBe(true);
      expect(readFileSync(`${dir}${e.id}.vx`, 'utf8')).toMatch(/^\/\/ Lesson \d+:/);
    }
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
  });
  it('numbers each lesson in its source as the Examples menu does (catalog order)', () => {
    EXAMPLES.forEach((e, i) => {
      const m = /^\/\/ Lesson (\d+):/.exec(readFileSync(`${dir}${e.id}.vx`, 'utf8'));
      expect(Number(m?.[1]), e.id).toBe(i + 1);
    });
  });
  it('lists every example file on disk', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.vx')).map((f) => f.slice(0, -3)).sort();
    expect(files).toEqual(EXAMPLES.map((e) => e.id).sort());
  });
});
