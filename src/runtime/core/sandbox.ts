// What a sandboxed program sees of an operating system (chapter 2 §4.7): an environment table
// that starts empty and an in-memory file system holding an empty `/tmp`. Both live for one run
// and never touch the host. The standard modules env/fs/path (written in Vex) reach them through
// the builtin `vex_sandbox(op, a, b): str`; booleans come back as "1"/"0". A few pure text helpers
// of fmt/path are ops here too (the exact `{:.N}` and `{:?}` text of the runtime's formatter), and
// time's calendar, layouts and durations (time-go.ts).
import { formatDebugString } from '../format/spec';
import { formatFixed, MAX_PRECISION } from '../format/float';
import { civil, format, parse, parseDuration } from './time-go';

const bits = new DataView(new ArrayBuffer(8));
const utf8 = new TextEncoder(), utf8d = new TextDecoder();

export class Sandbox {
  private readonly env = new Map<string, string>();
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/', '/tmp']);

  op(op: string, a: string, b: string): string {
    const ok = (v: boolean) => (v ? '1' : '0');
    switch (op) {
      case 'env.get': return this.env.get(a) ?? '';
      case 'env.set': if (!a) return '0'; this.env.set(a, b); return '1';
      case 'env.unset': return ok(this.env.delete(a));
      case 'fs.read': return this.files.get(norm(a)) ?? '';
      case 'fs.write': return ok(this.write(norm(a), b));
      case 'fs.exists': return ok(this.files.has(norm(a)) || this.dirs.has(norm(a)));
      case 'fs.remove': return ok(this.files.delete(norm(a)));
      case 'fs.copy': { const c = this.files.get(norm(a)); return ok(c !== undefined && this.write(norm(b), c)); }
      case 'fs.rename': {
        const from = norm(a), c = this.files.get(from);
        if (c === undefined || !this.write(norm(b), c)) return '0';
        if (norm(b) !== from) this.files.delete(from);
        return '1';
      }
      case 'fs.mkdir': { const d = norm(a); if (this.dirs.has(d) || this.files.has(d) || !this.dirs.has(parent(d))) return '0'; this.dirs.add(d); return '1'; }
      case 'fs.rmdir': {
        const d = norm(a);
        if (d === '/' || !this.dirs.has(d)) return '0';
        const inside = (p: string) => p.startsWith(d + '/');
        if ([...this.files.keys()].some(inside) || [...this.dirs].some(inside)) return '0'; // not empty
        this.dirs.delete(d);
        return '1';
      }
      case 'fs.isdir': return ok(this.dirs.has(norm(a)));
      case 'path.normalize': return normalize(a);
      case 'path.dirname': { const i = a.lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : a.slice(0, i); }
      case 'path.basename': return a.slice(a.lastIndexOf('/') + 1);
      case 'path.extension': { const base = a.slice(a.lastIndexOf('/') + 1), i = base.lastIndexOf('.'); return i <= 0 ? '' : base.slice(i + 1); }
      case 'fmt.fixed': { // a: the f64's bits (decimal u64), b: the precision
        bits.setBigUint64(0, BigInt(a));
        return formatFixed(bits.getFloat64(0), Math.max(0, Math.min(MAX_PRECISION, Number(b) | 0)));
      }
      case 'time.parse_duration': return parseDuration(a);
      case 'time.civil': { const c = civil(BigInt(a)); return [c.year, c.month, c.day, c.hour, c.minute, c.second, c.weekday, c.yearday].join(' '); }
      case 'time.format': { // a: "SEC NSEC OFFSET ZONE", b: the layout
        const [sec, nsec, offset] = a.split(' ', 3);
        return format(BigInt(sec), Number(nsec), Number(offset), a.split(' ').slice(3).join(' '), b);
      }
      case 'time.parse': { // a: the layout, b: "OFFSET ZONE_BYTES ZONE" then the value
        const m = /^(-?\d+) (\d+) /.exec(b)!;
        const rest = utf8.encode(b.slice(m[0].length)), n = Number(m[2]);
        return parse(a, utf8d.decode(rest.subarray(n)), Number(m[1]), utf8d.decode(rest.subarray(0, n)));
      }
      case 'fmt.chr': return String.fromCharCode(Number(a) & 255);
      case 'fmt.escape': return formatDebugString(a).slice(1, -1);
      default: return '';
    }
  }

  /** A file may be written only inside an existing directory. */
  private write(p: string, content: string): boolean {
    if (this.dirs.has(p) || !this.dirs.has(parent(p))) return false;
    this.files.set(p, content);
    return true;
  }
}

/** `a/./b/../c` → `a/c`; keeps a leading `/`; `..` above the root stays at the root. */
export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!abs) out.push('..'); continue; }
    out.push(seg);
  }
  const s = out.join('/');
  return abs ? '/' + s : s || '.';
}
/** Relative paths are relative to `/` (the sandbox has no other working directory). */
const norm = (p: string): string => normalize(p.startsWith('/') ? p : '/' + p);
const parent = (p: string): string => (p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/')));
