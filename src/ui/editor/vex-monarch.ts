// The Vex Monarch tokenizer (vex-language.md §1) and language configuration. Plain data with no
// runtime Monaco import, so Node tests can drive it (see vex-monarch.test.ts).
import type { languages } from 'monaco-editor/editor/editor.api';

export const VEX_KEYWORDS = [
  'fn', 'let', 'struct', 'enum', 'contract', 'impl', 'policy', 'with', 'async', 'await', 'go', 'gpu',
  'launch', 'try', 'return', 'defer', 'break', 'continue', 'if', 'else', 'elif', 'for', 'while', 'loop',
  'in', 'import', 'export', 'from', 'as', 'nil', 'type', 'extends', 'infer', 'where', 'const', 'typeof',
  'unsafe', 'new', 'make', 'switch', 'case', 'default', 'match', 'select', 'extern',
  // contextual at item start (§6): highlighted as keywords
  'union', 'thread_local',
];

export const VEX_TYPE_KEYWORDS = [
  'i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128', 'f16', 'f32', 'f64', 'bool',
  'string', 'any', 'byte', 'error', 'Map', 'Set', 'str', 'usize', 'isize', 'void', 'ptr', 'Self',
];

export const VEX_CONSTANTS = ['true', 'false', 'Some', 'None', 'Ok', 'Err', 'self'];

export const VEX_BUILTINS = [
  'print', 'println', 'assert', 'assert_eq', 'panic', 'unreachable', 'sizeof', 'alignof', 'alloc', 'free',
  'realloc', 'catch_panic', 'block_on', 'sleep', 'set_allocator', 'set_global_allocator', 'reset_allocator',
  'sys_alloc', 'sys_free', 'signal', 'signal_ignore', 'signal_default', 'raise', 'go_with_stack',
  'stack_size', 'heap_profile_start', 'heap_profile_stop', 'heap_profile_report', 'gc_collect',
  'runtime_stats', 'string_from', 'string_with_capacity', 'vec_new', 'ctlz', 'cttz', 'ctpop', 'bswap', 'bitreverse', 'likely', 'unlikely',
  'assume',
];

/** Operators (longest first is not needed: Monarch uses the @symbols class and a cases lookup). */
export const VEX_OPERATORS = [
  '::', '...', '..=', '..', '=>', '??', '?', '!', '~', '&&', '&', '||', '|', '^', '+', '-', '*', '/', '%',
  '**', '++', '--', '=', '==', '!=', '<', '<=', '>', '>=', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '&=',
  '|=', '^=', '<<=', '>>=', '<-', '->', ':', '.',
];

const INT_SUFFIX = '(?:[iu](?:8|16|32|64|128))?';

/** Number regexes, exported so tests can check them directly. `_` between digits is accepted. */
export const VEX_NUMBER = {
  hex: new RegExp(`0[xX][0-9a-fA-F](?:_?[0-9a-fA-F])*${INT_SUFFIX}`),
  octal: new RegExp(`0[oO][0-7](?:_?[0-7])*${INT_SUFFIX}`),
  binary: new RegExp(`0[bB][01](?:_?[01])*${INT_SUFFIX}`),
  // digits.digits[exp][f32|f64]: `1.` and `.5` are not floats, and `1..5` is a range
  float: /\d(?:_?\d)*\.\d(?:_?\d)*(?:[eE][+-]?\d+)?(?:f32|f64)?/,
  decimal: new RegExp(`\\d(?:_?\\d)*${INT_SUFFIX}`),
};

