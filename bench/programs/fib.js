// Twin of fib.vx.
function fib(n) {
  if (n < 2) return n;
  return (fib(n - 1) + fib(n - 2)) | 0;
}

export function main(print) {
  print(`fib(32) = ${fib(32)}\n`);
}
