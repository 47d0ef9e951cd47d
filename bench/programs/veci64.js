// Twin of veci64.vx: every value stays below 2^53, so a JS programmer uses plain numbers in an array.
export function main(print) {
  let total = 0;
  for (let r = 0; r < 200; r++) {
    const v = [];
    for (let i = 0; i < 10000; i++) v.push(i * 1000003 + r);
    let s = 0;
    for (let i = 0; i < 10000; i++) s = s + v[i] * 2 - (v[i] % 1000);
    total += s % 1000000007;
  }
  print(`total ${total}\n`);
}
