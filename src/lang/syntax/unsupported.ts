// E0022 messages: the real-Vex (or neighbouring-language) constructs the parser rejects, each named,
// with what to write instead.
/** What the playground says about a real-Vex construct it does not have (E0022): the construct by
 *  name, and what to write instead. */
export function unsupportedConstruct(k: string): string {
  switch (k) {
    case 'new': return '`new` expressions are not Vex here: construct with `T { … }`, `T(…)` or `T.new(…)`';
    case 'make': return '`make(…)` is not Vex here: write `Vec<T>()`, `Map<K, V>()` or `Channel<T>(n)`';
    case 'select': return '`select` over several channels is not available: receive with `<-ch` from one channel at a time';
    case 'gpu': case 'launch': return `GPU kernels (\`${k}\`) are not available: the playground's machine has no GPU`;
    case 'try': return '`try` blocks are not Vex here: propagate errors with `?` or catch panics with `catch_panic`';
    case 'policy': return '`policy` declares an item: write it at the top level, `policy P { field `tag`, … }`';
    case 'with': return '`with` belongs in a struct or policy head: `struct S with P { … }`';
    default: return `\`${k}\` cannot appear here`;
  }
}
