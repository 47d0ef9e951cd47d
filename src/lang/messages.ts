// The message templates of every diagnostic, and of their fixed notes, by code (the codes' titles, explanations and examples
// are in ./codes.ts; `codeInfo` joins the two). Emit sites never write text: they call
// `MSG.CODE.name({ hole: value })` (./msg.ts), so `tsc` checks the code, the name and the holes.
// Holes are `{$name}`. Written by the codemod /work/wt/codemods/msgs13.ts (which keeps every
// template already here and its name) and by hand; plain strings only, no comments inside.
import type { DiagnosticCode } from './codes';

export const MESSAGES = {
  E0001: {
    unexpectedCharacter: 'unexpected character `{$printable}`',
    unexpectedCharacters: 'unexpected characters',
  },
  E0002: {
    unterminatedBlockComment: 'unterminated block comment',
  },
  E0003: {
    unterminatedStringLiteral: 'unterminated string literal',
  },
  E0004: {
    malformedUnicodeEscapeExpected: 'malformed unicode escape: expected `\\u` followed by 4 hex digits',
    unknownEscapeSequence: 'unknown escape sequence `\\{$choice}`',
  },
  E0005: {
    vexNoCharacterLiterals: 'Vex has no character literals',
  },
  E0006: {
    missingClosingBacktick: 'unterminated struct tag (missing closing backtick)',
  },
  E0007: {
    missingDigitsAfterInteger: 'missing digits after the integer prefix',
    invalidDigitBaseLiteral: 'invalid digit for a base {$base} literal',
  },
  E0008: {
    unmatchedFString: 'unmatched `}` in f-string',
    unterminatedFString: 'unterminated `{` in f-string',
    emptyFStringPut: 'empty `{}` in f-string: put an expression inside',
  },
  E0010: {
    expected: 'expected {$what}, found {$found}',
    vexStructLiteralsNo: 'Vex struct literals have no `..base`: list every field',
    structLiteralFieldsNeed: 'struct literal fields need a value: write `{$fText}: {$fText}`',
    expectedFunctionNameFound: 'expected function name, found {$nameTokKind}',
    expectedFunctionBodyFound: 'expected `{` (function body), found {$tok}',
    functionsInsideExternBlock: 'functions inside an `extern` block are declarations: end them with `;`',
    cStyleNoParentheses: 'a C-style `for` has no parentheses: `for let! i = 0; i < n; i++ { … }`',
    moreSyntaxErrorsNot: '{$droppedCount} more syntax errors not shown',
  },
  E0011: {
    expectedSemi: 'expected `;`, found {$found}',
  },
  E0012: {
    expectedFound: 'expected `}`, found {$tok}',
    expectedFound2: 'expected `{$kind}`, found {$tok}',
  },
  E0013: {
    expected: 'expected {$what}, found {$found}',
    typeExpectsExpression: '`:type` expects an expression',
  },
  E0014: {
    expected: 'expected {$what}, found {$found}',
  },
  E0015: {
    expected: 'expected {$what}, found {$found}',
    restPatternWrittenNot: 'the rest pattern is written `...`, not `..`',
  },
  E0016: {
    expected: 'expected {$what}, found {$found}',
  },
  E0017: {
    unexpectedClosingDelimiter: 'unexpected closing delimiter `{$k}`',
  },
  E0018: {
    limitLevels: 'nesting too deep (the limit is {$MAX_DEPTH} levels)',
    availableStack: 'nesting too deep for the available stack',
  },
  E0019: {
    expectedFound: 'expected `;`, found `}`',
  },
  E0020: {
    notVexPathSeparator: '`::` is not a Vex path separator: use `.`',
  },
  E0021: {
    reprCMustFollowed: '`#[repr(C)]` must be followed by a `struct` or `union`',
    noMainMustCome: '`#[no_main]` must come before the first item',
    unsupportedAttribute: 'unsupported attribute `#[{$text}]`',
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
    vexNoMoveClosures: 'Vex has no `move` closures: captures are always by reference, and a closure may be returned or stored',
    implBlocksNotVex: '`impl` blocks are not Vex',
  },
  E0023: {
    letRequiresInitializerLet: '`let` requires an initializer (`let x: T = value;`)',
  },
  E0024: {
    letOneTokenRemove: '`let!` is one token: remove the space before `!`',
  },
  E0025: {
    thereNoGlobalLet: 'there are no global `let` bindings: use `const` or `thread_local let!`',
    statementsNotAllowedTop: 'statements are not allowed at the top level: put them in `fn main()`',
  },
  E0026: {
    enumDiscriminants1Not: 'enum discriminants (`A = 1`) are not supported in Vex',
    structLikeEnumVariants: 'struct-like enum variants are not supported: use a tuple variant `V(T, U)`',
  },
  E0027: {
    expectedAfterGoBlock: 'expected `;` after the `go { … }` block, found {$choice}',
  },
  E0028: {
    cVariadicOnlyAllowed: 'C variadic `...` is only allowed in extern declarations; use `xs: ...T`',
    mustLastParameter: '`...` must be the last parameter',
    groupedParametersCannotDefault: 'grouped parameters cannot have a default value',
    variadicParameterXsT: 'a variadic parameter `xs: ...T` must be the last one',
    trailingCommaParameterList: 'trailing comma in a parameter list',
    vexFunctionCannotC: 'a Vex function cannot be C-variadic',
  },
  E0029: {
    awaitPrefixOperatorWrite: '`await` is a prefix operator: write `await e`',
  },
  E0030: {
    ifUsedValueNeeds: 'an `if` used as a value needs an `else` branch',
  },
  E0031: {
    expectedAfterFieldFound: 'expected `,` after field `{$mText}`, found {$choice}',
  },
  E0032: {
    rangeOperatorsCannotChained: 'range operators cannot be chained; add parentheses',
  },
  E0033: {
    writeLetNameMutable: '`mut` is not Vex: write `let! name` for a mutable binding',
    mutableReferencePointerWritten: '`mut` is not Vex: a mutable reference or pointer is written `{$vex}`',
  },
  E0034: {
    threadLocalNeedsType: 'a `thread_local` needs a type: `thread_local let! x: T = value;`',
    threadLocalNeedsInitializer: 'a `thread_local` needs an initializer',
  },
  E0099: {
    internalParserError: 'internal parser error: {$choice}',
  },
  E0100: {
    cannotFindValueScope: 'cannot find value `{$name}` in this scope',
    cannotExportNoItem: 'cannot export `{$nName}`: no item with this name in this file',
    typeNotValue: '`{$eName}` is a type, not a value',
    enumNoVariant: 'enum `{$infoName}` has no variant `{$eName}`',
    moduleNotValue: 'module `{$eName}` is not a value',
    cannotExportNoItem2: 'cannot export `{$nName}`: no item or import with this name in this module',
  },
  E0101: {
    methodsCanOnlyDefined: 'methods can only be defined on structs and enums, not `{$ownerName}`',
    cannotFindTypeStatic: 'cannot find type `{$ownerName}` for static method `{$infoName}`',
    cannotFindContract: 'cannot find contract `{$imName}`',
    cannotFindStruct: 'cannot find struct `{$eName}`',
    policyNotFound: 'policy `{$parentName}` not found',
    noAssociatedType: '`{$infoName}` has no associated type `{$member}`',
    cannotFindType: 'cannot find type `{$name}.{$member}`',
    selfOnlyAvailableInside: '`Self` is only available inside a struct or contract',
    contractNotTypeUse: '`{$name}` is a contract, not a type; use a generic parameter `<T: {$name}>`',
    cannotFindTypeScope: 'cannot find type `{$name}` in this scope',
    typeAliasRefersItself: 'type alias `{$alName}` refers to itself',
  },
  E0102: {
    typeNameDefinedMore: 'the type name `{$name}` is defined more than once',
    fieldDeclaredMoreThan: 'field `{$fName}` is declared more than once',
    variantDeclaredMoreThan: 'variant `{$vName}` is declared more than once',
    nameDefinedMoreThan: 'the name `{$name}` is defined more than once',
    definedMoreThanOnce: '{$name} is defined more than once',
    importedAlsoDefinedModule: '`{$local}` is imported from "{$from}" and also defined in this module',
    imported: '`{$local}` is imported from {$was} and "{$from}"',
    policyDefinedMoreThan: 'the policy `{$itName}` is defined more than once',
    bothPolicyContract: '`{$itName}` is both a policy and a contract',
    methodDeclaredMoreThan: 'method `{$mName}` is declared more than once in contract `{$itName}` with the same parameter types',
  },
  E0103: {
    assertEqCompares: 'mismatched types: `assert_eq` compares {$tA} with {$tb}',
    catchPanicExpectsFunction: 'mismatched types: `catch_panic` expects a function with no parameters, found {$ft}',
    expectsMutableReferenceAllocator: 'mismatched types: `{$name}` expects a mutable reference `&A!` to an allocator, found {$t}',
    signalHandlerMustExtern: 'mismatched types: a signal handler must be `extern "C" fn(i32)`, found {$ht}',
    goStackExpectsFunction: 'mismatched types: `go_with_stack` expects a function `fn()`, found {$ft}',
    goStackExpectsFunction2: 'mismatched types: `go_with_stack` expects a function with no parameters `fn()`, found {$choice}',
    blockExpectsFutureT: 'mismatched types: `block_on` expects a `Future<T>`, found {$t}',
    takesIntegerFound: 'mismatched types: `{$name}` takes an integer, found {$t}',
    xCallsMethodX: 'mismatched types: `{$ownerName}.{$name}(x, …)` calls the method on `x`, which must be a `{$ownerName}`, found {$rt}',
    expectedFound: 'mismatched types: expected {$target}, found {$from}{$choice}',
    mismatchedRangeBounds: 'mismatched range bounds: {$lt} and {$ht}',
    rangeBoundsMustIntegers: 'range bounds must be integers, found {$el}',
    awaitNeedsFutureT: '`await` needs a `Future<T>`, found {$t}',
    expectedArrayElementsFound: 'mismatched types: expected an array of {$len} elements, found {$elemsLength}',
    indexMustIntegerFound: 'mismatched types: index must be an integer, found {$it}',
    expectedIntegerOffsetFound: 'mismatched types: expected an integer offset, found {$at}',
    expectedIntegerIndexFound: 'mismatched types: expected an integer index, found {$at}',
    expectedIntegerFoundArgument: 'mismatched types: expected an integer, found {$at} (argument {$i} of `{$name}`)',
    symbolFNeedsFunction: 'mismatched types: `symbol<F>` needs a function type such as `fn(f64): f64`, found {$f}',
    expectedBoolFound: 'mismatched types: expected `bool`, found {$t}',
    noOverloadTakes: 'mismatched types: no overload of `{$display}` takes ({$argTypes})',
    matchGuardMustBool: 'mismatched types: a match guard must be `bool`, found {$g}',
    matchArmNoValue: 'mismatched types: match arm has no value, expected {$rt}',
    ifBranchNoValue: 'mismatched types: this branch of the `if` has no value, expected {$rt}',
    firstAlternativeHere: 'mismatched types: `{$bName}` is {$lType} in the first alternative and {$localType} here',
    caseValueTypeCannot: 'mismatched types: case value of type {$vt} cannot match a {$st} subject',
    expectedNilFunctionReturns: 'mismatched types: expected `nil` (this function returns nothing), found {$t}',
    expectedFoundNilReturn: 'mismatched types: expected {$ret}, found `nil` (`return;` without a value)',
  },
  E0104: {
    literalOutRange: 'literal `{$value}` out of range for {$t}',
    integerLiteralTooLarge: 'integer literal `{$value}` is too large for any integer type',
  },
  E0105: {
    takesArgumentButSupplied: '`{$name}` takes {$want} argument{$choice} but {$argsLength} {$choice2} supplied',
    offsetTakes1Argument: '`offset` takes 1 argument',
  },
  E0106: {
    expectedFunctionFound: 'expected a function, found {$ft}',
    variantTakesNoValues: 'variant `{$infoName}.{$vName}` takes no values; write it without parentheses',
    builtinCanOnlyCalled: 'builtin `{$eName}` can only be called, not used as a value',
    variantTakesValueS: 'variant `{$infoName}.{$eName}` takes {$fieldsLength} value(s): write `{$infoName}.{$eName}(…)`',
    typeMustCalled: '`{$eName}` on type {$pt} must be called: `{$fmtPath}(…)`',
    methodMustCalled: 'method `{$eName}` must be called: `{$fmtPath}()`',
    variantNoneHoldsValues: 'variant `{$infoName}.None` holds values; call it: `None(…)`',
  },
  E0107: {
    typeNoField: 'type {$t} has no field `{$index}`',
    fieldsPrivate: 'the fields of `{$eName}` are private',
    structNoField: 'struct `{$infoName}` has no field `{$fName}`',
  },
  E0108: {
    noStaticMethodBounds: 'no static method `{$name}` in the bounds of type parameter `{$tName}`',
    instanceMethodNotStatic: '`{$name}` is an instance method of `{$ownerName}`, not a static method',
    callsNewWhichDoes: '`{$shown}(…)` calls `{$shown}.new`, which does not exist',
    noStaticMethodFound: 'no static method `{$name}` found for type `{$shown}`',
    noMethodNamedFound: 'no method named `{$mName}` found for type {$t}',
    noMethodBoundsType: 'no method `{$mName}` in the bounds of type parameter `{$tName}`',
  },
  E0109: {
    fieldSetMoreThan: 'field `{$fName}` is set more than once',
    unionLiteralMustSet: 'a union literal must set exactly one field, `{$infoName}` literal sets {$fieldsLength}',
    missingFieldInitializer: 'missing field{$choice} {$missing} in initializer of `{$infoName}`',
  },
  E0110: {
    assign: 'cannot assign to {$place}',
    apply: 'cannot apply {$what} to {$place}',
  },
  E0111: {
    throughSharedRef: 'cannot call mutating method `{$method}` through shared reference `{$name}`',
    onImmutable: 'cannot call mutating method `{$method}` on {$what} `{$name}`',
    lendsImmutableMutably: 'cannot lend {$place} mutably: `{$fnName}` takes it as `{$target}`',
    iterateSharedRef: 'cannot iterate over `{$name}`: its `next()!` advances the iterator, but `{$name}` is a shared reference {$t}',
  },
  E0112: {
    mutableReference: 'cannot take a mutable reference to {$place}',
  },
  E0113: {
    genericUsesMoved: '`{$fnName}` uses `{$what}` after moving it, which copies `{$param}`, but `{$param}` is `{$t}` here, which moves',
    useMovedValue: 'use of moved value: `{$localName}`',
    usePartiallyMovedValue: 'use of partially moved value: `{$localName}`',
    useMovedValueMoved: 'use of moved value: `{$localName}` is moved in one iteration of the loop and used again in the next',
  },
  E0114: {
    functionButCanReach: 'function `{$fName}` {$what} but can reach the end of its body',
    closureMustReturnValue: 'closure must return a value of type {$hintRet} but can reach the end of its body',
  },
  E0115: {
    notCovered: 'non-exhaustive match: {$what} not covered',
  },
  E0116: {
    mismatchedTypesPatternType: 'mismatched types: pattern of type {$lt} cannot match {$t}',
    mismatchedTypesNoneCannot: 'mismatched types: `None` cannot match {$t}',
    noVariant: 'no variant `{$path}` in {$t}',
    mismatchedTypesPatternMatched: 'mismatched types: pattern `{$path}` is a `{$infoName}`, the matched value is {$t}',
    variantFieldPatternGives: 'variant `{$infoName}.{$variantsName}` has {$fieldsLength} field{$choice}, the pattern gives {$argsLength}',
    mismatchedTypesStructPattern: 'mismatched types: struct pattern `{$pName}` cannot match {$t}',
    mismatchedTypesTuplePattern: 'mismatched types: a tuple pattern of {$elemsLength} elements cannot match {$t}',
    mismatchedTypesArrayPattern: 'mismatched types: an array pattern cannot match {$t}',
    patternElementsButArray: 'pattern has {$elemsLength} elements but the array has {$len}',
    variableNotBoundAll: 'variable `{$n}` is not bound in all alternatives of this pattern',
    mismatchedTypesPatternNeeds: 'mismatched types: this pattern needs a tuple of {$elemsLength} elements, found {$t}',
  },
  E0117: {
    needsEnclosingFunctionReturn: '`?` on {$t} needs the enclosing function to return {$t}',
    worksResultOptionEnums: '`?` works on `Result`, `Option` and enums whose first variant holds one value, found {$t}',
    needsEnclosingFunctionReturn2: '`?` needs the enclosing function to return `Result<_, {$args}>`',
    errorTypeMismatchFunction: '`?` error type mismatch: the function returns errors of type {$args}, but this is {$args2}',
  },
  E0118: {
    awaitOnlyAllowedInside: '`await` is only allowed inside async functions and async blocks',
  },
  E0119: {
    requiresUnsafeBlock: '{$what} requires an `unsafe` block',
  },
  E0120: {
    defineFnMain: 'no entry point: define fn main',
  },
  E0121: {
    fnInitMustTake: '`fn init()` must take no parameters and return nothing',
    mainMustTakeNo: '`main` must take no parameters and return nothing or `i32`',
  },
  E0122: {
    cycleDetectedWhenEvaluating: 'cycle detected when evaluating constant `{$declName}`',
  },
  E0123: {
    initializerThreadLocalNot: 'initializer of thread-local `{$declName}` is not a constant expression',
    initializerConstantNotCompile: 'initializer of constant `{$declName}` is not a compile-time constant',
    arrayLengthMustInteger: 'array length must be an integer literal or integer constant',
    arrayRepeatCountMust: 'array repeat count must be an integer literal or constant',
    threadLocalCannotUsed: 'thread-local `{$eName}` cannot be used in a constant',
  },
  E0124: {
    unclosedBrace: 'unclosed `{` in format string (write `{{` for a literal brace)',
    unknownSpec: 'unknown format spec `{{$spec}}`; expected `{}`, `{:?}`, `{:x}`, `{:X}`, `{:b}`, `{:o}`, `{:e}` or `{:.N}`',
    formatStringPlaceholderBut: 'format string has {$holesLength} placeholder{$choice} but {$argsLength} argument{$choice2} given',
  },
  E0125: {
    genericOperatorInstance: '`{$fnName}` applies `{$op}` to values of its type parameter, but `{$op}` is not defined for `{$t}`',
    typeCannotDereferenced: 'type {$t} cannot be dereferenced',
    needsChannelTFound: '`<-` needs a `Channel<T>`, found {$t}',
    mustReturnIntegerDefine: '`{$cmpFnName}` must return an integer to define `{$op}`, found {$infoType}',
    notDefined: '`{$op}` is not defined for {$derefAll}',
    cannotIndexIntoValue: 'cannot index into a value of type {$derefAll}',
    cannotAssignThroughIndex: 'cannot assign through an index of {$derefAll}',
    cannotApply: 'cannot apply `{$op}` to {$t}',
    cannotApplyUnary: 'cannot apply unary `{$op}` to {$t}',
    needsOptionTLeft: '`??` needs an `Option<T>` on the left, found {$l}',
    cannotShiftBothOperands: 'cannot shift {$l} by {$r}: both operands must be integers',
    cannotApplyBitwiseOperators: 'cannot apply `{$op}` to {$l} and {$r}: bitwise operators need integers',
    cannotApply2: 'cannot apply `{$op}` to {$l} and {$r}',
    cannotCompare: 'cannot compare {$l} with {$r}',
    cannotApplyElementsWould: 'cannot apply `+` to {$l} and {$l}: the elements would be shared by three vectors',
    cannotShift: 'cannot shift {$tt} by {$vt}',
    comparisonWouldDrop: '`{$op}` lends its operands, but `{$method}` takes {$t} by value and would drop it',
  },
  E0126: {
    cannotCast: 'cannot cast {$from} as {$to}',
    cannotTakeAddressValue: 'cannot take the address of a value of type {$rt} as a raw pointer',
  },
  E0127: {
    outsideLoop: '`{$sKind}` outside of a loop',
  },
  E0128: {
    typeDoesNotImplement: 'the type {$inner} does not implement contract `Allocator`',
    typeDoesNotImplement2: 'the type {$typeArgs} does not implement contract `{$bName}`',
    cannotExtendPreludeDoes: '`{$typeName}` cannot extend `{$cName}`: the prelude does not implement it for `{$typeName}`',
    cannotExtendNoDefault: '`{$typeName}` cannot extend `{$cName}`: `{$lacking}` has no default',
    typeDoesNotImplement3: 'the type `{$args}` does not implement contract `{$bName}`',
  },
  E0129: {
    doesNotImplementContract: '`{$infoName}` does not implement contract `{$cName}`: define one of {$oneOf}',
    methodTakesParametersBut: 'method `{$infoName}.{$mName}` takes {$paramsLength} parameters but contract `{$cName}` declares {$paramsLength2}',
    staticMethodTakesParameters: 'static method `{$infoName}.{$mName}` takes {$paramsLength} parameters but contract `{$cName}` declares {$paramsLength2}',
    doesNotImplementRequired: '`{$typeArgs}` does not implement `{$method}` required by contract `{$contract}`',
    operatorMethodTakesParameter: 'operator method `{$dName}` takes {$want} parameter{$s}{$choice}',
    comparisonOperatorMethodMust: 'comparison operator method `{$dName}` must return `bool`, found {$ret}',
    mustReturnNothingFound: '`{$dName}` must return nothing, found {$ret}',
    mustMutatingMethodTake: '`{$dName}` must be a mutating method: take `self: &{$choice}!` or end the name with `!`',
  },
  E0130: {
    cannotInferElementType: 'cannot infer the element type of `vec_new`; write `vec_new<i32>()`',
    cannotInferType: 'cannot infer type `{$missing}` of `{$infoName}` for `{$vName}(…)`',
    cannotInferTypeEmpty: 'cannot infer the type of an empty map literal; annotate it, e.g. `let m: Map<str, i32> = {};`',
    cannotInferTypeNone: 'cannot infer the type of `None`; annotate the binding, e.g. `let x: Option<i32> = None;`',
    cannotInferTypeArguments: 'cannot infer the type arguments of `{$infoName}`; write `{$infoName}<…> { … }`',
    cannotInferTypeArguments2: 'cannot infer the type arguments of `{$fName}` used as a value; write `{$fName}<…>`',
    cannotInferType2: 'cannot infer type {$missing} for `{$fName}`',
    cannotInferTypeArguments3: 'cannot infer the type arguments of `{$infoName}.{$eName}`',
    cannotInferTypeArguments4: 'cannot infer the type arguments of `{$name}`',
    cannotInferTypeClosure: 'cannot infer the type of closure parameter `{$hName}`; annotate it',
    cannotInferTypeArguments5: 'cannot infer the type arguments of `{$infoName}` for `None`; annotate the binding',
  },
  E0131: {
    invalidOperandMustVariable: 'invalid operand of `{$op}`: it must be a variable, field, element or `*p`',
    invalidLeftHandSide: 'invalid left-hand side of assignment',
  },
  E0132: {
    unnamedFieldMustBitfield: 'an unnamed field `_` must be a bitfield: `_: u8 : 0` ends the current storage unit',
    bitfieldMustIntegerType: 'bitfield `{$fName}` must have an integer type, found `{$fTypeName}`',
    bitfieldWidthMustInteger: 'bitfield width of `{$fName}` must be an integer literal',
    bitfieldWidthButMust: 'bitfield `{$fName}` has width {$w}, but must be between 1 and {$bits} for {$choice}',
  },
  E0133: {
    cannotTakeAddressBitfield: 'cannot take the address of bitfield `{$eName}`',
  },
  E0134: {
    takesArgumentButSupplied: '`{$name}` takes {$choice}{$fixed} argument{$choice2} but {$n} {$choice3} supplied',
  },
  E0135: {
    message: 'type `{$u}` is not FFI-safe in the {$what}',
    signatureSymbolLoadedC: 'type `{$u}` is not FFI-safe in the signature of a symbol loaded from a C library',
  },
  E0136: {
    argExpectedFound: '{$name} arg {$i}: expected {$spell}, found {$t}',
  },
  E0137: {
    callbackPassedCMust: 'callback passed to C must be declared extern "C"',
    argCallbackSignatureExpected: '{$name} arg {$i}: callback has signature {$t}, expected {$spell}',
  },
  E0138: {
    variadicArgumentTypeWhich: '`{$name}` variadic argument {$i} has type `{$u}`, which is not FFI-safe',
  },
  E0139: {
    unionCannotImplementDrop: 'union `{$dName}` cannot implement `Drop`',
    unionFieldTypeWhich: 'union field `{$fName}` has type `{$u}`, which is not FFI-safe',
    unionFieldCannotBitfield: 'union field `{$fName}` cannot be a bitfield',
  },
  E0140: {
    reExportsOtherModules: 'module not found: "{$from}" (re-exports from other modules are not supported in single-file programs)',
    moduleNotFound: 'module not found: "{$module}"',
    notExported: '`{$name}` is not exported by "{$path}"',
    circularImport: 'circular import: {$chain}',
    reExportsStandardModule: 're-exports from a standard module are not supported: "{$from}"',
    moduleNotAvailablePlayground: 'module "{$name}" is not available in the playground (no network, files or processes)',
  },
  E0141: {
    expectsTypeArgumentsFound: '`{$infoName}` expects {$genericsLength} type arguments, found {$argsLength}',
    takesTypeArgumentBut: '`{$fName}` takes {$rest} type argument{$choice} but {$explicitLength} were supplied',
    typeTakesNoType: 'type `{$name}` takes no type arguments',
    typeErrorTakesNo: 'type `error` takes no type arguments',
    typeAnyTakesNo: 'type `any` takes no type arguments',
    typeF16TakesNo: 'type `f16` takes no type arguments',
    expectsTypeArgumentFound: '`{$what}` expects {$want} type argument{$choice}, found {$argsLength}',
    aliasExpectsTypeArguments: 'alias `{$alName}` expects {$genericsLength} type arguments, found {$argsLength}',
  },
  E0142: {
    usageTypeExpr: 'usage: :type EXPR',
    fnMainCannotDefined: '`fn main` cannot be defined in the REPL: statements run directly',
    returnOutsideFunctionRepl: '`return` outside a function: a REPL cell runs its statements directly',
    cannotOverloaded: '`{$dName}` cannot be overloaded',
    unionTypesOnlySupported: 'union types are only supported as generic constraints',
    conditionalTypesTExtends: 'conditional types (`T extends U ? X : Y`) are not evaluated: write the type they stand for',
  },
  E0143: {
    tupleNoField: 'tuple {$t} has no field `{$index}`',
  },
  E0144: {
    notMutatingMethodRemove: '`{$owner}.{$mName}` is not a mutating method; remove the `!`',
    notMutatingMethodRemove2: '`{$fName}` is not a mutating method; remove the `!`',
  },
  E0146: {
    typeCannotIndexed: 'type {$t} cannot be indexed',
    typeCannotIterated: 'type {$t} cannot be iterated with `for … in`',
  },
  E0160: {
    cannotReturnReferenceLocal: 'cannot return reference to local variable `{$lName}`',
    cannotReturnReferenceTemporary: 'cannot return reference to temporary value',
    cannotReturnReferenceElement: 'cannot return reference to `{$name}`, an element of a temporary {$container}',
  },
  E0161: {
    mutableTwice: 'cannot borrow `{$name}` as mutable more than once at a time',
    immutableWhileMutable: 'cannot borrow `{$name}` as immutable because it is also borrowed as mutable',
    mutableWhileImmutable: 'cannot borrow `{$name}` as mutable because it is also borrowed as immutable',
    assignBorrowed: 'cannot assign to `{$name}` because it is borrowed',
    moveBorrowed: 'cannot move `{$name}` because it is borrowed',
    useMutablyBorrowed: 'cannot use `{$name}` because it is mutably borrowed',
  },
  E0162: {
    circularDependencyDetectedStruct: 'Circular dependency detected in struct definitions: {$names}',
  },
  E0163: {
    genericCopiesOut: '`{$fnName}` takes `{$what}` by value out of a place that keeps owning it, which copies `{$param}`, but `{$param}` is `{$t}` here, which moves',
    clonesOutUncloneable: '`{$method}()` gives clones of what {$t} holds, but {$elem} cannot be cloned (it holds {$uncloneable})',
    genericClonesOut: '`{$fnName}` gives out clones of {$what}, but `{$param}` is `{$t}` here, which cannot be cloned (it holds `{$uncloneable}`)',
    cannotMoveValueOut: 'cannot move a value out of a container: `{$infoType}` needs drop and the container still owns it',
    cannotMoveSPart: 'cannot move `{$boundName}`\'s part out: it is bound to a container element (`{$infoType}` needs drop and the container still owns it)',
    cannotMoveOutBound: 'cannot move `{$localName}` out: it is bound to a part of a container element (`{$t}` needs drop and the container still owns it)',
    cannotMoveOutClosure: 'cannot move `{$localName}` out of a closure\'s capture: the closure borrows it and may run more than once (`{$t}` needs drop)',
    wouldGiveFunctionElements: '`{$method}` would give a function elements of type `{$elem}` that the Vec keeps owning: a function that takes them by value drops them a second time',
    filterWouldPutElements: '`filter` on {$vecName} would put elements into a new Vec while {$vecName} keeps owning them, and `{$elem}` cannot be cloned (it holds `{$uncloneable}`)',
    cannotMoveSPart2: 'cannot move `{$boundName}`\'s part out: it is bound to a container element ({$ownedWhy})',
    cannotMoveOutBound2: 'cannot move `{$localName}` out: it is bound to a part of a container element ({$ownedWhy})',
    cannotMoveOutClosure2: 'cannot move `{$localName}` out of a closure\'s capture: the closure borrows it and may run more than once (`{$t}` {$why})',
    wouldGiveFunctionElements2: '`{$method}` would give a function elements of type `{$elem}` that the {$container} keeps owning: a function that takes them by value {$why}',
    cannotMoveOutIndex: 'cannot move out of index of `{$choice}`',
    cannotMoveOutWhich: 'cannot move out of {$what}, which its container keeps owning',
  },
  E0164: {
    detected: 'Circular policy dependency detected: \'{$pName}\'',
  },
  E0168: {
    cannotImplementCloneField: '`{$infoName}` cannot implement `Clone` field by field: it holds `{$notCloneField}`',
    typeCannotCloned: 'the type {$t} cannot be cloned{$why}',
  },
  E0169: {
    arrayTooLarge: 'array `[{$elem}; {$len}]` is too large: {$bytes} bytes; the limit of one object is {$limit} bytes (2^53 - 1)',
    typeTooLarge: 'type `{$type}` is too large: more than {$limit} bytes; the limit of one object is {$limit} bytes (2^53 - 1)',
  },
  E0173: {
    notVariantProgramS: '`{$name}` is not a variant of `{$ownName}`: this program\'s own `enum {$ownName}` replaces the prelude one',
  },
  E0174: {
    cannotUseExtendsOnly: '`{$typeName}` cannot use `extends`: only primitive types are extended this way',
  },
  E0175: {
    cannotMoveOutWhich: 'cannot move out of `{$subj}` which is behind a {$kind} reference',
  },
  E0176: {
    referencesWhichGoesOut: 'dangling reference: `{$rName}` references `{$xName}`, which goes out of scope here',
    blockSValueReferences: 'dangling reference: the block\'s value references `{$xName}`, which goes out of scope here',

    closureOutlivesBorrow: 'dangling reference: {$what} capturing `{$name}` is {$where}, and may outlive the data `{$name}` refers to',
    taskOutlivesBorrow: 'dangling reference: a `go` task captures `{$name}`, and may outlive the data `{$name}` refers to',
    storedThroughParam: 'dangling reference: a borrow of `{$name}` is stored through `{$place}`, which outlives `{$name}`',
    calleeKeepsBorrow: 'dangling reference: `{$callee}` may keep this function value after the call, and it holds a borrow of `{$name}`',
  },
  E0185: {
    ambiguousCallMatch: 'ambiguous call to `{$display}`: {$names} {$choice} match',
    ambiguousUseValueMatch: 'ambiguous use of `{$eName}` as a value: {$set} {$choice} match',
  },
  E0900: {
    constructNotSupportedCode: 'this construct is not supported by the code generator yet ({$eMessage})',
  },
  E0901: {
    polymorphicRecursionSize: 'polymorphic recursion: generic function `{$name}` calls itself with ever bigger type arguments (more than {$max} parts), so it would need infinitely many instances; make the recursive call use the same type parameters',
    polymorphicRecursionDepth: 'polymorphic recursion: generic function `{$name}` calls itself with ever bigger type arguments (nested more than {$max} levels deep), so it would need infinitely many instances; make the recursive call use the same type parameters',
    tooManyInstances: 'generic function `{$name}` needs more than {$max} instances (polymorphic recursion?)',
  },
  E0902: {
    programNestedTooDeeply: 'this program is nested too deeply to {$what} (for example a chain of thousands of operators); split it into smaller expressions',
  },
  E0999: {
    message: 'internal compiler error in the {$where}: {$msg}',
  },
  W0100: {
    constantDoesNotFit: 'constant {$v} does not fit in {$width}-bit bitfield `{$name}`; it is truncated to {$kept}',
  },
  W0101: {
    formatNoMatchingArgument: 'format `{$m}` has no matching argument',
    formatExpectsButArgument: 'format `{$m}` expects {$what}, but argument {$fixed} has type `{$arg}`',
    tooManyArgumentsFormat: 'too many arguments for format: {$vtLength} given, {$k} used',
  },
  W0102: {
    unreachableMatchArm: 'unreachable match arm',
  },
  W0103: {
    unusedVariable: 'unused variable `{$localName}`',
  },
  W0104: {
    unreachableCode: 'unreachable code',
  },
  W0105: {
    variableDeclaredLetBut: 'variable `{$localName}` is declared `let!` but never mutated',
  },
  W0106: {
    mustUsed: 'unused `Result` that must be used',
  },
  W0107: {
    functionNeverCalled: 'function `{$dName}` is never called',
  },
  W0108: {
    unusedImport: 'unused import {$what}',
    unusedImport2: 'unused import `{$alias}`',
    unusedImport3: 'unused import: `{$name}`',
  },
  W0109: {
    doesNotDefineAssociated: '`{$infoName}` does not define associated type `{$a}` required by contract `{$cName}`',
  },
  W0110: {
    policyTagsFieldWhich: 'policy `{$pName}` tags field `{$field}`, which `{$itName}` does not have',
  },
  W0111: {
    implicitConversionI32: 'implicit conversion of {$from} to `i32`',
    implicitConversionI322: 'implicit conversion of `{$infoName}` to `i32`',
  },
  W0112: {
    doesNotImplementMethod: '`{$infoName}` does not implement method `{$mName}` required by contract `{$cName}`',
    doesNotImplementStatic: '`{$infoName}` does not implement static method `{$mName}` required by contract `{$cName}`',
  },
} as const satisfies { readonly [C in DiagnosticCode]?: { readonly [name: string]: string } };

