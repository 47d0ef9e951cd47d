// The C layouts of a program's #[repr(C)] structs, unions and bitfield structs as plain data, for
// the "C layout" view: the checker's own layout computation (layout.ts), so the picture is exactly
// what sizeof/alignof and the FFI see, available from the live check without running.
import type * as ast from '../syntax/ast';
import type { StructInfo } from './types';
import { typeName } from './types';
import { computeLayout } from './layout';
import { fieldNamed } from './field-named';

export interface CLayoutField {
  name: string;
  type: string; // Vex type as written by the checker (u8, *i32, [u16; 3], Point)
  offset: number; // bytes; of the storage unit for a bitfield
  size: number; // bytes; of the storage unit for a bitfield
  bitOffset?: number; // bitfields: first bit inside the unit (LSB first)
  bitWidth?: number;
}

export interface CLayout {
  name: string;
  kind: 'struct' | 'union';
  reprC: boolean;
  bitfields: boolean;
  size: number;
  align: number;
  fields: CLayoutField[];
  loc: { file: string; line: number; col: number };
}

/** Non-generic user structs that are #[repr(C)], unions, or have bitfields, in source order. */
export function describeLayouts(structs: Iterable<StructInfo>): CLayout[] {
  const out: CLayout[] = [];
  for (const s of structs) {
    const d = s.decl as ast.StructDecl | null;
    if (!d || s.generics.length) continue;
    const bitfields = s.fields.some((f) => f.bitWidth !== null);
    if (!d.reprC && !s.isUnion && !bitfields) continue;
    try {
      const l = computeLayout({ k: 'struct', info: s, args: [] });
      const fields: CLayoutField[] = l.fields.map((f) => {
        const decl = fieldNamed(s.fields, f.name);
        const o: CLayoutField = { name: f.name, type: decl ? typeName(decl.type) : '?', offset: f.offset, size: f.size };
        if (f.bitWidth !== undefined) { o.bitOffset = f.bitOffset; o.bitWidth = f.bitWidth; }
        return o;
      });
      out.push({
        name: s.name, kind: s.isUnion ? 'union' : 'struct', reprC: d.reprC, bitfields, size: l.size, align: l.align, fields,
        loc: { file: d.span.file, line: d.span.line, col: d.span.col },
      });
    } catch {
      // a type the checker already reported (recursive by value...): no picture for it
    }
  }
  return out.sort((a, b) => (a.loc.file === b.loc.file ? a.loc.line - b.loc.line : a.loc.file < b.loc.file ? -1 : 1));
}
