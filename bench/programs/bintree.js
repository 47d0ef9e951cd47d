// Twin of bintree.vx.
export function main(print) {
  class Node { constructor(l, r) { this.l = l; this.r = r; } }
  const LEAF = null;
  function make(depth) {
    if (depth === 0) return LEAF;
    return new Node(make(depth - 1), make(depth - 1));
  }
  function check(t) {
    if (t === LEAF) return 1;
    return 1 + check(t.l) + check(t.r);
  }
  let total = 0;
  for (let round = 0; round < 8; round++) total += check(make(16));
  print(`nodes checked: ${total}\n`);
}
