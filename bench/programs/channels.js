// Twin of channels.vx: a bounded channel as an idiomatic JS async queue, producers and the
// consumer as async functions.
class Channel {
  constructor(cap) { this.cap = cap; this.buf = []; this.recvq = []; this.sendq = []; }
  async send(v) {
    while (this.buf.length >= this.cap) await new Promise((r) => this.sendq.push(r));
    this.buf.push(v);
    const r = this.recvq.shift();
    if (r) r();
  }
  async recv() {
    while (this.buf.length === 0) await new Promise((r) => this.recvq.push(r));
    const v = this.buf.shift();
    const s = this.sendq.shift();
    if (s) s();
    return v;
  }
}
export async function main(print) {
  const data = new Channel(16);
  const producers = 2000, per = 50;
  const consumer = (async () => {
    let total = 0;
    for (let k = 0; k < producers * per; k++) total += await data.recv();
    return total;
  })();
  const ps = [];
  for (let p = 0; p < producers; p++) ps.push((async () => { for (let j = 0; j < per; j++) await data.send(p * per + j); })());
  await Promise.all(ps);
  print(`total ${await consumer}\n`);
}
