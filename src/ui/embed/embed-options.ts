// Embed options, read from the iframe's URL (`?embed=1&autorun=1&panel=tasks&lines=8…`) and
// written by "Copy embed" and embed.js. Pure: parse and format never throw, unknown values fall
// back to the defaults so a hand-written snippet with a typo still shows a working playground.

export const EMBED_PANELS = ['output', 'problems', 'panic', 'memory', 'tasks', 'ffi', 'console'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

/** Parts of the embed's bar that `hide=` can remove. */
export const EMBED_PARTS = ['run', 'stop', 'reset', 'open'] as const;
export type EmbedPart = (typeof EMBED_PARTS)[number];

export interface EmbedOptions {
  autorun: boolean;
  readonly: boolean;
  panel: EmbedPanel;
  theme: 'light' | 'dark' | null; // null: the visitor's own choice
  hide: EmbedPart[];
  /** Editor height in lines; 'auto' fits the program (up to MAX_AUTO_LINES). */
  lines: number | 'auto';
  /** 1-based source lines hidden from view but compiled (mdBook's `# ` lines), ascending. */
  hidden: number[];
  /** Identifies this embed in its messages to the host page (several embeds on one page). */
  id: string;
}

export const DEFAULT_EMBED: EmbedOptions = { autorun: false, readonly: false, panel: 'output', theme: null, hide: [], lines: 'auto', hidden: [], id: '' };
export const MAX_AUTO_LINES = 30;
export const MAX_HIDDEN_LINES = 10_000;

const truthy = (v: string | null) => v !== null && v !== '0' && v !== 'false' && v !== 'no';

/** "1-3,7" -> [1,2,3,7]; garbage parts are ignored. */
export function parseLineRanges(s: string): number[] {
  const out = new Set<number>();
  for (const part of s.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let i = Math.max(1, Math.min(a, b)); i <= Math.max(a, b) && out.size < MAX_HIDDEN_LINES; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

/** [1,2,3,7] -> "1-3,7" */
export function formatLineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    parts.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const panel = q.get('panel');
  const theme = q.get('theme');
  const lines = q.get('lines');
  const n = lines !== null ? Number(lines) : NaN;
  return {
    autorun: truthy(q.get('autorun')),
    readonly: truthy(q.get('readonly')),
    panel: (EMBED_PANELS as readonly string[]).includes(panel ?? '') ? (panel as EmbedPanel) : 'output',
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    hide: (q.get('hide') ?? '').split(',').map((s) => s.trim()).filter((s): s is EmbedPart => (EMBED_PARTS as readonly string[]).includes(s)),
    lines: Number.isInteger(n) && n >= 1 && n <= 200 ? n : 'auto',
    hidden: parseLineRanges(q.get('hidden') ?? ''),
    id: (q.get('id') ?? '').slice(0, 64),
  };
}

/** The query string of an embed URL (always starts with `?embed=1`; defaults are left out). */
export function embedQuery(o: Partial<EmbedOptions>): string {
  const q: string[] = ['embed=1'];
  if (o.autorun) q.push('autorun=1');
  if (o.readonly) q.push('readonly=1');
  if (o.panel && o.panel !== 'output') q.push(`panel=${o.panel}`);
  if (o.theme) q.push(`theme=${o.theme}`);
  if (o.hide && o.hide.length) q.push(`hide=${o.hide.join(',')}`);
  if (typeof o.lines === 'number') q.push(`lines=${o.lines}`);
  if (o.hidden && o.hidden.length) q.push(`hidden=${formatLineRanges(o.hidden)}`);
  if (o.id) q.push(`id=${encodeURIComponent(o.id)}`);
  return `?${q.join('&')}`;
}

/** Editor height in lines for `text` under these options (hidden lines do not count). */
export function editorLines(o: EmbedOptions, text: string): number {
  if (typeof o.lines === 'number') return o.lines;
  const total = text.replace(/\n$/, '').split('\n').length;
  return Math.max(3, Math.min(MAX_AUTO_LINES, total - o.hidden.filter((l) => l <= total).length));
}

/** mdBook-style hidden lines: a line `# code` (or a lone `#`) is compiled as `code` but not shown.
 *  `#[attr]` and `#!` are code, not markers. Returns the program and the hidden line numbers. */
export function stripHiddenLines(block: string): { code: string; hidden: number[] } {
  const hidden: number[] = [];
  const lines = block.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((l, i) => {
    const m = /^(\s*)#(?: (.*))?$/.exec(l);
    if (m && !/^\s*#[[!]/.test(l)) {
      hidden.push(i + 1);
      return m[1] + (m[2] ?? '');
    }
    return l;
  });
  return { code: `${lines.join('\n')}\n`, hidden };
}

/** Messages between an embed and its host page (window.postMessage; plain JSON). */
export type EmbedToHost =
  | { type: 'vex-embed:ready'; id: string }
  | { type: 'vex-embed:height'; id: string; height: number }
  | { type: 'vex-embed:done'; id: string; exitCode: number | null; outcome: string };
export type HostToEmbed =
  | { type: 'vex-embed:run' }
  | { type: 'vex-embed:set-code'; code: string; run?: boolean };

export function isHostMessage(d: unknown): d is HostToEmbed {
  if (!d || typeof d !== 'object') return false;
  const m = d as { type?: unknown; code?: unknown };
  return m.type === 'vex-embed:run' || (m.type === 'vex-embed:set-code' && typeof m.code === 'string');
}
