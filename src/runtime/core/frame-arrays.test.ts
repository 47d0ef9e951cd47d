// Frame-held arrays (frame-arrays.ts): one slot per site and frame, released once the frame returned.
import { describe, it, expect } from 'vitest';
import { FrameArrays } from './frame-arrays';

const fnOf = (site: number) => (site < 10 ? 'f' : 'g'); // sites 0..9 are in f, 10.. in g

describe('FrameArrays', () => {
  it('takes floor(bytes / 256) frames once per site and frame', () => {
    const a = new FrameArrays();
    expect(a.reserve(0, 1, 3, 1000, fnOf)).toEqual({ take: 3, freed: 0 });
    expect(a.reserve(0, 1, 3, 1000, fnOf)).toEqual({ take: 0, freed: 0 }); // a loop re-making it
    expect(a.reserve(0, 1, 4, 255, fnOf)).toEqual({ take: 0, freed: 0 }); // below a frame's 256 bytes
    expect(a.reserve(0, 1, 3, 2048, fnOf)).toEqual({ take: 5, freed: 0 }); // the slot grows
  });
  it('frees the slots of returned frames: deeper ones, and another function at the same depth', () => {
    const a = new FrameArrays();
    a.reserve(0, 1, 3, 2560, fnOf);
    a.reserve(0, 2, 4, 512, fnOf);
    expect(a.reserve(0, 1, 12, 256, fnOf)).toEqual({ take: 1, freed: 12 }); // g replaced f at depth 1
    expect(a.release(0, 1)).toBe(1); // a function entry at depth 1
    expect(a.release(0, 0)).toBe(0);
  });
  it('keeps tasks apart and forgets a finished task', () => {
    const a = new FrameArrays();
    a.reserve(1, 0, 3, 512, fnOf);
    expect(a.release(2, 0)).toBe(0);
    a.endTask(1);
    expect(a.release(1, 0)).toBe(0);
  });
});
