// Twin of wordcount.vx.
export function main(print) {
  const words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'and', 'cat', 'a', 'vex'];
  const counts = new Map();
  let seed = 12345;
  for (let i = 0; i < 1200000; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    const w = words[(seed >> 16) % 12];
    if (counts.has(w)) counts.set(w, counts.get(w) + 1);
    else counts.set(w, 1);
  }
  for (const [k, v] of counts) print(`${k} ${v}\n`);
}
