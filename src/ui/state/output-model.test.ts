import { describe, expect, it } from 'vitest';
import { appendChunk, appendNote, emptyOutput, outputText } from './output-model';

describe('output model', () => {
  it('splits chunks into lines and continues an open line of the same stream', () => {
    let m = emptyOutput();
    m = appendChunk(m, 'stdout', 'hel');
    m = appendChunk(m, 'stdout', 'lo\nwor');
    m = appendChunk(m, 'stdout', 'ld\n');
    expect(m.lines).toEqual([{ stream: 'stdout', text: 'hello' }, { stream: 'stdout', text: 'world' }]);
    expect(m.open).toBe(false);
  });

  it('starts a new line when the stream changes mid-line, keeping order', () => {
    let m = emptyOutput();
    m = appendChunk(m, 'stdout', 'a');
    m = appendChunk(m, 'stderr', 'panic: x\n');
    m = appendChunk(m, 'stdout', 'b\n');
    expect(m.lines.map((l) => `${l.stream}:${l.text}`)).toEqual(['stdout:a', 'stderr:panic: x', 'stdout:b']);
  });

  it('keeps empty lines', () => {
    const m = appendChunk(emptyOutput(), 'stdout', '\n\nx\n');
    expect(m.lines.map((l) => l.text)).toEqual(['', '', 'x']);
  });

  it('keeps the latest lines and counts evictions', () => {
    let m = emptyOutput();
    for (let i = 0; i < 10; i++) m = appendChunk(m, 'stdout', `${i}\n`, 4);
    expect(m.lines.map((l) => l.text)).toEqual(['6', '7', '8', '9']);
    expect(m.dropped).toBe(6);
  });

  it('bumps the version and excludes notes from the text', () => {
    let m = appendChunk(emptyOutput(), 'stderr', 'e\n');
    const v = m.version;
    m = appendNote(m, 'note');
    expect(m.version).toBeGreaterThan(v);
    expect(outputText(m, true)).toBe('[stderr] e');
  });
});