/** The fixed `note: …` / `help: …` lines of the diagnostics, by code: `NOTE.CODE.name({ hole })` gives the text. */
export const NOTES = {
  E0010: {
    returnTypesWrittenAfter: 'return types are written after a colon: `fn f(): i32 { … }`',
  },
  E0012: {
    itemsFnStructCannot: 'items (fn, struct, …) cannot be declared inside a block: a `}` is probably missing above',
    labelUnclosedDelimiter: 'unclosed delimiter',
    labelBlockNotClosed: 'this block is not closed',
  },
  E0019: {
    trailingExpressionNotReturn: 'a trailing expression is not a return value here: Vex function bodies need an explicit `return`',
  },
  E0021: {
    playgroundAcceptsOnlyRepr: 'the playground accepts only `#[repr(C)]` and `#[no_main]`',
  },
  E0022: {
    helpRemoveMove: 'help: remove `move`',
    implementContractsStructT: 'implement contracts with `struct T impl C { … }` and write methods as `fn (x: &T) m() { … }`',
  },
  E0031: {
    structFieldsSeparatedCommas: 'struct fields are separated by commas',
  },
  E0100: {
    noteInternalRuntimeNot: 'note: `{$name}` is an internal of the runtime, not part of the language',
    helpUseStandardModule: 'help: use the standard module that provides it (`time`, `io`, `fmt`, `env`, `fs`, `path`, `process`)',
    helpConstruct: 'help: construct it with `{$eName} { … }` or `{$eName}(…)`',
    noteVariants: 'note: variants are {$variants}',
    helpUseOneExports: 'help: use one of its exports: `{$eName}.NAME`',
    noteInternalAsyncRuntime: 'note: `{$name}` is an internal of real Vex\'s async runtime',
    helpUseAsyncFnBlockOn: 'help: use `async fn` and `block_on(f())` instead (base §6.2)',
    helpUseAwaitSleep: 'help: use `await sleep(Duration.from_millis(ms))` instead',
    noteInternalRealRuntime: 'note: `{$name}` is an internal of real Vex\'s runtime',
    helpUseToString: 'help: use `x.to_string()` or `{$type}_to_string(x)` instead',
    noteInternalRealRuntimeNotLanguage: 'note: `{$name}` is an internal of real Vex\'s runtime, not part of the language',
    helpUseStandardLibrary: 'help: use the standard library function or method that does the same instead',
    helpSimilarSpelling: 'help: a name with a similar spelling exists: `{$hit}`',
    noteVariableGoneRedefined: 'note: `{$name}` has type `{$type}`, which a later cell redefined: the variable is gone',
  },
  E0102: {
    noteBuiltinType: 'note: it is a builtin type',
    noteBuiltinConstant: 'note: it is a builtin constant',
    noteFunctionsMethodsSharing: 'note: functions and methods sharing a name must differ in their parameter types (an overload set); at most one of them may be generic',
    helpRenameOneThem: 'help: rename one of them: `import { {$local} as other } from "{$from}"`',
    labelPreviousDefinition: 'previous definition here',
    labelPreviousDeclaration: 'previous declaration here',
  },
  E0103: {
    helpPassAllocWhere: 'help: pass `&alloc!` where `alloc` is a `let!` binding',
    noteNewTaskCalls: 'note: the new task calls it with no arguments',
    helpCaptureValuesInstead: 'help: capture the values instead: `go_with_stack(size, || work(n))`',
    noteVexNoTruthiness: 'note: Vex has no truthiness; compare explicitly',
    noteOverloads: 'note: the overloads are {$list}',
    helpConvertArgumentOne: 'help: convert an argument with `as` to one of these parameter types',
    noteConditionsMustBool: 'note: conditions must be `bool`; Vex has no truthiness',
    helpWrapSome: 'help: wrap the value: `Some(…)`',
    helpWrapOk: 'help: wrap the value: `Ok(…)`',
    helpConvertExplicitlySignedness: 'help: convert explicitly: `… as {$to}` (implicit conversions only widen within the same signedness)',
    helpConvertExplicitly: 'help: convert explicitly: `… as {$to}`',
    helpDereferenceIt: 'help: dereference it: `*…`',
    helpBorrowIt: 'help: borrow it: `&…{$mut}`',
    helpMutableBindingForMutRef: 'help: `{$name}` is declared with `let`, so `&{$name}` is a shared reference; declare it with `let! {$name}` to lend it mutably',
    helpTakeMutableReference: 'help: take a mutable reference: `&…!`',
    helpMakeGrowableString: 'help: make a growable string: `String.from(…)`',
    noteClosureParameterInferred: 'note: closure parameter `{$name}` was inferred as `{$t}`',
    labelExpectedBecauseReturnType: 'expected {$t} because of this return type',
    labelInferredHere: 'inferred here',
  },
  E0106: {
    noteAvailableFields: 'note: available fields: {$fields}',
  },
  E0107: {
    helpMakeOneNew: 'help: make one with `{$eName}.new()` or `{$eName}<…>()`',
    noteFields: 'note: fields are {$fields}',
    noteAvailableFields: 'note: available fields: {$fields}',
  },
  E0108: {
    helpAddBoundWhose: 'help: add a bound whose contract declares `fn Self.{$name}(…)`{$choice}',
    helpCallValueX: 'help: call it on a value: `x.{$name}(…)`, or pass the value first: `{$ownerName}.{$name}(x, …)`',
    helpDefineFnFree: 'help: define `fn {$shown}.{$name}(…)` or a free function `{$shown2}_{$name}`',
    helpAddContractBound: 'help: add a contract bound that declares `{$mName}`, e.g. `<{$tName}: Shape>`',
    noteOwnEnumReplacesPrelude: 'note: `{$name}` here is this program\'s own enum, which replaces the prelude `{$name}`: it has only the methods it declares',
    noteMethodsOf: 'note: methods of {$t}: {$names}',
  },
  E0109: {
    labelDeclaredHere: '`{$name}` declared here',
  },
  E0110: {
    helpConsiderLetBang: 'help: consider `let! {$name}` to make the binding mutable',
    noteParametersReadOnly: 'note: parameters are read-only',
    helpCopyIntoMutableBinding: 'help: copy it into a mutable binding: `let! {$name} = {$name};`',
    noteConstantsCannotChange: 'note: constants cannot be changed; use `thread_local let!` for mutable global state',
    helpSelfReadOnlyMutating: 'help: `self` is read-only here; declare the method as mutating with a trailing `!`, e.g. `fn bump()! { … }`',
    helpSharedReferenceTakeMutable: 'help: `{$name}` is a shared reference `&T`; take a mutable one with `&T!`',
    helpReadOnlyPointer: 'help: this is a read-only pointer `*T`; use `*T!` to write through it',
    helpReadOnlySlice: 'help: this is a read-only slice `&[T]`; use `&[T]!`',
    labelDeclaredHere: '`{$name}` declared here',
    textIsImmutable: 'note: the bytes of a `str` or `String` are read-only; build a new text instead (`replace`, `substr`, `+`, `push`)',
  },
  E0113: {
    noteTypeWhichMoved: 'note: `{$localName}` has type `{$localType}`, which is moved (not copied) when assigned or passed by value',
    helpPassReferenceInstead: 'help: pass a reference `&…` instead, or use the value before moving it',
    noteParamMoves: 'note: `{$param}` may be any type, so its values move: take `&{$param}` (or a reference to the container) instead, or call it only with Copy types',
    noteOperatorMoved: 'note: the operator called `{$method}`, which takes this operand by value and so moved it',
    noteFieldWasMoved: 'note: the field was moved out of `{$rootName}`; it can be used again once it is assigned a new value',
    helpBorrowInsteadMoving: 'help: borrow it with `&` instead of moving it, or clone it',
    helpAssignNewValue: 'help: assign `{$kName}` a new value first, or borrow the field instead of moving it',
    helpMoveCopyMade: 'help: move a copy made inside the loop, pass a reference `&…`, or `break` after moving it',
    labelValueMovedHere: 'value moved here',
    labelMovedHere: '`{$name}` moved here',
    labelDeclaredOutsideLoop: '`{$name}` declared here, outside the loop',
  },
  E0114: {
    noteVexNeedsExplicit: 'note: Vex needs an explicit `return` (a trailing expression is not returned)',
    helpReturnMatch: 'help: the value of the last `match` is not returned: write `return match … { … };`',
    labelReturns: 'returns {$t}',
  },
  E0115: {
    helpAddMissingArms: 'help: add the missing arms, or a wildcard arm `_ => …`',
    labelMatchOnType: 'match on a value of type {$t}',
  },
  E0116: {
    noteVariants: 'note: variants are {$variants}',
    helpBindSameNames: 'help: bind the same names in every alternative, or use `_`',
  },
  E0117: {
    noteFunctionReturns: 'note: the function returns {$ret}',
    noteReturnsEarlyValue: 'note: `?` returns early with the value when it is not `{$variantsName}`',
    noteReturnsEarlyError: 'note: `?` returns early with the error',
    noteOwnEnumReplacesPrelude: 'note: `{$name}` here is this program\'s own enum, which replaces the prelude `{$name}`: `?` unwraps its first variant only when that variant holds one value',
  },
  E0118: {
    helpSynchronousCodeUse: 'help: from synchronous code, use `block_on(future)`',
  },
  E0119: {
    helpWrapUnsafe: 'help: wrap it in `unsafe { … }`',
  },
  E0120: {
    helpAddFnMain: 'help: add `fn main() { … }`, or put `#[no_main]` before the first item to make this file a library',
  },
  E0122: {
    helpConstantCannotDepend: 'help: a constant cannot depend on itself, directly or through other constants',
    labelDeclaredHere: '`{$name}` declared here',
  },
  E0123: {
    noteThreadLocalInitializer: 'note: a `thread_local` initializer may use literals, constants, operators, `as`, struct/array/tuple literals and enum variants',
    helpInitializeConstantAssign: 'help: initialize it with a constant and assign the computed value at run time: `{$declName} = …;`',
    noteConstantsMayUse: 'note: constants may use literals, other constants, operators and `as`',
    labelEvaluatedEachTask: 'evaluated when each task starts',
  },
  E0124: {
    notePrintLiteralBraces: 'note: `{{` and `}}` print literal braces',
    labelArgumentWithoutPlaceholder: 'argument without a placeholder',
  },
  E0125: {
    noteGenericInstanceChecked: 'note: generic code is checked again for each type it is used with; here `{$param}` is `{$t}`',
    helpDefineOperatorOrBound: 'help: define `op{$op}` for `{$t}`, or call `{$fnName}` with a number type',
    helpDefineFnSelf: 'help: define `fn (self: &{$derefAll}) op<(other: {$derefAll}): bool`, or `compare` returning an integer (contract `Ord`)',
    helpDefineFnSelf2: 'help: define `fn (self: &{$derefAll}) op[](i: i32): T`',
    helpDefineFnSelf3: 'help: define `fn (self: &{$derefAll}!) op[]=(i: i32, v: T)`',
    helpConvertAnyBack: 'help: convert the `any` back first: `(a as i32) == 1`',
    noteVectorsCopiesElements: 'note: `+` on vectors copies the elements, so they must be Copy',
    helpBuildResultClone: 'help: build the result with `clone()` and `push`',
    helpResultWouldConvert: 'help: the result would be {$j}; convert with `as {$tt}`',
    helpTakeByReference: 'help: take it by reference: `{$what}: &{$t}` (a comparison never moves or drops its operands)',
    helpDefineMethodOp: 'help: define `fn (self: &{$l}) op{$op}(rhs: {$r}): …`',
    helpDefineFnOp: 'help: define `fn op{$op}(a: {$l}, b: {$r}): …` or write the operands the other way round',
    helpSignednessNeedsAs: 'help: integers of different signedness need an explicit `as` conversion',
    helpIntFloatNeedsAs: 'help: int and float operands need an explicit `as` conversion',
    helpDefineIncDec: 'help: define `fn (self: &{$t}) op{$op}(): {$t}` (`{$op}a` is `a = a.op{$op}()`)',
  },
  E0126: {
    noteOnlyCLayout: 'note: only C-layout data lives in simulated memory: numbers, bool, raw pointers, and arrays and structs of them',
    noteNilNoValue: 'note: `nil` and `!` have no value to box',
  },
  E0128: {
    helpDeclareStructImpl: 'help: declare `struct … impl Allocator { … }` with `allocate` and `deallocate`',
    noteRequiredBound: 'note: required by the bound `{$pName}: {$bName}` of `{$fName}`',
    helpDeclareStructImpl2: 'help: declare it with `struct {$typeArgs} impl {$bName} { … }`',
    notePrimitiveTypeCan: 'note: a primitive type can only take a contract whose methods all have default bodies',
    noteRequiredBoundAlias: 'note: required by the bound `{$gName}: {$bName}` of alias `{$alName}`',
  },
  E0129: {
    noteRequiredBound: 'note: required by the bound `{$pName}: {$bName}` of `{$fName}`',
    helpDefine: 'help: define `{$method}` for `{$typeArgs}`',
  },
  E0130: {
    helpAnnotateBindingE: 'help: annotate the binding, e.g. `let r: {$infoName}<{$generics}> = …;`',
    helpGiveExplicitlyE: 'help: give it explicitly, e.g. `{$fName}<{$missing}>(…)`',
    helpWriteThemExplicitly: 'help: write them explicitly, e.g. `{$owner}<i32>.{$method}(…)` or annotate the binding',
    helpWriteTypeT: 'help: write its type: `|{$hName}: T|`',
    labelTypeNeededHere: 'its type is needed here',
  },
  E0132: {
    helpGiveFieldName: 'help: give the field a name, or a width: `_: u32 : 0`',
    noteZeroWidthOnly: 'note: a zero width is only allowed on an unnamed `_` field, where it closes the current storage unit',
  },
  E0133: {
    noteBitfieldMayStart: 'note: a bitfield may start in the middle of a byte, so it has no address',
    labelBitfieldDeclaredHere: 'bitfield declared here',
  },
  E0134: {
    labelDeclaredHere: '`{$name}` declared here',
  },
  E0135: {
    noteCCanOnly: 'note: C can only exchange integers (not 128-bit), f32/f64, bool, raw pointers, structs/unions of those and `fn(…)` callbacks',
    helpPassTextConst: 'help: pass text as `*const u8` (a NUL-terminated pointer)',
    helpUseRawPointer: 'help: use a raw pointer `*T` or a C-compatible struct',
  },
  E0136: {
    noteCArgumentsConvert: 'note: C arguments convert implicitly only from integer literals, `str` to `*u8`, `&T` to `*T` and by numeric widening; use `as` for anything else',
    labelParameterDeclaredHere: 'parameter declared here',
  },
  E0137: {
    helpDeclareHandlerExtern: 'help: declare the handler as `extern "C" fn name(sig: i32) { … }`',
    noteCallsFunctionC: 'note: `{$name}` calls this function from C, with the C calling convention',
    helpDeclareExternC: 'help: declare it as `extern "C" fn {$choice}(…)` with the signature {$spell}',
  },
  E0138: {
    noteCVariadicArguments: 'note: C variadic arguments must be integers, floats, bool, raw pointers or `str`',
    helpPassFieldsOrPointer: 'help: pass its fields one by one, or a pointer to it: `&value as *{$t}`',
    helpPassPointerFirstElement: 'help: pass a pointer to its first element: `&xs as *{$elem}`',
    helpConvertReferenceRawPointer: 'help: convert the reference to a raw pointer with `as *{$inner}`',
    helpDeclareCallbackParameter: 'help: a function or closure cannot be passed through `...`; declare a callback parameter `cb: fn(…)` instead',
    helpPassTextStr: 'help: pass its text as a `str`: `s.text()`',
    helpPassElementsOrLength: 'help: pass its elements one by one (`v[0]`) or its length (`v.len()`)',
  },
  E0139: {
    noteUnionDoesNot: 'note: a union does not know which field is live, so nothing could be dropped safely',
    noteUnionFieldsMust: 'note: union fields must be plain C data: integers, floats, bool, raw pointers, FFI-safe structs',
  },
  E0140: {
    noteCheckerSeesOne: 'note: this checker sees one file; standard modules ("math", "string", "io", "fmt") can be imported',
    helpAddExportDeclaration: 'help: add `export` to its declaration in that tab',
    noteTabs: 'note: the tabs are {$tabs}',
    noteModulesMayNot: 'note: modules may not import each other in a cycle; move what both need into a third tab',
    helpImportWhereUsed: 'help: import it where it is used',
    noteExports: 'note: "{$path}" exports {$list}{$choice}',
    noteExportsNothing: 'note: "{$path}" exports nothing',
    noteAvailable: 'note: available: {$keys}',
    noteExports2: 'note: "{$name}" exports {$keys}…',
    helpDidYouMeanTab: 'help: did you mean "./{$name}"?',
    helpAddExportIn: 'help: add `export` to `{$name}` in {$file}',
  },
  E0142: {
    noteUnaryKeepTheir: 'note: `&&`, `||`, `=`, `as`, `.`, `?`, `<-`, `..`, `??` and unary `&`/`*` keep their built-in meaning',
  },
  E0146: {
    noteIterateOverRange: 'note: iterate over a range `a..b`, an array, a slice, `Vec`, `Map`, `Set`, or a value with `next()!: Option<T>`',
  },
  E0160: {
    helpReturnOwnedValue: 'help: return an owned value',
    helpTemporaryDroppedWhen: 'help: the temporary is dropped when the function returns: return an owned value, or keep the value in a parameter',
    labelDeclaredDroppedOnReturn: '`{$name}` is declared here and dropped when the function returns',
    labelDeclaredDroppedClosureReturns: '`{$name}` is declared here and dropped when the closure returns',
    helpElementOfTemporary: 'help: the temporary {$container} and its elements are dropped when its statement is done: keep it in a variable first (`let v = …;`), or return an owned value',
  },
  E0161: {
    helpBothReferencesWould: 'help: both references would be live for the whole call; pass one of them, or copy the value out first',
    helpCollectChangesAfterLoop: 'help: collect what to change while iterating and apply it after the loop, or iterate over indices (`for i in 0..v.len()`)',
    labelBorrowCreatedHere: 'borrow created here',
    labelBorrowLaterUsedHere: 'borrow later used here',
    labelBorrowCreatedByLoop: 'borrow created here, by the loop',
    labelBorrowUsedByNextIteration: 'borrow later used here, by the next iteration',
    labelBorrowUsedByCall: 'borrow later used here, by the call',
  },
  E0162: {
    helpBreakCycleReference: 'help: break the cycle with a reference, `Box<…>`, `Vec<…>` or `Option<Box<…>>`',
  },
  E0163: {
    helpBorrowVI: 'help: borrow it with `&v[i]` (or read only its fields), or take it out with `remove(i)`, `pop()` or `m.remove(k)`',
    helpUseReferenceClone: 'help: use it by reference, clone it (`.clone()`), or take the element out first with `remove(i)` or `pop()`',
    helpUseReferenceTake: 'help: use it by reference, or take the element out first with `remove(i)`, `pop()` or `m.remove(k)`',
    helpPassValueClosure: 'help: pass the value to the closure as a parameter, use it by reference, or move it in a `go` block',
    helpPassClosureReads: 'help: pass a closure that reads the element (`|x| x.field`), or take the elements out with `pop()`/`remove(i)` first',
    helpFilterVecYou: 'help: filter a Vec you give up (`make().filter(f)`), or move the wanted elements out with `remove(i)`/`pop()`',
    helpUseReferenceClone2: 'help: use it by reference (`&{$localName}`), clone it (`{$localName}.clone()`), or take the element out first with `remove(i)`, `pop()` or `m.remove(k)`',
    helpCloneClonePass: 'help: clone it (`{$localName}.clone()`), pass the value to the closure as a parameter, use it by reference, or move it in a `go` block',
    noteMoveOccursBecause: 'note: move occurs because {$what} has type `{$t}`, which is moved (not copied) when used by value: the element and the moved value would be one value with two owners',
    helpCloneCloneGet: 'help: clone it (`{$text}.clone()`) to get an owned copy{$choice}',
    helpCloneCloneGet2: 'help: clone it (`.clone()`) to get an owned copy, or borrow the element with `&`',
    helpTakeElementOut: 'help: or take the element out of the container with `remove(i)`, `pop()` or `m.remove(k)`',
    labelKeepsOwningElements: '`{$root}` keeps owning its elements',
    noteParamCloned: 'note: `{$param}` may be any type: its values are cloned here, so it must be a type that can be cloned',
  },
  E0164: {
    notePolicyCannotInherit: 'note: a policy cannot inherit from itself, directly or through its parents',
  },
  E0168: {
    helpWriteOwnClone: 'help: write its own `clone()`, or remove `Clone`',
    noteChapter23: 'note: {$bad} {$what} (chapter 2 §3.7)',
    helpBorrowInstead: 'help: borrow it with `&` instead',
  },
  E0173: {
    noteVariants: 'note: its variants are {$variants}',
    helpWriteOneThem: 'help: write one of them, or rename the enum to keep the prelude `{$ownName}`',
  },
  E0174: {
    helpListContractsWhere: 'help: list the contracts where the type is declared: `struct {$typeName} impl {$contracts} { … }`',
  },
  E0175: {
    noteMoveOccursBecause: 'note: move occurs because `{$name}` has type `{$t}`, which is moved (not copied) when used by value',
    helpCloneCloneGet: 'help: clone it (`{$name}.clone()`) to get an owned copy, or use it by reference (`&{$name}`)',
    helpCloneCloneGet2: 'help: clone it (`{$choice}.clone()`) to get an owned copy, or borrow it (`{$borrowed}`) and return or pass a reference',
    noteTakesValueHands: 'note: `{$method}()` takes `{$what}` by value and hands out its `{$result}`, which is moved (not copied)',
    helpCloneFirstClone: 'help: clone first (`{$what}.clone().{$method}(…)`), or match on it and borrow the content',
    labelReachedThroughReference: '`{$subj}` is reached through `{$ref}`, a {$kind} reference: it does not own what it points to',
    labelBoundToPart: '`{$name}` is bound here to a part of `{$subj}`',
    labelIsReference: '`{$ref}` is a {$kind} reference (`{$t}`): it does not own what it points to',
  },
  E0176: {
    helpDeclareSameBlock: 'help: declare `{$xName}` in the same block as `{$rName}` (or outside it), or copy the value out instead of keeping a reference',
    helpDeclareBeforeIf: 'help: declare `{$xName}` before the `if`/`match` (or further out), or make the value a copy instead of a reference',
    labelBlockValueBorrows: 'the block\'s value borrows `{$name}` here',
    labelDeclaredInBlock: '`{$name}` is declared in this block',
    labelBorrowsHere: '`{$r}` {$how} `{$x}` here',
    labelReferenceUsedAfterBlock: 'the reference is used here, after the block',

    labelBorrowsThrough: '`{$name}` refers to data borrowed through `{$via}`',
    labelHoldsBorrow: '`{$name}` is a reference: what it refers to may be dropped first',
    labelDroppedOnReturn: '`{$name}` is declared here and dropped when the function returns',
    helpStoreOwned: 'help: store an owned value (clone it), or take `{$name}` as a reference parameter so it outlives the call',
    labelParamMayOutlive: '`{$param}` may outlive the call: the function stores it, returns it or uses it in a closure or task',
    helpPassOwnedFunction: 'help: pass a closure that captures owned values (clone what it needs first), or change `{$callee}` to only call `{$param}`',
    helpCaptureOwned: 'help: capture an owned value instead (copy or clone what the closure needs before making it), or return the closure itself as a function value (the call then keeps its reference arguments borrowed)',
  },
  E0185: {
    helpSayWhichOne: 'help: say which one: annotate the result (`let r: {$ret} = …`) or convert an argument with `as`',
    helpGiveVariableFunction: 'help: give the variable a function type, e.g. `let f: fn({$params}){$choice} = {$eName};`',
  },
  E0999: {
    noteBugInPlayground: 'note: this is a bug in the playground, not in your program; "Copy bug report" gives us what we need to fix it',
  },
  W0100: {
    noteBitFieldHolds: 'note: a {$choice} {$width}-bit field holds {$choice2}',
  },
  W0101: {
    helpUse: 'help: use {$hint}',
  },
  W0102: {
    noteEarlierArmMatches: 'note: an earlier arm matches every value',
    noteEarlierArmsAlready: 'note: earlier arms already match these values',
  },
  W0103: {
    helpIfIntentionalPrefix: 'help: if this is intentional, prefix it with an underscore: `_{$localName}`',
  },
  W0104: {
    helpRemoveUnreachableCode: 'help: remove the unreachable code (lines {$line}–{$endLine})',
    labelCodeFollowingUnreachable: 'any code following this {$what} is unreachable',
  },
  W0105: {
    helpChangeLetLet: 'help: change `let!` to `let`',
  },
  W0106: {
    noteIgnoredResultHides: 'note: an ignored `Result` hides its error',
    helpHandleMatchDiscard: 'help: handle it with `?` or `match`, or discard it explicitly: `let _ = …;`',
  },
  W0107: {
    helpIfIntentionalPrefix: 'help: if this is intentional, prefix it with an underscore: `_{$dName}`',
  },
  W0108: {
    helpRemoveUnusedImport: 'help: remove the unused import ({$lines})',
    helpRemoveImportList: 'help: remove `{$alias}` from the import list',
    helpRemoveUse: 'help: remove it, or use it',
  },
  W0109: {
    helpAddTypeBody: 'help: add `type {$a} = …;` to the body of `{$infoName}`',
  },
  W0111: {
    helpWriteI32: 'help: write `as i32`',
    helpWriteIndexMatch: 'help: write the index `{$index}`, or match on a `{$infoName}`',
  },
  W0112: {
    helpDefineFn: 'help: define `fn {$infoName}.{$mName}(…)`',
    labelDeclaredHere: '`{$name}` declared here',
  },
} as const satisfies { readonly [C in DiagnosticCode]?: { readonly [name: string]: string } };
