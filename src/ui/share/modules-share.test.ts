// A program of several tabs travels whole: a share link restores every tab (folders included)
// and runs to the same output; the bug report lists every tab and renders a module's diagnostic
// against its own text.
import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, isValidFileName, type Session } from './session';
import { bugReport } from './bug-report';
import { DEFAULT_SETTINGS } from '../state/settings-model';
import { execute } from '../../pipeline/execute';
import { compile } from '../../lang/compile';
import { renderDiagnostic } from '../../lang/diagnostics';

const session: Session = {
  files: [
    { name: 'main.vx', text: 'import { twice } from "./lib/math2";\nfn main() { println("{}", twice(21)); }\n' },
    { name: 'lib/math2.vx', text: 'export fn twice(x: i32): i32 { return x * 2; }\n' },
  ],
  active: 'lib/math2.vx',
  settings: DEFAULT_SETTINGS,
};
const stdout = (files: Session['files']) => (execute(files, {}, 'main.vx').result?.output ?? []).map((c) => c.text).join('');

describe('multi-tab programs in links and reports', () => {
  it('tab names may hold folders, but not absolute or parent paths', () => {
    expect(isValidFileName('lib/math2.vx')).toBe(true);
    expect(isValidFileName('/abs.vx')).toBe(false);
    expect(isValidFileName('../up.vx')).toBe(false);
    expect(isValidFileName('a//b.vx')).toBe(false);
  });

  it('a share link restores every tab and the program runs the same', () => {
    const r = decodeSession(encodeSession(session));
    expect(r).toEqual({ ok: true, session });
    if (!r.ok) return;
    expect(stdout(r.session.files)).toBe('42\n');
  });

  it('the bug report carries every tab and renders a module diagnostic with its own file', () => {
    const files = [session.files[0], { name: 'lib/math2.vx', text: 'export fn twice(x: i32): i32 {\n    return "x";\n}\n' }];
    const diags = compile(files, { entry: 'main.vx' }).diagnostics;
    const rendered = diags.map((d) => renderDiagnostic(d, files.find((f) => f.name === d.span.file)!.text)).join('\n\n');
    expect(rendered).toContain('--> lib/math2.vx:2:12');
    expect(rendered).toContain('2 |     return "x";');
    const md = bugReport({ files, settings: DEFAULT_SETTINGS, version: '0', build: 'x', platform: 'p', outcome: 'Compilation failed: 1 error', exitCode: null, diagnostics: rendered, output: '', link: '' });
    expect(md).toContain('### main.vx');
    expect(md).toContain('### lib/math2.vx');
  });
});
