// A playground session as plain data, and its encoding in the URL hash (lz-string) so a link
// reproduces a run exactly. Decoding never throws: a damaged link gives a reason.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { DEFAULT_SETTINGS, parseSettings, type RunSettings } from '../state/settings-model';

export interface SessionFile {
  name: string;
  text: string;
}

export interface Session {
  files: SessionFile[]; // main.vx first
  active: string; // the open tab
  settings: RunSettings;
  /** The Console's cells since its last reset, replayed in order when the session opens. */
  cells?: string[];
}

export const SESSION_VERSION = 1;
/** Console cells a link may carry (a longer list is cut, oldest first kept). */
export const MAX_CELLS = 500;
export const HASH_KEY = 'code';

// Tab names may hold folders (`lib/geo.vx`): `import … from "./lib/geo"` (chapter 2 §4.2).
export const FILE_NAME_RE = /^(?:[A-Za-z_][A-Za-z0-9_-]{0,40}\/){0,3}[A-Za-z_][A-Za-z0-9_-]{0,40}\.vx$/;

export function isValidFileName(name: string): boolean {
  return FILE_NAME_RE.test(name);
}

export function encodeSession(s: Session): string {
  return compressToEncodedURIComponent(JSON.stringify(sessionToData(s)));
}

export type DecodeResult = { ok: true; session: Session } | { ok: false; reason: string };

/** Parses untrusted session data (from a link or localStorage). */
export function sessionFromData(data: unknown): DecodeResult {
  if (!data || typeof data !== 'object') return { ok: false, reason: 'the session data is not an object' };
  const d = data as Record<string, unknown>;
  if (d.v !== SESSION_VERSION) return { ok: false, reason: `unsupported session version ${String(d.v)}` };
  if (!Array.isArray(d.f) || d.f.length === 0) return { ok: false, reason: 'the link holds no files' };
  const files: SessionFile[] = [];
  for (const entry of d.f) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string')
      return { ok: false, reason: 'a file entry is damaged' };
    if (!isValidFileName(entry[0])) return { ok: false, reason: `bad file name ${JSON.stringify(entry[0])}` };
    if (files.some((f) => f.name === entry[0])) return { ok: false, reason: `duplicate file ${entry[0]}` };
    files.push({ name: entry[0], text: entry[1] });
  }
  if (!files.some((f) => f.name === 'main.vx')) return { ok: false, reason: 'the link has no main.vx' };
  files.sort((a, b) => (a.name === 'main.vx' ? -1 : b.name === 'main.vx' ? 1 : 0));
  const settings = d.s === undefined ? DEFAULT_SETTINGS : parseSettings(d.s);
  if (!settings) return { ok: false, reason: 'the run settings are damaged' };
  const active = typeof d.a === 'string' && files.some((f) => f.name === d.a) ? d.a : 'main.vx';
  if (d.c !== undefined && (!Array.isArray(d.c) || !d.c.every((c) => typeof c === 'string'))) return { ok: false, reason: 'the Console cells are damaged' };
  const cells = (d.c as string[] | undefined)?.slice(0, MAX_CELLS) ?? [];
  return { ok: true, session: { files, active, settings, ...(cells.length ? { cells } : {}) } };
}

export function decodeSession(encoded: string): DecodeResult {
  let json: string | null = null;
  try {
    json = decompressFromEncodedURIComponent(encoded);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, reason: 'the link is damaged or truncated (cannot decompress)' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the link is damaged or truncated (not valid data)' };
  }
  return sessionFromData(data);
}

/** Reads `#code=…` from a location hash: null when there is no session in it. */
export function sessionParamFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h) return null;
  for (const part of h.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === HASH_KEY) return part.slice(eq + 1);
  }
  return null;
}

export function hashForSession(s: Session): string {
  return `#${HASH_KEY}=${encodeSession(s)}`;
}

/** Session data for localStorage (plain JSON, same shape as the link). */
export function sessionToData(s: Session): unknown {
  const data: Record<string, unknown> = { v: SESSION_VERSION, f: s.files.map((f) => [f.name, f.text]), a: s.active, s: s.settings };
  if (s.cells?.length) data.c = s.cells.slice(0, MAX_CELLS); // links without a Console stay as they were
  return data;
}
