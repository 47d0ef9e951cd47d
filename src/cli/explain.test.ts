import { describe, it, expect, afterEach, vi } from 'vitest';
import { runExplain, explainText } from './explain';
import { main } from './main';
import { capture } from './capture.test-util';
import { DIAGNOSTICS, allCodes } from '../lang/codes';

afterEach(() => vi.restoreAllMocks());

describe('vex explain', () => {
  it('prints title, explanation, the failing example with its live diagnostic, and the fix', () => {
    const r = capture(() => runExplain(['E0113']));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const out = r.out;
    expect(out.startsWith('E0113: use of a moved value (error)\n')).toBe(true);
    expect(out).toContain('Values that own resources');
    // the example, indented, then the diagnostic the checker gives it now, rendered like `vex check`
    expect(out).toContain('\n    fn main() {\n        let v = Vec<i32>.new();\n        let w = v;\n        println("{}", v.len());\n');
    expect(out).toContain('error[E0113]: use of moved value: `v`\n --> example.vx:4:19\n');
    expect(out).toContain('  |             - value moved here\n');
    const fixed = out.slice(out.indexOf('Fixed:'));
    expect(fixed).toContain('println("{}", w.len());');
    expect(out.indexOf('Example that gets it:')).toBeLessThan(out.indexOf('error[E0113]'));
    expect(out.indexOf('error[E0113]')).toBeLessThan(out.indexOf('Fixed:'));
  });
  it('is case-insensitive, and works for warnings, parser codes and compiler failures', () => {
    expect(explainText('w0103')).toContain('warning[W0103]: unused variable');
    expect(explainText('E0033')).toContain('error[E0033]: `mut` is not Vex');
    expect(explainText('E0901')).toContain('error[E0901]: polymorphic recursion');
    const ice = explainText('E0999')!;
    expect(ice).toContain('internal compiler error');
    expect(ice).not.toContain('Fixed:');
  });
  it('lists the code\'s message templates and the notes it may add', () => {
    const out = explainText('E0161')!;
    expect(out).toContain('Messages ({$name} is filled in where it is reported):\n');
    expect(out).toContain('    mutableTwice: cannot borrow `{$name}` as mutable more than once at a time\n');
    expect(out).toContain('Notes it may add:\n');
    expect(out).toContain('    helpBothReferencesWould: help: both references would be live');
    expect(out.indexOf('Messages (')).toBeLessThan(out.indexOf('Example that gets it:'));
  });
  it('every example pair is printed with its own code', () => {
    for (const c of allCodes()) {
      const t = explainText(c)!;
      if (DIAGNOSTICS[c].bad !== null) expect(t, c).toContain(`${DIAGNOSTICS[c].severity}[${c}]`);
    }
  });
  it('an unknown code is a clear error with exit 2; bad usage too', () => {
    const r = capture(() => runExplain(['E4242']));
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toContain("no diagnostic code 'E4242'");
    expect(capture(() => runExplain(['E0113', 'E0114'])).code).toBe(2);
    expect(capture(() => runExplain(['--json'])).code).toBe(2);
  });
  it('without a code lists every code with its severity and title', () => {
    const r = capture(() => runExplain([]));
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.length).toBe(allCodes().length);
    expect(lines).toContain('E0113  error    use of a moved value');
    expect(lines).toContain('W0103  warning  unused variable');
  });
  it('is reachable as `vex explain`', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
    expect(await main(['explain', 'E0110'])).toBe(0);
    expect(out).toContain('E0110: assignment to an immutable binding');
  });
});
