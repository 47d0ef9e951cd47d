// The fuzz campaign's child process: runs each case twice (the judge compares the two runs) and
// answers over IPC. A hang or a crash here cannot stall the campaign: the parent kills and respawns it.
import { runCase } from './exec';
import type { FuzzCase } from './gen/types';

process.on('message', (m: { id: number; c: FuzzCase }) => {
  const a = runCase(m.c);
  const b = runCase(m.c);
  process.send!({ id: m.id, runs: [a, b] });
});
process.send!({ ready: true });
