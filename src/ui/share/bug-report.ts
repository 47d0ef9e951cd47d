// "Copy bug report": a Markdown document with everything needed to reproduce a run.
import type { RunSettings } from '../state/settings-model';
import type { SessionFile } from './session';

export interface BugReportInput {
  files: SessionFile[];
  settings: RunSettings;
  version: string;
  build: string;
  outcome: string;
  output: string;
  link: string;
  /** The Console's cells (its session), when it was used. */
  cells?: string[];
}

/** A fence longer than any backtick run in the text, so code containing ``` stays intact. */
function fence(text: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(longest + 1);
}

export function bugReport(r: BugReportInput): string {
  const parts: string[] = ['## Vex Playground bug report', ''];
  parts.push(`- Toolchain: vex-playground ${r.version} (build ${r.build})`);
  parts.push(`- Settings: stack ${r.settings.stackSize} bytes, heap limit ${r.settings.heapLimit} bytes, panic=${r.settings.panic}, fuel ${r.settings.fuel}`);
  parts.push(`- Outcome: ${r.outcome}`);
  if (r.link) parts.push(`- Link: ${r.link}`);
  parts.push('');
  for (const f of r.files) {
    const fc = fence(f.text);
    parts.push(`### ${f.name}`, '', `${fc}vex`, f.text.replace(/\n$/, ''), fc, '');
  }
  if (r.cells?.length) {
    const text = r.cells.map((c) => c.split('\n').map((l, i) => (i ? '...> ' : 'vex> ') + l).join('\n')).join('\n');
    const fc = fence(text);
    parts.push('### Console session', '', `${fc}text`, text, fc, '');
  }
  const fo = fence(r.output);
  parts.push('### Output', '', `${fo}text`, r.output, fo, '');
  return parts.join('\n');
}
