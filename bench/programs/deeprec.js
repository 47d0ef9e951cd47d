// Twin of deeprec.vx.
function depth(n, acc) {
  if (n === 0) return acc;
  return depth(n - 1, acc + n) - 1;
}
export function main(print) {
  let total = 0;
  for (let r = 0; r < 500; r++) total += depth(2000, r);
  print(`total ${total}\n`);
}
