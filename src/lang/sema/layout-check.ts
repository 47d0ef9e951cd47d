// Bitfield rules (§6.10): widths are integer literals from 1 to the type's bit count (0 only for
// an unnamed `_` separator); a constant that does not fit the width is a warning (it is
// truncated at run time).
import type * as ast from '../syntax/ast';
import { intBits, intSigned, type Type } from './types';
import type { Ctx } from './context';
import { derefAll } from './methods';
import { foldConst } from './consts';

export function resolveBitfields(cx: Ctx): void {
  for (const [info, d] of cx.structDecls) {
    d.fields.forEach((f, i) => {
      const entry = info.layoutFields?.[i];
      if (!f.bitWidth) {
        if (f.name === '_') cx.error('E0132', 'an unnamed field `_` must be a bitfield: `_: u8 : 0` ends the current storage unit', f.span, { notes: ['help: give the field a name, or a width: `_: u32 : 0`'] });
        return;
      }
      const ft = entry?.type;
      if (!ft || ft.k === 'error') return;
      if (ft.k !== 'int' && ft.k !== 'bool') {
        cx.error('E0132', `bitfield \`${f.name}\` must have an integer type, found \`${(f.type as { name?: string }).name ?? 'this type'}\``, f.type.span);
        return;
      }
      const bits = ft.k === 'int' ? intBits(ft.name) : 8;
      if (f.bitWidth.kind !== 'int') {
        cx.error('E0132', `bitfield width of \`${f.name}\` must be an integer literal`, f.bitWidth.span);
        return;
      }
      const w = Number(f.bitWidth.value);
      if ((w === 0 && f.name !== '_') || w > bits) {
        cx.error('E0132', `bitfield \`${f.name}\` has width ${w}, but must be between 1 and ${bits} for ${ft.k === 'int' ? ft.name : 'bool'}`, f.bitWidth.span, w === 0 ? { notes: ['note: a zero width is only allowed on an unnamed `_` field, where it closes the current storage unit'] } : {});
        return;
      }
      if (d.isUnion) {
        cx.error('E0139', `union field \`${f.name}\` cannot be a bitfield`, f.bitWidth.span);
        return;
      }
      entry!.bitWidth = w;
    });
  }
}

/** The bitfield an assignment target names, if any. */
export function bitfieldOf(cx: Ctx, target: ast.Expr): { name: string; width: number } | null {
  if (target.kind !== 'member') return null;
  const ot = target.object.info ? derefAll(target.object.info.type) : null;
  if (ot?.k !== 'struct') return null;
  const f = ot.info.fields.find((x) => x.name === target.name);
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
    cx.warn('W0100', `constant ${v} does not fit in ${width}-bit bitfield \`${name}\`; it is truncated to ${kept}`, value.span, {
      notes: [`note: a ${signed ? 'signed' : 'unsigned'} ${width}-bit field holds ${signed ? `${-(1n << (w - 1n))} to ${(1n << (w - 1n)) - 1n}` : `0 to ${(1n << w) - 1n}`}`],
    });
  }
}
