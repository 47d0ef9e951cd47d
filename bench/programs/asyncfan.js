// Twin of asyncfan.vx: async functions awaiting a timer, fanned out with an array of promises.
// Timers resolve on a virtual clock (like Vex's): a real setTimeout would measure the wall clock.
export async function main(print) {
  const timers = new Map();
  const sleep = (ms) => new Promise((r) => { const q = timers.get(ms); if (q) q.push(r); else timers.set(ms, [r]); });
  async function work(i) { await sleep(i % 50); return i * 3; }
  async function fan(n) {
    const fs = [];
    for (let i = 0; i < n; i++) fs.push(work(i));
    let sum = 0;
    for (let i = 0; i < n; i++) sum += await fs[i];
    return sum;
  }
  const result = fan(20000);
  for (const ms of [...timers.keys()].sort((a, b) => a - b)) {
    for (const r of timers.get(ms)) r();
    await null;
  }
  print(`sum ${await result}\n`);
}
