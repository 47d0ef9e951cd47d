// Twin of bintree.vx.
class Node { constructor(l, r) { this.l = l; this.r = r; } }
const LEAF = null;
function build(depth) {
  if (depth === 0) return LEAF;
  return new Node(build(depth - 1), build(depth - 1));
}
function check(t) {
  if (t === LEAF) return 1;
  return 1 + check(t.l) + check(t.r);
}

export function main(print) {
  let total = 0;
  for (let round = 0; round < 8; round++) total += check(build(16));
  print(`nodes checked: ${total}\n`);
}
