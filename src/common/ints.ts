// Plain types shared by the compiler (src/lang) and the simulated machine (src/runtime), which
// never import each other: the integer kinds both must agree on.
export type IntName = 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128';
