// The one "stderr lines in order" judgement (conformance runner, engine suite, examples in the
// worker and in the browser): each expected line appears as a whole line of the actual output,
// in order, other lines may come between. Returns the first line not found, or null.
export function linesInOrder(expected: readonly string[], actual: string | readonly string[]): string | null {
  const lines = typeof actual === 'string' ? actual.split('\n') : actual;
  let at = 0;
  for (const want of expected) {
    const i = lines.indexOf(want, at);
    if (i < 0) return want;
    at = i + 1;
  }
  return null;
}
