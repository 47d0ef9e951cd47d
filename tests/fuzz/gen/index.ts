// Every generator by category. A campaign draws categories round-robin, so each is covered evenly.
import type { Generator } from './types';
import { genInt, genFloat } from './arith';
import { genPrintf, genLayout, genFfi } from './cdiff';
import { genRefs, genAddr } from './places';
import { genDrops, genGc } from './drops';
import { genTasks, genAsync } from './conc';
import { genAlloc, genBits, genSignal } from './machine';
import { genCollections, genLangCore } from './lang';
import { genRepl } from './session';
import { genRunaway } from './runaway';
import { genMutant } from './mutate';
import { genCompile } from './compiletime';
import { genContracts } from './contracts';
import { genElements } from './elements';

export const GENERATORS: Record<string, Generator> = {
  int: genInt, float: genFloat, printf: genPrintf, layout: genLayout, ffi: genFfi,
  lang: genLangCore, collections: genCollections, refs: genRefs, addr: genAddr, drops: genDrops, gc: genGc,
  tasks: genTasks, async: genAsync, alloc: genAlloc, bits: genBits, signal: genSignal, repl: genRepl,
  runaway: genRunaway, mutate: genMutant, compile: genCompile, contracts: genContracts, elements: genElements,
};
export const CATEGORIES: readonly string[] = Object.keys(GENERATORS);
