import { slotOf } from '../../../shared/graph/model';
import { specOf } from '../../../shared/graph/registry';
import { paramForSlot } from '../../../shared/graph/signatures';
import { friendlyName, translate, type GraphLang } from './i18n';
import type { FlowNode } from './store';

/** How a node is named in an edge's label and in announcements: the attribute, the function, the literal or the field. */
export function nodeName(n: FlowNode, lang: GraphLang): string {
  switch (n.type) {
    case 'source':
      return n.data.attribute;
    case 'target':
      return friendlyName(n.data.path, lang);
    case 'literal':
      return n.data.value === null ? 'null' : `"${String(n.data.value)}"`;
    default:
      return n.data.op.kind === 'call' ? n.data.op.name : n.data.op.kind === 'binary' ? n.data.op.op : 'not';
  }
}

/** "Roepnaam → Voornaam", "Achternaam → Join, invoer 3 (values)": what an edge carries where, for screen readers. */
export function edgeLabel(
  e: { source: string; target: string; targetHandle?: string | null },
  byId: ReadonlyMap<string, FlowNode>,
  lang: GraphLang,
): string {
  const from = byId.get(e.source);
  const to = byId.get(e.target);
  const source = from ? nodeName(from, lang) : e.source;
  if (!to || to.type === 'target')
    return translate(lang, 'edgeToField', { source, field: to ? nodeName(to, lang) : e.target });
  const slot = slotOf(e.targetHandle);
  const spec = to.type === 'transform' && to.data.op.kind === 'call' ? specOf(to.data.op.name) : undefined;
  const param = spec ? paramForSlot(spec, slot)?.name : undefined;
  return translate(lang, 'edgeToInput', {
    source,
    fn: nodeName(to, lang),
    slot: slot + 1,
    param: param ?? 'none',
  });
}
