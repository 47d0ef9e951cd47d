// Twin of sieve.vx.
export function main(print) {
  const n = 2000000;
  const flags = [];
  for (let i = 0; i < n + 1; i++) flags.push(true);
  flags[0] = false;
  flags[1] = false;
  for (let i = 2; i * i <= n; i++) {
    if (flags[i]) {
      for (let j = i * i; j <= n; j += i) flags[j] = false;
    }
  }
  let count = 0;
  for (let k = 0; k < n + 1; k++) if (flags[k]) count++;
  print(`primes up to ${n}: ${count}\n`);
}
