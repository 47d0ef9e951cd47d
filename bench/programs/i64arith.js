// Twin of i64arith.vx: every value stays below 2^53, so a JS programmer uses plain numbers.
export function main(print) {
  const m = 1000000007;
  let x = 1;
  let sum = 0;
  for (let i = 0; i < 3000000; i++) {
    x = (x * 31 + i) % m;
    sum += x;
    if (x % 7 === 3) sum -= Math.trunc(x / 3);
  }
  print(`x = ${x}, sum = ${sum}\n`);
}