export const vexMonarch: languages.IMonarchLanguage & Record<string, unknown> = {
  defaultToken: 'invalid',
  tokenPostfix: '.vex',
  keywords: VEX_KEYWORDS,
  typeKeywords: VEX_TYPE_KEYWORDS,
  constants: VEX_CONSTANTS,
  builtins: VEX_BUILTINS,
  operators: VEX_OPERATORS,
  symbols: /[=><!~?:&|+\-*/^%.]+/,
  escapes: /\\(?:[nrtbf"\\]|u[0-9a-fA-F]{4})/,

  tokenizer: {
    root: [
      // attributes: #[repr(C)], #[no_main]
      [/#\[[^\]\n]*\]/, 'annotation'],
      // `let!` is one token
      [/let!/, 'keyword'],
      // operator methods: op+ op== op[]=
      [/op(?:\[\]=?|[=!<>+\-*/%^&|~]+)/, 'keyword.operator'],
      // f-strings before identifiers (f"...")
      [/f"/, { token: 'string.fstring', next: '@fstring' }],
      [/[A-Z][A-Za-z0-9_]*/, {
        cases: { '@typeKeywords': 'type.keyword', '@constants': 'constant', '@default': 'type.identifier' },
      }],
      [/[a-z_][A-Za-z0-9_]*/, {
        cases: {
          '@keywords': 'keyword',
          '@typeKeywords': 'type.keyword',
          '@constants': 'constant',
          '@builtins': 'predefined',
          '@default': 'identifier',
        },
      }],
      { include: '@whitespace' },
      [/[{}()[\]]/, '@brackets'],
      [/[;,]/, 'delimiter'],
      // numbers: prefixed forms first, then floats before plain integers
      [VEX_NUMBER.hex, 'number.hex'],
      [VEX_NUMBER.octal, 'number.octal'],
      [VEX_NUMBER.binary, 'number.binary'],
      [VEX_NUMBER.float, 'number.float'],
      [VEX_NUMBER.decimal, 'number'],
      [/@symbols/, { cases: { '@operators': 'operator', '@default': 'invalid' } }],
      [/"/, { token: 'string.quote', next: '@string' }],
      // struct tags `json:"id"`
      [/`[^`]*`/, 'string.tag'],
      // no char literals in Vex
      [/'/, 'invalid'],
    ],
    whitespace: [
      [/[ \t\r\n\f]+/, 'white'],
      [/\/\*/, { token: 'comment', next: '@comment' }],
      [/\/\/.*$/, 'comment'],
    ],
    // block comments do not nest
    comment: [
      [/[^*]+/, 'comment'],
      [/\*\//, { token: 'comment', next: '@pop' }],
      [/\*/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/@escapes/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    fstring: [
      [/\{\{|\}\}/, 'string.escape'],
      [/\{/, { token: 'delimiter.bracket.interpolation', next: '@hole' }],
      [/[^\\"{}]+/, 'string.fstring'],
      [/@escapes/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/\}/, 'invalid'],
      [/"/, { token: 'string.fstring', next: '@pop' }],
    ],
    // inside an f-string hole: any expression without `}` or `"`
    hole: [
      [/\}/, { token: 'delimiter.bracket.interpolation', next: '@pop' }],
      [/"/, { token: 'invalid', next: '@popall' }],
      [/[A-Za-z_][A-Za-z0-9_]*/, 'identifier'],
      [/\d+(?:\.\d+)?/, 'number'],
      [/[ \t]+/, 'white'],
      [/[^}"A-Za-z_0-9 \t]/, 'operator'],
    ],
  },
};

/** Language configuration: comments, brackets, auto-closing, indentation. */
export const vexLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [['{', '}'], ['[', ']'], ['(', ')']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: '/*', close: ' */', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
  indentationRules: {
    // a line whose last bracket is open indents the next one
    increaseIndentPattern: /^.*(\{[^}"'`]*|\([^)"'`]*|\[[^\]"'`]*)$/,
    decreaseIndentPattern: /^\s*[}\])].*$/,
  },
  wordPattern: /(-?\d*\.\d\w*)|([^`~!@#%^&*()\-=+[{\]}\\|;:'",.<>/?\s]+)/g,
  folding: { markers: { start: /^\s*\/\/\s*#region\b/, end: /^\s*\/\/\s*#endregion\b/ } },
};
