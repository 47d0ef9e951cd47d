import { describe, expect, it } from 'vitest';
import { bugReport, platformLine } from './bug-report';
import { DEFAULT_SETTINGS } from '../state/settings-model';
import { compile } from '../../lang/compile';
import { renderDiagnostic } from '../../lang/diagnostics';

describe('bugReport', () => {
  const base = {
    files: [{ name: 'main.vx', text: 'fn main() {\n    println("hi");\n}\n' }, { name: 'b.vx', text: '// ```tricky```' }],
    settings: DEFAULT_SETTINGS, version: '0.1.0', build: 'abc123', platform: 'Chrome 156 on Linux x86_64',
    outcome: 'Exited with code 0', exitCode: 0, diagnostics: '', output: 'hi', link: 'http://127.0.0.1/#code=x',
  };
  it('contains files, every setting, version, platform, outcome, output and the Expected section', () => {
    const md = bugReport(base);
    expect(md).toContain('vex-playground 0.1.0 (build abc123)');
    expect(md).toContain('- Browser: Chrome 156 on Linux x86_64');
    expect(md).toContain(`stack ${DEFAULT_SETTINGS.stackSize} bytes, heap limit ${DEFAULT_SETTINGS.heapLimit} bytes, panic=unwind, fuel ${DEFAULT_SETTINGS.fuel}`);
    expect(md).toContain('### main.vx\n\n```vex\nfn main() {\n    println("hi");\n}\n```');
    expect(md).toContain('- Outcome: Exited with code 0');
    expect(md).not.toContain('(exit code 0)'); // not repeated
    expect(md).toContain('```text\nhi\n```');
    expect(md.indexOf('### Expected')).toBeGreaterThan(0);
    expect(md.indexOf('### Expected')).toBeLessThan(md.indexOf('### main.vx'));
    expect(md).not.toContain('Compiler diagnostics');
  });
  it('lists the Console session as prompts and inputs, only when there is one', () => {
    const md = bugReport({ ...base, cells: ['let! n = 1;', 'fn f() {\n    n;\n}'] });
    expect(md).toContain('### Console session\n\n```text\nvex> let! n = 1;\nvex> fn f() {\n...>     n;\n...> }\n```');
    expect(bugReport(base)).not.toContain('Console session');
  });
  it('uses a longer fence when the code contains backticks', () => {
    expect(bugReport(base)).toContain('````vex\n// ```tricky```\n````');
  });
  it('includes compile diagnostics rendered as the terminal shows them', () => {
    const text = 'fn main() {\n    let n: i32 = "seven";\n}\n';
    const r = compile([{ name: 'main.vx', text }]);
    const rendered = r.diagnostics.map((d) => renderDiagnostic(d, text)).join('\n\n');
    expect(rendered).toMatch(/^error\[E\d+\]/);
    const md = bugReport({ ...base, files: [{ name: 'main.vx', text }], outcome: 'Compilation failed: 1 error', exitCode: null, diagnostics: rendered });
    expect(md).toContain('Compiler diagnostics:\n\n```text\nerror[');
    expect(md).toContain(' --> main.vx:2:');
    expect(md).not.toMatch(/see Problems|Panic panel/);
  });
  it('adds the exit code when the outcome text does not carry it', () => {
    expect(bugReport({ ...base, outcome: 'Stopped: step limit reached (1,000 steps).', exitCode: 1 })).toContain('(1,000 steps). (exit code 1)');
  });
});

describe('platformLine', () => {
  it('names browser and OS from common user agents', () => {
    expect(platformLine('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe('Chrome 156 on Linux x86_64');
    expect(platformLine('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox 140 on Windows');
    expect(platformLine('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15')).toBe('Safari 18 on macOS');
    expect(platformLine('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Safari/537.36 Edg/150.0')).toBe('Edge 150 on Windows');
    expect(platformLine('weird-agent')).toBe('weird-agent');
  });
});
