// Twin of vecprim.vx: a JS programmer reaches for typed arrays for a million numbers.
export function main(print) {
  const n = 1000000;
  const a = new Int32Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = (i % 1000) * 7 % 1000;
    w[i] = (i % 100) * 0.5;
  }
  for (let i = 1; i < n; i++) {
    a[i] = (a[i] + a[i - 1]) % 1000003;
    w[i] = w[i] + w[i - 1] * 0.5;
  }
  let best = 0;
  for (let i = n - 1; i >= 0; i--) if (a[i] > best) best = a[i];
  print(`last ${a[n - 1]} best ${best} w ${w[n - 1]}\n`);
}
