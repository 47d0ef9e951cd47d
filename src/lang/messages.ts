// The message templates of every diagnostic, and of their fixed notes, by code (the codes' titles, explanations and examples
// are in ./codes.ts; `codeInfo` joins the two). Emit sites never write text: they call
// `MSG.CODE.name({ hole: value })` (./msg.ts), so `tsc` checks the code, the name and the holes.
// Holes are `{$name}`. Written by the codemod /work/wt/codemods/msgs13.ts (which keeps every
// template already here and its name) and by hand; plain strings only, no comments inside.
import type { DiagnosticCode } from './codes';

export const MESSAGES = {
  E0010: {
    expected: 'expected {$what}, found {$found}',
  },
  E0011: {
    expectedSemi: 'expected `;`, found {$found}',
  },
  E0013: {
    expected: 'expected {$what}, found {$found}',
  },
  E0014: {
    expected: 'expected {$what}, found {$found}',
  },
  E0015: {
    expected: 'expected {$what}, found {$found}',
  },
  E0016: {
    expected: 'expected {$what}, found {$found}',
  },
  E0022: {
    newExpression: '`new` expressions are not Vex here: construct with `T { … }`, `T(…)` or `T.new(…)`',
    makeCall: '`make(…)` is not Vex here: write `Vec<T>()`, `Map<K, V>()` or `Channel<T>(n)`',
    select: '`select` over several channels is not available: receive with `<-ch` from one channel at a time',
    gpuKernels: 'GPU kernels (`{$keyword}`) are not available: the playground\'s machine has no GPU',
    tryBlock: '`try` blocks are not Vex here: propagate errors with `?` or catch panics with `catch_panic`',
    policyItem: '`policy` declares an item: write it at the top level, `policy P { field `tag`, … }`',
    withHead: '`with` belongs in a struct or policy head: `struct S with P { … }`',
    cannotAppearHere: '`{$keyword}` cannot appear here',
  },
  E0110: {
    assign: 'cannot assign to {$place}',
    apply: 'cannot apply {$what} to {$place}',
  },
  E0111: {
    throughSharedRef: 'cannot call mutating method `{$method}` through shared reference `{$name}`',
    onImmutable: 'cannot call mutating method `{$method}` on {$what} `{$name}`',
  },
  E0112: {
    mutableReference: 'cannot take a mutable reference to {$place}',
  },
  E0124: {
    unclosedBrace: 'unclosed `{` in format string (write `{{` for a literal brace)',
    unknownSpec: 'unknown format spec `{{$spec}}`; expected `{}`, `{:?}`, `{:x}`, `{:X}`, `{:b}`, `{:o}`, `{:e}` or `{:.N}`',
  },
  E0161: {
    mutableTwice: 'cannot borrow `{$name}` as mutable more than once at a time',
    immutableWhileMutable: 'cannot borrow `{$name}` as immutable because it is also borrowed as mutable',
    mutableWhileImmutable: 'cannot borrow `{$name}` as mutable because it is also borrowed as immutable',
    assignBorrowed: 'cannot assign to `{$name}` because it is borrowed',
    moveBorrowed: 'cannot move `{$name}` because it is borrowed',
    useMutablyBorrowed: 'cannot use `{$name}` because it is mutably borrowed',
  },
  E0169: {
    arrayTooLarge: 'array `[{$elem}; {$len}]` is too large: {$bytes} bytes; the limit of one object is {$limit} bytes (2^53 - 1)',
    typeTooLarge: 'type `{$type}` is too large: more than {$limit} bytes; the limit of one object is {$limit} bytes (2^53 - 1)',
  },
  E0901: {
    polymorphicRecursionSize: 'polymorphic recursion: generic function `{$name}` calls itself with ever bigger type arguments (more than {$max} parts), so it would need infinitely many instances; make the recursive call use the same type parameters',
    polymorphicRecursionDepth: 'polymorphic recursion: generic function `{$name}` calls itself with ever bigger type arguments (nested more than {$max} levels deep), so it would need infinitely many instances; make the recursive call use the same type parameters',
    tooManyInstances: 'generic function `{$name}` needs more than {$max} instances (polymorphic recursion?)',
  },
} as const satisfies { readonly [C in DiagnosticCode]?: { readonly [name: string]: string } };

/** The fixed `note: …` / `help: …` lines of the diagnostics, by code: `NOTE.CODE.name({ hole })` gives the text. */
export const NOTES = {
} as const satisfies { readonly [C in DiagnosticCode]?: { readonly [name: string]: string } };
