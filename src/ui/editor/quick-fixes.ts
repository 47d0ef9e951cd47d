// Quick fixes from diagnostics whose `help:` note holds a concrete edit. Pure (no Monaco): takes a
// marker's message and ranges plus a line reader, returns titled text edits in 1-based
// line/column ranges, which register-vex.ts hands to Monaco as code actions.

export interface Range { startLine: number; startCol: number; endLine: number; endCol: number }
export interface FixInput {
  message: string; // diagnostic message + "\n" + notes, as in the marker
  range: Range;
  related: Range[]; // the diagnostic's labels (e.g. "declared here")
}
export interface QuickFix { title: string; edits: { range: Range; text: string }[] }

const at = (line: number, col: number, endCol = col): Range => ({ startLine: line, startCol: col, endLine: line, endCol });

/** Column (1-based) of the last whole-word `word` on `text` that starts before `beforeCol`. */
function lastWordBefore(text: string, word: string, beforeCol: number): number | null {
  const re = new RegExp(`(^|[^A-Za-z0-9_])${word.replace(/[!]/g, '\\$&')}(?![A-Za-z0-9_!])`, 'g');
  let found: number | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const col = m.index + m[1].length + 1;
    if (col < beforeCol) found = col;
  }
  return found;
}

export function quickFixes(d: FixInput, line: (n: number) => string): QuickFix[] {
  const fixes: QuickFix[] = [];
  const r = d.range;
  for (const help of d.message.split('\n').filter((l) => l.startsWith('help: '))) {
    let m: RegExpMatchArray | null;
    if ((m = help.match(/prefix it with an underscore: `(_\w+)`/))) {
      fixes.push({ title: `Rename to \`${m[1]}\``, edits: [{ range: at(r.startLine, r.startCol), text: '_' }] });
    } else if (help.includes('change `let!` to `let`')) {
      const col = lastWordBefore(line(r.startLine), 'let!', r.startCol);
      if (col !== null) fixes.push({ title: 'Change `let!` to `let`', edits: [{ range: at(r.startLine, col, col + 4), text: 'let' }] });
    } else if ((m = help.match(/remove the unreachable code \(lines (\d+)–(\d+)\)/))) {
      const from = Number(m[1]), to = Number(m[2]);
      fixes.push({ title: 'Remove the unreachable code', edits: [{ range: { startLine: from, startCol: 1, endLine: to + 1, endCol: 1 }, text: '' }] });
    } else if ((m = help.match(/remove the unused import \(lines? (\d+)(?:–(\d+))?\)/))) {
      const from = Number(m[1]), to = Number(m[2] ?? m[1]);
      fixes.push({ title: 'Remove the unused import', edits: [{ range: { startLine: from, startCol: 1, endLine: to + 1, endCol: 1 }, text: '' }] });
    } else if ((m = help.match(/remove `(\w+)` from the import list/))) {
      // the name and the comma after it (or, for the last name, the comma before it)
      const text = line(r.startLine);
      const after = /^\s*,\s*/.exec(text.slice(r.endCol - 1))?.[0].length ?? 0;
      const before = after ? 0 : /\s*,\s*$/.exec(text.slice(0, r.startCol - 1))?.[0].length ?? 0;
      fixes.push({ title: `Remove the unused import \`${m[1]}\``, edits: [{ range: at(r.startLine, r.startCol - before, r.endCol + after), text: '' }] });
    } else if ((m = help.match(/consider `let! (\w+)`/))) {
      // The declaration is the "declared here" label: add `!` after its `let`.
      const decl = d.related[0];
      const col = decl ? lastWordBefore(line(decl.startLine), 'let', decl.startCol) : null;
      if (decl && col !== null) fixes.push({ title: `Make \`${m[1]}\` mutable (\`let!\`)`, edits: [{ range: at(decl.startLine, col + 3), text: '!' }] });
    } else if ((m = help.match(/a name with a similar spelling exists: `(\w+)`/))) {
      fixes.push({ title: `Change to \`${m[1]}\``, edits: [{ range: r, text: m[1] }] });
    }
  }
  return fixes;
}
