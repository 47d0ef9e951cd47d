// Editor queries on a large file (issue #13: hover and completion on a 5,000-line file < 50 ms).
// The worker's order of work while someone types: the live check after an edit, then hovers;
// a `.` typed, then member completion as the name grows. Prints medians (wall and CPU).
//   npx tsx bench/queries.ts [lines]     (also printed by `npm run bench`)
import { pathToFileURL } from 'node:url';
import { generateProgram } from './frontend';
import { checkAllFiles } from '../src/lang/sema/check-files';
import { typeAt, completionsAt } from '../src/lang/sema/query';
import { clearAnalyses } from '../src/lang/sema/analysis';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function timed(f: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage(), t0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

export function queryReport(lines = 5000, rounds = 9): string[] {
  const text = generateProgram(lines);
  // member accesses to complete: `p.x` and the like, spread over the file
  const dots: number[] = [];
  for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', at + 1)) {
    if (/[a-z0-9_]/.test(text[at - 1]) && /[a-z]/.test(text[at + 1])) dots.push(at);
  }
  const picks = Array.from({ length: rounds }, (_, i) => dots[Math.floor(((i + 0.5) * dots.length) / rounds)]);
  const rows: Record<string, { wall: number; cpu: number }[]> = { 'live check (per edit)': [], 'hover, uncached': [], 'hover after the check': [], 'completion after `.`': [], 'completion, next letter': [] };
  for (const at of picks) {
    let end = at + 1;
    while (/[A-Za-z0-9_]/.test(text[end])) end++;
    const before = text.slice(0, at) + text.slice(end);
    const btabs = [{ name: 'main.vx', text: before }];
    clearAnalyses();
    rows['hover, uncached'].push(timed(() => typeAt('main.vx', before, at - 1, btabs)));
    clearAnalyses();
    rows['live check (per edit)'].push(timed(() => checkAllFiles(btabs, 'main.vx')));
    rows['hover after the check'].push(timed(() => typeAt('main.vx', before, at - 1, btabs)));
    const one = text.slice(0, at) + '.' + text.slice(end);
    rows['completion after `.`'].push(timed(() => completionsAt('main.vx', one, at + 1, [{ name: 'main.vx', text: one }])));
    const two = text.slice(0, at) + '.' + text[at + 1] + text.slice(end);
    rows['completion, next letter'].push(timed(() => completionsAt('main.vx', two, at + 2, [{ name: 'main.vx', text: two }])));
  }
  const out = [`editor queries on a ${text.split('\n').length}-line file (target: hover and completion < 50 ms), medians of ${rounds}:`];
  for (const [name, xs] of Object.entries(rows)) {
    out.push(`  ${name.padEnd(26)} ${median(xs.map((x) => x.wall)).toFixed(1).padStart(7)} ms wall  ${median(xs.map((x) => x.cpu)).toFixed(1).padStart(7)} ms cpu`);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of queryReport(Number(process.argv[2] ?? 5000))) console.log(l);
}
