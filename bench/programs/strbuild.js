// Twin of strbuild.vx.
export function main(print) {
  let s = '';
  for (let i = 0; i < 200000; i++) s += `${i},`;
  print(`length ${s.length}\n`);
  print(`ends with 199999, ${s.endsWith('199999,')}\n`);
}
