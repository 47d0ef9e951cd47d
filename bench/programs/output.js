// Twin of output.vx: one print per line, as console.log would be used.
export function main(print) {
  for (let i = 0; i < 100000; i++) print(`line ${i}: ${i * 3} ${i % 7 === 0}\n`);
}
