// Policies (chapter 2 §7.6): `policy P [with Parent, …] { field `tag`, … }` and `struct S with P`.
// Metadata only: a struct's field tags are its policies' tags (parents first, a child overriding
// its parents, later policies overriding earlier ones), then its own inline tags. The checker
// reports unknown and circular policies, duplicates and name clashes, and warns about a policy
// field the struct does not have.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import { MSG, NOTE } from '../msg';

/** Validate every policy and every struct's `with` list. */
export function checkPolicies(cx: Ctx, program: ast.Program): void {
  const policies = new Map<string, ast.PolicyDecl>();
  for (const it of program.items) {
    if (it.kind !== 'policy') continue;
    const prev = policies.get(it.name);
    if (prev) { cx.error(MSG.E0102.policyDefinedMoreThan({ itName: it.name }), it.nameSpan, { labels: [{ span: prev.nameSpan, message: NOTE.E0102.labelPreviousDefinition() }] }); continue; }
    if (cx.contracts.has(it.name)) cx.error(MSG.E0102.bothPolicyContract({ itName: it.name }), it.nameSpan);
    policies.set(it.name, it);
  }
  for (const p of policies.values()) {
    for (const parent of p.parents) if (!policies.has(parent.name)) cx.error(MSG.E0101.policyNotFound({ parentName: parent.name }), parent.span);
    if (reaches(policies, p.name, p.name, new Set())) cx.error(MSG.E0164.detected({ pName: p.name }), p.nameSpan, { notes: [NOTE.E0164.notePolicyCannotInherit()] });
  }
  for (const it of program.items) {
    if (it.kind !== 'struct' || !it.policies) continue;
    const fields = new Set(it.fields.map((f) => f.name));
    for (const use of it.policies) {
      const p = policies.get(use.name);
      if (!p) { cx.error(MSG.E0101.policyNotFound({ parentName: use.name }), use.span); continue; }
      for (const [field] of policyTags(policies, p.name, new Set())) {
        if (!fields.has(field)) cx.warn(MSG.W0110.policyTagsFieldWhich({ pName: p.name, field, itName: it.name }), use.span);
      }
    }
  }
}

/** Whether `from`'s parents lead back to `target`. */
function reaches(policies: Map<string, ast.PolicyDecl>, from: string, target: string, seen: Set<string>): boolean {
  for (const parent of policies.get(from)?.parents ?? []) {
    if (parent.name === target) return true;
    if (seen.has(parent.name)) continue;
    seen.add(parent.name);
    if (reaches(policies, parent.name, target, seen)) return true;
  }
  return false;
}

/** The tags a policy gives, field by field: its parents' (in order), then its own. */
function policyTags(policies: Map<string, ast.PolicyDecl>, name: string, seen: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const p = policies.get(name);
  if (!p || seen.has(name)) return out;
  seen.add(name);
  for (const parent of p.parents) for (const [f, t] of policyTags(policies, parent.name, seen)) out.set(f, t);
  for (const f of p.fields) out.set(f.name, f.tag);
  return out;
}

/** The field tags of struct `name` (§7.6), for hover and tests: policies in order, then inline tags. */
export function structTags(program: ast.Program, name: string): Map<string, string> {
  const policies = new Map<string, ast.PolicyDecl>();
  for (const it of program.items) if (it.kind === 'policy' && !policies.has(it.name)) policies.set(it.name, it);
  const s = program.items.find((it): it is ast.StructDecl => it.kind === 'struct' && it.name === name);
  const out = new Map<string, string>();
  if (!s) return out;
  for (const use of s.policies ?? []) for (const [f, t] of policyTags(policies, use.name, new Set())) out.set(f, t);
  for (const f of s.fields) if (f.tag !== null) out.set(f.name, f.tag);
  return out;
}
