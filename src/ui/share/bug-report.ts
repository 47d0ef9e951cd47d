// "Copy bug report": a Markdown document a maintainer can act on — toolchain, platform, every
// setting, the files, the compile diagnostics as the terminal shows them, the exact output and
// outcome, an Expected section for the reporter, and the link that reproduces the run.
import type { RunSettings } from '../state/settings-model';
import type { SessionFile } from './session';

export interface BugReportInput {
  files: SessionFile[];
  settings: RunSettings;
  version: string;
  build: string;
  /** Browser and OS, e.g. from navigator.userAgent (see `platformLine`). */
  platform: string;
  /** How the run ended, in plain words (no UI pointers). */
  outcome: string;
  exitCode: number | null;
  /** Compile diagnostics rendered as `vex check` prints them ('' when none). */
  diagnostics: string;
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

const block = (lang: string, text: string) => {
  const f = fence(text);
  return [`${f}${lang}`, text.replace(/\n$/, ''), f];
};

/** "Chrome 156 on Linux x86_64" from a user agent; the raw string when it is not recognised. */
export function platformLine(userAgent: string, platform = ''): string {
  const browser =
    /Edg\/(\d+)/.exec(userAgent)?.[1] ? `Edge ${/Edg\/(\d+)/.exec(userAgent)![1]}` :
    /Firefox\/(\d+)/.exec(userAgent) ? `Firefox ${/Firefox\/(\d+)/.exec(userAgent)![1]}` :
    /Chrom(?:e|ium)\/(\d+)/.exec(userAgent) ? `Chrome ${/Chrom(?:e|ium)\/(\d+)/.exec(userAgent)![1]}` :
    /Version\/(\d+)[\d.]* .*Safari/.exec(userAgent) ? `Safari ${/Version\/(\d+)/.exec(userAgent)![1]}` : null;
  const os =
    /Windows NT/.test(userAgent) ? 'Windows' :
    /Android/.test(userAgent) ? 'Android' :
    /iPhone|iPad/.test(userAgent) ? 'iOS' :
    /Mac OS X/.test(userAgent) ? 'macOS' :
    /Linux/.test(userAgent) ? `Linux${/x86_64|aarch64/.exec(userAgent) ? ` ${/x86_64|aarch64/.exec(userAgent)![0]}` : ''}` : platform || null;
  return browser && os ? `${browser} on ${os}` : userAgent || 'unknown';
}

export function bugReport(r: BugReportInput): string {
  const s = r.settings;
  const parts: string[] = ['## Vex Playground bug report', ''];
  parts.push('### What happened', '', '<!-- one or two sentences -->', '');
  parts.push('### Expected', '', '<!-- what you expected the program to print or do -->', '');
  parts.push('### Environment', '');
  parts.push(`- Toolchain: vex-playground ${r.version} (build ${r.build})`);
  parts.push(`- Browser: ${r.platform}`);
  parts.push(`- Settings: stack ${s.stackSize} bytes, heap limit ${s.heapLimit} bytes, panic=${s.panic}, fuel ${s.fuel}`);
  if (r.link) parts.push(`- Link (reproduces these files and settings): ${r.link}`);
  parts.push('');
  for (const f of r.files) parts.push(`### ${f.name}`, '', ...block('vex', f.text), '');
  if (r.cells?.length) {
    const text = r.cells.map((c) => c.split('\n').map((l, i) => (i ? '...> ' : 'vex> ') + l).join('\n')).join('\n');
    parts.push('### Console session', '', ...block('text', text), '');
  }
  parts.push('### Actual result', '');
  parts.push(`- Outcome: ${r.outcome}${r.exitCode !== null && !r.outcome.includes(`exit code ${r.exitCode}`) && !r.outcome.includes(`code ${r.exitCode}`) ? ` (exit code ${r.exitCode})` : ''}`, '');
  if (r.diagnostics) parts.push('Compiler diagnostics:', '', ...block('text', r.diagnostics), '');
  parts.push('Output (stdout and stderr in order; stderr lines marked `stderr: `):', '', ...block('text', r.output), '');
  return parts.join('\n');
}
