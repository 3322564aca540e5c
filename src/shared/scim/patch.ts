import { parseValuePath, readBoolean } from './resource';

/** One SCIM PATCH operation (RFC 7644 §3.5.2). */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

/** A change the sync wants on one attribute path, before it is turned into PATCH operations for a target. */
export interface AttributeWrite {
  path: string;
  op: 'add' | 'replace' | 'remove';
  value?: unknown;
}

/**
 * How a target takes changes to multi-valued attributes (emails, phoneNumbers):
 * - `valuePath`: PATCH the entry through a value-filter path, `emails[type eq "work"].value`;
 * - `wholeAttribute`: replace the whole attribute with the merged list (our entry changed, every other entry
 *   as it was) — for targets that cannot process value-filter paths, such as Plek (its SCIM product note:
 *   "bepaalde typen waarden [type eq "…"] kunnen niet door Plek worden verwerkt").
 */
export type WriteStrategy = 'valuePath' | 'wholeAttribute';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when a write addresses an entry of a multi-valued attribute through a value filter. */
export function isValuePathWrite(w: AttributeWrite): boolean {
  return parseValuePath(w.path) !== null;
}

/**
 * Turns attribute writes into PATCH operations for a target with the given strategy. `current` is the resource
 * as the target holds it now; `wholeAttribute` needs it to keep the entries of other types (without it the
 * list starts empty, which is only right for an account that has none).
 * A cleared entry (`remove …[type eq "mobile"].value`) removes the entry itself, never leaving `{type}` behind.
 */
export function patchOperations(
  writes: readonly AttributeWrite[],
  strategy: WriteStrategy,
  current: Record<string, unknown> | null,
): PatchOperation[] {
  const ops: PatchOperation[] = [];
  const merged = new Map<string, Record<string, unknown>[]>();
  const changed = new Set<string>();
  for (const w of writes) {
    const vp = parseValuePath(w.path);
    if (!vp) {
      ops.push(
        w.op === 'remove' ? { op: 'remove', path: w.path } : { op: w.op, path: w.path, value: w.value },
      );
      continue;
    }
    if (strategy === 'valuePath') {
      if (w.op === 'remove')
        ops.push({
          op: 'remove',
          path: vp.sub === 'value' ? `${vp.list}[type eq "${vp.type}"]` : w.path,
        });
      else ops.push({ op: w.op, path: w.path, value: w.value });
      continue;
    }
    let list = merged.get(vp.list);
    if (!list) {
      const have = current && Array.isArray(current[vp.list]) ? (current[vp.list] as unknown[]) : [];
      list = have
        .filter(isRecord)
        .map((e) =>
          e.primary === undefined ? { ...e } : { ...e, primary: readBoolean(e.primary) ?? false },
        );
      merged.set(vp.list, list);
    }
    const index = list.findIndex((e) => e.type === vp.type);
    if (w.op !== 'remove' || index >= 0) changed.add(vp.list);
    if (w.op === 'remove') {
      if (index < 0) continue;
      if (vp.sub === 'value') list.splice(index, 1);
      else delete (list[index] as Record<string, unknown>)[vp.sub];
      continue;
    }
    if (index >= 0) {
      (list[index] as Record<string, unknown>)[vp.sub] = w.value;
      continue;
    }
    const entry: Record<string, unknown> = { type: vp.type, [vp.sub]: w.value };
    if (vp.list === 'emails' && !list.some((e) => e.primary === true)) entry.primary = true;
    list.push(entry);
  }
  for (const [list, entries] of merged) {
    if (!changed.has(list)) continue;
    ops.push(entries.length ? { op: 'replace', path: list, value: entries } : { op: 'remove', path: list });
  }
  return ops;
}
