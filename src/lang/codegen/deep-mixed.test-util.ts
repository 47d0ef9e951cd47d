// The worst mix of host frames for deep recursion, shared by deep.test.ts and e2e/deep-light.spec.ts.
import { DEEP_AT } from '../../runtime/core/deep';

// Light recursive functions (small host frames: codegen/deep.ts frameIsLight) run plain up to
// DEEP_LIGHT_AT before their first trampoline; the host stack's worst case is a heavy recursion
// plain up to DEEP_AT, light frames on top up to DEEP_LIGHT_AT, then inside the trampoline
// another (quarter) stretch of heavy plain frames. MIXED builds exactly that and goes on as heap frames.
// `at` is the run's DEEP_AT (scaled to the host stack: runtime/core/host-stack.ts deepThresholds).
export const MIXED = (lightLevels: number, heavyBottom: number, at = DEEP_AT) => `struct Guard impl Drop {
    depth: i32,
    fn drop()! { if self.depth == -1 { println("never"); } }
}
fn heavy(n: i32, acc: i64, then: i32): i64 {
    let g = Guard { depth: n };
    let twice = acc * 2;
    let label = f"level {n} of {acc}";
    let a = n + 1;
    let b = a * 3 - n;
    let c = [a, b, n, a + b];
    let d = f"{a}/{b}/{c[2]}";
    let e = c[0] + c[1] + c[2] + c[3];
    defer { if n == -1 { println("{} {} {} {}", label, d, e, g.depth); } }
    if n == 0 {
        if then > 0 { return light(then, acc, 1) + twice - twice; }
        return acc;
    }
    return heavy(n - 1, acc + 1, then) + twice - twice;
}
fn light(n: i32, a: i64, b: i64): i64 {
    if n == 0 { return heavy(${heavyBottom}, a, 0); }
    return light(n - 1, (a + (b * 3 + a * b)) % 1000, ((b + 7) * (a + 3) - b) % 1000) + 1;
}
fn main() {
    println("reached {}", heavy(${at - 2}, 0, ${lightLevels}));
}
`;
