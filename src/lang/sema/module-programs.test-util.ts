// The multi-tab programs of modules.test.ts (each a tab name -> text map, `main.vx` the entry),
// shared with tests/immutable-ast.test.ts, which links and checks each on deep-frozen tabs.

export const MODULE_PROGRAMS = {
  linkUnlinked: { 'main.vx': 'fn main() {}', 'util.vx': 'fn x() {}' },
  chapterExample: {
    'main.vx': 'import { triple } from "./util";\nimport * as u from "./util.vx";\nfn main() { println("{} {}", triple(2), u.SCALE); }',
    'util.vx': 'export const SCALE: i32 = 3;\nexport fn triple(x: i32): i32 { return x * SCALE; }\nfn helper(): i32 { return 0; }',
  },
  privateNamesShadowed: {
    'main.vx': 'import { a } from "./a";\nimport { b } from "./b";\nfn helper(): i32 { return 100; }\nfn main() { let a = 5; println("{} {} {}", a, b() + helper(), helper()); }',
    'a.vx': 'fn helper(): i32 { return 1; }\nexport fn a(): i32 { return helper(); }',
    'b.vx': 'fn helper(): i32 { return 2; }\nexport fn b(): i32 { return helper(); }',
  },
  noExportExportsAll: { 'main.vx': 'import { f, main } from "./m";\nfn main() { f(); }', 'm.vx': 'fn f() {}\nfn main() {}' },
  initOrder: {
    'main.vx': 'import { x } from "./a";\nimport { y } from "./b";\nfn init() { println("main"); }\nfn main() { println("{}", x() + y()); }',
    'a.vx': 'import { y } from "./b";\nfn init() { println("a"); }\nexport fn x(): i32 { return y(); }',
    'b.vx': 'fn init() { println("b"); }\nexport fn y(): i32 { return 1; }',
  },
  cycle: {
    'main.vx': 'import { f } from "./a";\nfn main() { f(); }',
    'a.vx': 'import { g } from "./b";\nexport fn f() { g(); }',
    'b.vx': '\nimport { f } from "./a";\nexport fn g() {}',
  },
  selfCycle: { 'main.vx': 'import { f } from "./main";\nexport fn f() {}\nfn main() {}' },
  unknownNames: {
    'main.vx': 'import { run } from "./tool";\nfn main() { run(); }',
    'tool.vx': 'import { nope } from "./util";\nimport { gone } from "./missing";\nexport fn run() {}\nfn priv() {}',
    'util.vx': 'export fn yes() {}\nfn nope() {}',
  },
  nameConflict: {
    'main.vx': 'import { f } from "./a";\nimport { g } from "./b";\nfn g() {}\nfn main() { f(); g(); }',
    'a.vx': 'export fn f() {}', 'b.vx': 'export fn g() {}',
  },
  sameItemTwice: { 'main.vx': 'import { f } from "./a";\nimport { f } from "./a.vx";\nfn main() { f(); }', 'a.vx': 'export fn f() {}' },
  namespaceNotValue: { 'main.vx': 'import * as u from "./u";\nfn main() { let x = u; u.nothing(); }', 'u.vx': 'export fn f() {}' },
  reexports: {
    'main.vx': 'import { one, two, Big } from "./api";\nfn main() { let b = Big { v: 7 }; println("{} {} {}", one(), two(), b.v); }',
    'api.vx': 'export * from "./impl";\nexport { uno as one } from "./impl";',
    'impl.vx': 'export fn uno(): i32 { return 1; }\nexport fn two(): i32 { return 2; }\nexport struct Big { v: i32 }',
  },
  typesAcrossModules: {
    'main.vx': 'import * as g from "./g";\nfn main() { let p = g.P { x: 1 } + g.P.new(2); println("{} {}", p, p.twice()); }',
    'g.vx': 'export struct P impl Display { x: i32 }\nexport fn P.new(x: i32): P { return P { x: x }; }\nfn (a: &P) op+(b: P): P { return P { x: a.x + b.x }; }\nfn (p: &P) twice(): i32 { return p.x * 2; }\nfn (p: &P) to_string(): String { return String.from(f"P{p.x}"); }',
  },
  stdImportsLocal: {
    'main.vx': 'import { area } from "./circle";\nfn sqrt(x: i32): i32 { return x; }\nfn main() { println("{} {}", area(1.0) > 3.14, sqrt(4)); }',
    'circle.vx': 'import { PI, sqrt } from "math";\nexport fn area(r: f64): f64 { return PI * sqrt(r * r) * r; }',
  },
  diagnosticNames: { 'main.vx': 'import { V } from "./v";\nfn main() { let x: i32 = V { a: 1 }; }', 'v.vx': 'export struct V { a: i32 }' },
  panicBacktrace: { 'main.vx': 'import { boom } from "./u";\nfn main() { boom(); }', 'u.vx': 'export fn boom() {\n    panic("x");\n}' },
  editorShapes: {
    'main.vx': 'import { area, Shape } from "./shapes";\nimport * as s from "./shapes";\nfn main() { let k = area(Shape { w: 2 }); println("{}", s.area(Shape { w: k })); }',
    'shapes.vx': 'export struct Shape { w: i32 }\nexport fn area(sh: Shape): i32 { return sh.w * sh.w; }\nfn unused_priv(): i32 { return bad; }',
  },
  implicitExports: { 'main.vx': 'fn main() {}', 'util.vx': 'fn f(): i32 { return 1; }' },
  explicitExportUnused: { 'main.vx': 'fn main() {}', 'util.vx': 'export fn f() {}\nfn g() {}' },
  bareModuleName: { 'main.vx': 'import { f } from "util";\nfn main() { f(); }', 'util.vx': 'export fn f() {}' },
  unusedImports: {
    'main.vx': 'import { f, g as gee } from "./m";\nimport * as mm from "./m";\nimport * as used from "./m";\nfn main() { let g = 1; f(); used.f(); println("{}", g); }',
    'm.vx': 'export fn f() {}\nexport fn g() {}',
  },
  taskSpawn: {
    'main.vx': 'import { start } from "./work";\nfn main() { start(); }',
    'work.vx': 'fn job(n: i32) { println("job {}", n); }\nexport fn start() {\n    go job(7);\n}',
  },
  // imported names in every construct the linker renames, and locals that shadow them
  everyKind: {
    'main.vx': 'import * as sh from "./shapes";\nimport { SCALE, Meters, area, Box, twice, Named } from "./shapes";\n\nstruct Tag impl Named { id: i32 }\nfn (t: &Tag) name(): String { return String.from(f"tag{t.id}"); }\n\nfn describe<N: Named>(n: &N): String { return n.name(); }\n\nfn scaled(m: Meters): Meters { return m * SCALE; }\n\nfn main() {\n    let shapes = [sh.Shape.Dot, sh.Shape.Circle(2), sh.Shape.Rect(3, 4)];\n    let! total = 0;\n    for s in shapes { total += area(s); }\n    println("{}", total);\n    for SCALE in 0..2 { print("{} ", SCALE); }\n    println("");\n    let area = |x: i32| x + 1;\n    println("{} {}", area(1), scaled(5));\n    let b: Box<i32> = twice(7);\n    let c = sh.Box { v: true };\n    println("{} {}", b.v, c.v);\n    match sh.Shape.Circle(5) {\n        sh.Shape.Circle(SCALE) => println("r {}", SCALE),\n        _ => println("other"),\n    }\n    match Box { v: 9 } {\n        Box { v } => println("{} {}", v, describe(&Tag { id: 4 })),\n    }\n    { let SCALE = 100; println("{}", SCALE); }\n    println("{}", sh.SCALE + sh.area(sh.Shape.Rect(1, 1)));\n}\n',
    'shapes.vx': 'export enum Shape { Dot, Circle(i32), Rect(i32, i32) }\nexport struct Box<T> { v: T }\nexport contract Named { fn name(): String; }\nexport type Meters = i32;\nexport const SCALE: i32 = 2;\nexport fn area(s: Shape): i32 {\n    return match s {\n        Shape.Dot => 0,\n        Shape.Circle(r) => r * r * 3,\n        Shape.Rect(w, h) => w * h,\n    };\n}\nexport fn twice<T>(x: T): Box<T> { return Box<T> { v: x }; }\n',
  },
} satisfies Record<string, Record<string, string>>;
