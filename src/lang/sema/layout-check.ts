// Bitfield rules (§6.10): widths are integer literals from 1 to the type's bit count (0 only for
// an unnamed `_` separator); a constant that does not fit the width is a warning (it is
// truncated at run time).
import type * as ast from '../syntax/ast';
import { intBits, intSigned, type Type } from './types';
import type { Ctx } from './context';
import { derefAll } from './methods';
import { foldConst } from './consts';
import { MSG, NOTE } from '../msg';
import { exprInfo } from './tables';
import { fieldNamed } from './field-named';

export function resolveBitfields(cx: Ctx): void {
  for (const [info, d] of cx.structDecls) {
    d.fields.forEach((f, i) => {
      const entry = info.layoutFields?.[i];
      if (!f.bitWidth) {
        if (f.name === '_') cx.error(MSG.E0132.unnamedFieldMustBitfield(), f.span, { notes: [NOTE.E0132.helpGiveFieldName()] });
        return;
      }
      const ft = entry?.type;
      if (!ft || ft.k === 'error') return;
      if (ft.k !== 'int' && ft.k !== 'bool') {
        cx.error(MSG.E0132.bitfieldMustIntegerType({ fName: f.name, fTypeName: (f.type as { name?: string }).name ?? 'this type' }), f.type.span);
        return;
      }
      const bits = ft.k === 'int' ? intBits(ft.name) : 8;
      if (f.bitWidth.kind !== 'int') {
        cx.error(MSG.E0132.bitfieldWidthMustInteger({ fName: f.name }), f.bitWidth.span);
        return;
      }
      const w = Number(f.bitWidth.value);
      if ((w === 0 && f.name !== '_') || w > bits) {
        cx.error(MSG.E0132.bitfieldWidthButMust({ fName: f.name, w, bits, choice: ft.k === 'int' ? ft.name : 'bool' }), f.bitWidth.span, w === 0 ? { notes: [NOTE.E0132.noteZeroWidthOnly()] } : {});
        return;
      }
      if (d.isUnion) {
        cx.error(MSG.E0139.unionFieldCannotBitfield({ fName: f.name }), f.bitWidth.span);
        return;
      }
      entry!.bitWidth = w;
    });
  }
}

/** The bitfield an assignment target names, if any. */
export function bitfieldOf(cx: Ctx, target: ast.Expr): { name: string; width: number } | null {
  if (target.kind !== 'member') return null;
  const ot = exprInfo(target.object) ? derefAll(exprInfo(target.object)!.type) : null;
  if (ot?.k !== 'struct') return null;
  const f = fieldNamed(ot.info.fields, target.name);
  return f && f.bitWidth !== null ? { name: f.name, width: f.bitWidth } : null;
}

/** Warn (W0100) when a constant stored into a bitfield does not fit its width. */
export function bitfieldConstWarn(cx: Ctx, value: ast.Expr, width: number, t: Type, name: string): void {
  const v = foldConst(value);
  if (typeof v !== 'bigint' || t.k !== 'int') return;
  const signed = intSigned(t.name);
  const w = BigInt(width);
  const fits = signed ? v >= -(1n << (w - 1n)) && v < 1n << (w - 1n) : v >= 0n && v < 1n << w;
  if (!fits) {
    const kept = signed ? BigInt.asIntN(width, v) : BigInt.asUintN(width, v);
    cx.warn(MSG.W0100.constantDoesNotFit({ v, width, name, kept }), value.span, {
      notes: [NOTE.W0100.noteBitFieldHolds({ choice: signed ? 'signed' : 'unsigned', width, choice2: signed ? `${-(1n << (w - 1n))} to ${(1n << (w - 1n)) - 1n}` : `0 to ${(1n << w) - 1n}` })],
    });
  }
}
