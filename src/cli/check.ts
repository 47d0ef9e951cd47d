// STUB (the checker engineer replaces this): `vex check`.
export function runCheck(_args: string[]): number {
  process.stderr.write('vex check: not implemented yet\n');
  return 2;
}
