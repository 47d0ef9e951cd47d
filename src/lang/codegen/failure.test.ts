// Compiler failures are never dressed as the user's mistakes: each kind has its own code.
import { describe, it, expect } from 'vitest';
import { codegenFailure } from './failure';
import { CodegenError } from './expr';
import { LineMap } from '../span';
import { checkSource } from '../sema/check';

const span = new LineMap('main.vx', 'fn main() {}').span(0, 0);

describe('compiler failures', () => {
  it('an unsupported construct is E0900, a host stack overflow E0902, anything else E0999 with the bug note', () => {
    expect(codegenFailure(new CodegenError('codegen: unsupported thing'), span)).toMatchObject({ code: 'E0900', message: expect.stringContaining('(thing)') });
    let overflow: unknown;
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try { recurse(0); } catch (e) { overflow = e; }
    expect(codegenFailure(overflow, span).code).toBe('E0902');
    const ice = codegenFailure(new TypeError('x.get is not a function'), span);
    expect(ice.code).toBe('E0999');
    expect(ice.message).toBe('internal compiler error in the code generator: x.get is not a function');
    expect(ice.notes.join(' ')).toContain('bug in the playground');
  });

  it('a program nested too deeply for the checker (100,000 chained operators) gets E0902, not an internal error', () => {
    const deep = `fn main() { let x = ${Array(100_000).fill('1').join(' + ')}; }`;
    expect(checkSource('t.vx', deep).diagnostics.map((d) => d.code)).toEqual(['E0902']);
  });
});
