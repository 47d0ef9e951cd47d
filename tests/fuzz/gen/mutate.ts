// Mutations of the conformance corpus (../shared/conformance and tests/conformance): token
// mutations (the parser fuzzers' mutation set) and statement mutations (delete, duplicate, swap
// lines; numbers zeroed, negated or made huge). Judged for internal errors, hangs and determinism
// only: a mutant may be invalid, or mean something else.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rng } from './rng';
import type { FuzzCase } from './types';
import { TOKEN_VOCAB, applyMutation, type Mutation } from '../../../src/lang/syntax/fuzz-gen';

const dirs = ['../../../../shared/conformance/', '../../conformance/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
export const CORPUS: string[] = dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.vx')).sort().map((f) => readFileSync(d + f, 'utf8')) : []));

function tokenMutation(r: Rng): Mutation {
  const f = () => r.u32() / 2 ** 32;
  switch (r.int(0, 6)) {
    case 0: return { k: 'delete-chars', at: f(), len: r.int(1, 20) };
    case 1: return { k: 'insert-char', at: f(), code: r.pick([10, 32, 40, 41, 123, 125, 59, 33, 38, 42, 48]) };
    case 2: return { k: 'insert-token', at: f(), tok: r.pick(TOKEN_VOCAB) };
    case 3: return { k: 'swap-chars', a: f(), b: f() };
    case 4: return { k: 'delete-token', at: f() };
    case 5: return { k: 'swap-tokens', a: f(), b: f() };
    default: return { k: 'duplicate-range', at: f(), len: r.int(1, 200) };
  }
}

function statementMutation(r: Rng, text: string): string {
  const l = text.split('\n');
  const k = r.int(0, l.length - 1), j = r.int(0, l.length - 1);
  switch (r.int(0, 6)) {
    case 0: return [...l.slice(0, k), ...l.slice(k + 1)].join('\n');
    case 1: return [...l.slice(0, k + 1), ...l.slice(k)].join('\n');
    case 2: { [l[k], l[j]] = [l[j], l[k]]; return l.join('\n'); }
    case 3: l[k] = l[k].replace(/\b\d+\b/g, '0'); return l.join('\n');
    case 4: l[k] = l[k].replace(/\b(\d+)\b/g, '$1$1$1$1$1'); return l.join('\n');
    case 5: l[k] = l[k].replace(/\b(\d+)\b/g, '(0 - $1)'); return l.join('\n');
    default: { const moved = l.splice(k, 1); l.splice(j, 0, ...moved); return l.join('\n'); }
  }
}

export function genMutant(r: Rng): FuzzCase {
  let text = r.pick(CORPUS);
  for (let n = r.int(1, 3); n > 0; n--) text = r.bool() ? statementMutation(r, text) : applyMutation(text, tokenMutation(r));
  return { category: 'mutate', text, options: { fuel: 500_000, heapLimit: 16 << 20 } };
}
