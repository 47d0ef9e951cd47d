import { describe, expect, it } from 'vitest';
import { bugReport } from './bug-report';
import { DEFAULT_SETTINGS } from '../state/settings-model';

describe('bugReport', () => {
  const base = {
    files: [{ name: 'main.vx', text: 'fn main() {\n    println("hi");\n}\n' }, { name: 'b.vx', text: '// ```tricky```' }],
    settings: DEFAULT_SETTINGS, version: '0.1.0', build: 'abc123', outcome: 'Exited with code 0', output: 'hi', link: 'http://127.0.0.1/#code=x',
  };
  it('contains files, settings, version, outcome and output', () => {
    const md = bugReport(base);
    expect(md).toContain('vex-playground 0.1.0 (build abc123)');
    expect(md).toContain('panic=unwind');
    expect(md).toContain('### main.vx\n\n```vex\nfn main() {\n    println("hi");\n}\n```');
    expect(md).toContain('- Outcome: Exited with code 0');
    expect(md).toContain('```text\nhi\n```');
  });
  it('lists the Console session as prompts and inputs, only when there is one', () => {
    const md = bugReport({ ...base, cells: ['let! n = 1;', 'fn f() {\n    n;\n}'] });
    expect(md).toContain('### Console session\n\n```text\nvex> let! n = 1;\nvex> fn f() {\n...>     n;\n...> }\n```');
    expect(bugReport(base)).not.toContain('Console session');
  });
  it('uses a longer fence when the code contains backticks', () => {
    expect(bugReport(base)).toContain('````vex\n// ```tricky```\n````');
  });
});
