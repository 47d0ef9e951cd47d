// The run's sandbox behind the standard modules env/fs/path (chapter 2 §4.7).
import { describe, it, expect } from 'vitest';
import { Sandbox, normalize } from './sandbox';
import { parseDuration } from './time-go';

describe('sandbox', () => {
  it('env starts empty; set/unset report success', () => {
    const s = new Sandbox();
    expect(s.op('env.get', 'HOME', '')).toBe('');
    expect(s.op('env.set', 'HOME', '/h')).toBe('1');
    expect(s.op('env.get', 'HOME', '')).toBe('/h');
    expect(s.op('env.set', '', 'x')).toBe('0');
    expect([s.op('env.unset', 'HOME', ''), s.op('env.unset', 'HOME', '')]).toEqual(['1', '0']);
  });
  it('files live in existing directories only; /tmp exists and starts empty', () => {
    const s = new Sandbox();
    expect(s.op('fs.isdir', '/tmp', '')).toBe('1');
    expect(s.op('fs.write', '/tmp/a', 'x')).toBe('1');
    expect(s.op('fs.write', '/no/a', 'x')).toBe('0');
    expect(s.op('fs.read', 'tmp/./a', '')).toBe('x'); // relative to / and normalized
    expect(s.op('fs.mkdir', '/tmp/d/e', '')).toBe('0'); // parent missing
    expect(s.op('fs.mkdir', '/tmp/d', '')).toBe('1');
    expect(s.op('fs.rename', '/tmp/a', '/tmp/d/b')).toBe('1');
    expect([s.op('fs.exists', '/tmp/a', ''), s.op('fs.read', '/tmp/d/b', '')]).toEqual(['0', 'x']);
    expect(s.op('fs.rmdir', '/tmp/d', '')).toBe('0'); // not empty
    expect(s.op('fs.remove', '/tmp/d/b', '')).toBe('1');
    expect(s.op('fs.rmdir', '/tmp/d', '')).toBe('1');
    expect(s.op('fs.rmdir', '/', '')).toBe('0');
  });
  it('two sandboxes share nothing (one per run)', () => {
    const a = new Sandbox(), b = new Sandbox();
    a.op('fs.write', '/tmp/x', '1');
    expect(b.op('fs.exists', '/tmp/x', '')).toBe('0');
  });
  it('paths and durations', () => {
    expect([normalize('a/./b/../c'), normalize('/../x//y/'), normalize('../a'), normalize('')]).toEqual(['a/c', '/x/y', '../a', '.']);
    const s = new Sandbox();
    expect([s.op('path.dirname', 'a/b.c', ''), s.op('path.dirname', 'b', ''), s.op('path.basename', '/a/b.c', ''), s.op('path.extension', '/a/.rc', '')]).toEqual(['a', '.', 'b.c', '']);
    expect([parseDuration('1h2m3.5s'), parseDuration('-1.5ms'), parseDuration('250us'), parseDuration('0'), parseDuration('1x'), parseDuration('')]).toEqual(['3723500000000', '-1500000', '250000', '0', 'Etime: unknown unit "x" in duration "1x"', 'Etime: invalid duration ""']);
    // fmt.fixed takes the f64's bits (0.6666666666666666), as its {} text keeps only 6 digits
    expect([s.op('fmt.fixed', '4604180019048437077', '3'), s.op('fmt.escape', 'a"\n', '')]).toEqual(['0.667', 'a\\"\\n']);
  });
});
