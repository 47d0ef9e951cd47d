// Twin of nbody.vx.
class Body {
  constructor(x, y, z, vx, vy, vz, mass) {
    this.x = x; this.y = y; this.z = z; this.vx = vx; this.vy = vy; this.vz = vz; this.mass = mass;
  }
}
function energy(bodies) {
  const n = bodies.length;
  let e = 0.0;
  for (let i = 0; i < n; i++) {
    const bi = bodies[i];
    e += 0.5 * bi.mass * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz);
    for (let j = i + 1; j < n; j++) {
      const bj = bodies[j];
      const dx = bi.x - bj.x, dy = bi.y - bj.y, dz = bi.z - bj.z;
      e -= (bi.mass * bj.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}
function advance(bodies, dt) {
  const n = bodies.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = bodies[i].x - bodies[j].x;
      const dy = bodies[i].y - bodies[j].y;
      const dz = bodies[i].z - bodies[j].z;
      const d2 = dx * dx + dy * dy + dz * dz;
      const mag = dt / (d2 * Math.sqrt(d2));
      const mj = bodies[j].mass * mag;
      const mi = bodies[i].mass * mag;
      bodies[i].vx -= dx * mj; bodies[i].vy -= dy * mj; bodies[i].vz -= dz * mj;
      bodies[j].vx += dx * mi; bodies[j].vy += dy * mi; bodies[j].vz += dz * mi;
    }
  }
  for (let i = 0; i < n; i++) {
    bodies[i].x += dt * bodies[i].vx; bodies[i].y += dt * bodies[i].vy; bodies[i].z += dt * bodies[i].vz;
  }
}
export function main(print) {
  const bodies = [
    new Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47),
    new Body(4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037),
    new Body(8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011),
    new Body(12.89, -15.11, -0.22, 1.08, 0.868, -0.01, 0.0017),
    new Body(15.37, -25.91, 0.179, 0.979, 0.594, -0.034, 0.002),
  ];
  print(`before ${energy(bodies).toFixed(9)}\n`);
  for (let step = 0; step < 200000; step++) advance(bodies, 0.01);
  print(`after ${energy(bodies).toFixed(9)}\n`);
}
