// `vex explain CODE`: the diagnostics table entry of a code (lang/codes.ts) — title, explanation,
// its message templates (lang/messages.ts), the failing example with the diagnostic it gets today
// (computed, rendered as `vex check` does), and the fix. `vex explain` alone lists every code. Exit 0, or 2 for an unknown code.
import { DIAGNOSTICS, allCodes, codeInfo } from '../lang/codes';
import { checkSource } from '../lang/sema/check';
import { compile } from '../lang/compile';
import { renderDiagnostic, type Diagnostic } from '../lang/diagnostics';

const EXAMPLE_FILE = 'example.vx';

/** The diagnostics of an example program: E09xx codes need code generation, the rest the checker. */
export function exampleDiagnostics(code: string, text: string): Diagnostic[] {
  return code.startsWith('E09') ? compile([{ name: EXAMPLE_FILE, text }]).diagnostics : checkSource(EXAMPLE_FILE, text, { lints: true }).diagnostics;
}

const indent = (text: string) => text.trimEnd().split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');

/** Breaks a paragraph into lines of at most `width` characters, at spaces. */
function wrap(text: string, width = 90): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function explainText(code: string): string | null {
  const info = codeInfo(code);
  if (!info) return null;
  const out = [`${info.code}: ${info.title} (${info.severity})`, '', wrap(info.explain)];
  const templates = Object.entries(info.messages);
  if (templates.length) out.push('', 'Messages ({$name} is filled in where it is reported):', '', ...templates.map(([name, t]) => `    ${name}: ${t}`));
  const notes = Object.entries(info.notes);
  if (notes.length) out.push('', 'Notes it may add:', '', ...notes.map(([name, t]) => `    ${name}: ${t}`));
  if (info.bad !== null) {
    const got = exampleDiagnostics(info.code, info.bad).filter((d) => d.code === info.code);
    out.push('', 'Example that gets it:', '', indent(info.bad), '');
    // The table's test guarantees the example gets its code; say so plainly if that ever breaks.
    out.push(...(got.length ? got.map((d) => renderDiagnostic(d, info.bad!) + '\n') : [`(this example no longer gets ${info.code}: please report it)\n`]));
  }
  if (info.good !== null) out.push('Fixed:', '', indent(info.good));
  return out.join('\n') + '\n';
}

export function listText(): string {
  return allCodes().map((c) => `${c}  ${DIAGNOSTICS[c].severity.padEnd(7)}  ${DIAGNOSTICS[c].title}`).join('\n') + '\n';
}

export function runExplain(args: string[]): number {
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    process.stderr.write('usage: vex explain [CODE]   (for example: vex explain E0113; no CODE lists all codes)\n');
    return 2;
  }
  if (args.length === 0) {
    process.stdout.write(listText());
    return 0;
  }
  const text = explainText(args[0]);
  if (text === null) {
    process.stderr.write(`vex explain: no diagnostic code '${args[0]}' (codes look like E0113 or W0103; \`vex explain\` lists them all)\n`);
    return 2;
  }
  process.stdout.write(text);
  return 0;
}
