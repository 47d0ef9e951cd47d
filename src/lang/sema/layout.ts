// C layout (x86-64 System V, as GCC lays it out). Owned by sema; this stub fixes the shape.
export interface FieldLayout {
  name: string;
  offset: number; // byte offset of the field, or of its storage unit for bitfields
  size: number;
  bitOffset?: number; // bitfields: bit position within the unit starting at `offset`
  bitWidth?: number;
  unitSize?: number; // bitfields: size in bytes of the declared type's storage unit
  signed?: boolean; // bitfields: sign-extend on read
}
export interface Layout {
  size: number;
  align: number;
  fields: FieldLayout[]; // empty for scalars
}
