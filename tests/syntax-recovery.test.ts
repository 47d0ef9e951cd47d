// Error recovery on real programs: deleting one `;` or one `}` from any conformance program gives
// one diagnostic (rustc style), not a cascade; the rest of the file is still parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex } from '../src/lang/syntax/lexer';
import { parse } from '../src/lang/syntax/parser';
import { sharedPath } from './shared-suite';

const dir = sharedPath('conformance');
const programs = readdirSync(dir).filter((f) => f.endsWith('.vx')).sort().map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));

/** Error counts after deleting each `kind` token in turn (replaced by a space: offsets stay put). */
function deletions(kind: string): { where: string; errors: number; items: number; baseItems: number }[] {
  const out = [];
  for (const { f, text } of programs) {
    const baseItems = parse(f, text).program.items.length;
    for (const t of lex(f, text).tokens.filter((x) => x.kind === kind)) {
      const r = parse(f, text.slice(0, t.start) + ' ' + text.slice(t.end));
      out.push({ where: `${f}:${t.line}:${t.col}`, errors: r.diagnostics.filter((d) => d.severity === 'error').length, items: r.program.items.length, baseItems });
    }
  }
  return out;
}

describe('recovery from one deleted token', () => {
  it('a deleted `;` gives at most one diagnostic (none where the expression becomes a valid tail value)', () => {
    const rs = deletions(';');
    expect(rs.length).toBeGreaterThan(500);
    expect(rs.filter((r) => r.errors > 1).map((r) => r.where)).toEqual([]);
    // Tails are legal only in go/closure/async/match-arm blocks, so most deletions must be reported.
    expect(rs.filter((r) => r.errors === 1).length / rs.length).toBeGreaterThan(0.95);
    // Every item is still there.
    expect(rs.filter((r) => r.items !== r.baseItems).map((r) => r.where)).toEqual([]);
  });

  it('a deleted `}` gives one diagnostic almost always, and never a cascade', () => {
    const rs = deletions('}');
    expect(rs.length).toBeGreaterThan(200);
    expect(rs.filter((r) => r.errors < 1 || r.errors > 2).map((r) => `${r.where} (${r.errors})`)).toEqual([]);
    expect(rs.filter((r) => r.errors === 1).length / rs.length).toBeGreaterThan(0.97);
  });
});
