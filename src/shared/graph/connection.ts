import type { GraphNode, MappingGraph, TargetFieldNode, TransformNode } from './model';
import { inputHandle, slotOf } from './model';
import type { SpecLookup, ValueType } from './signatures';
import { maxArgs, paramForSlot } from './signatures';

/** A connection being drawn: from a node's output to an input slot of another node. */
export interface ConnectionRequest {
  source: string | null;
  target: string | null;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/** Why a connection is refused; each has a text `graph.refusal.<code>` in the catalogues, filled from `params`. */
export type RefusalCode =
  | 'endpoints'
  | 'fromField'
  | 'intoSource'
  | 'fromOutput'
  | 'intoInput'
  | 'cycle'
  | 'already'
  | 'occupied'
  | 'singleInput'
  | 'notOneInput'
  | 'binaryTwo'
  | 'tooMany'
  | 'literalOnly'
  | 'listToText'
  | 'dateToText'
  | 'notNumber'
  | 'notDate'
  | 'notList'
  | 'notCondition';

export interface Refusal {
  ok: false;
  /** English, for logs and tests. */
  reason: string;
  code: RefusalCode;
  params: Readonly<Record<string, string | number>>;
}

export type ConnectionVerdict = { ok: true } | Refusal;

function refuse(code: RefusalCode, reason: string, params: Refusal['params'] = {}): Refusal {
  return { ok: false, reason, code, params };
}

const COMPARISON = new Set(['=', '<>', '<', '<=', '>', '>=', 'and', 'or']);

/**
 * What a node produces, as far as the design-time types tell. Text functions apply item by item to a list (a
 * multi-valued attribute), so `Trim([proxyAddresses])` is still a list: the graph follows its inputs.
 */
export function outputType(node: GraphNode, specOf: SpecLookup, graph?: MappingGraph, depth = 0): ValueType {
  switch (node.type) {
    case 'source':
      return node.data.multiValued ? 'list' : 'text';
    case 'literal': {
      const v = node.data.value;
      return v === null
        ? 'any'
        : typeof v === 'number'
          ? 'number'
          : typeof v === 'boolean'
            ? 'boolean'
            : 'text';
    }
    case 'transform': {
      const op = node.data.op;
      if (op.kind === 'not') return 'boolean';
      if (op.kind === 'binary') return COMPARISON.has(op.op) ? 'boolean' : 'text';
      const spec = specOf(op.name);
      if (!spec) return 'any';
      if (spec.returns === 'text' && graph && depth < 64) {
        for (const e of graph.edges) {
          if (e.target !== node.id) continue;
          if (paramForSlot(spec, slotOf(e.targetHandle))?.type !== 'text') continue;
          const input = graph.nodes.find((n) => n.id === e.source);
          if (input && outputType(input, specOf, graph, depth + 1) === 'list') return 'list';
        }
      }
      return spec.returns;
    }
    case 'target':
      return 'any';
  }
}

/** What an input slot accepts, and whether it must be typed on the node instead of wired. */
export function inputType(
  node: TransformNode | TargetFieldNode,
  slot: number,
  specOf: SpecLookup,
): { type: ValueType; literalOnly?: boolean; name: string } | { error: Refusal } {
  if (node.type === 'target') {
    if (slot !== 0)
      return {
        error: refuse('singleInput', `${node.data.path} has a single input`, { field: node.data.path }),
      };
    return { type: node.data.valueType === 'boolean' ? 'boolean' : 'text', name: node.data.path };
  }
  const op = node.data.op;
  if (op.kind === 'not')
    return slot === 0
      ? { type: 'boolean', name: 'not' }
      : { error: refuse('notOneInput', 'not takes one input') };
  if (op.kind === 'binary') {
    if (slot > 1) return { error: refuse('binaryTwo', `"${op.op}" takes two inputs`, { op: op.op }) };
    return { type: op.op === 'and' || op.op === 'or' ? 'boolean' : 'any', name: `"${op.op}"` };
  }
  const spec = specOf(op.name);
  if (!spec) return { type: 'any', name: op.name };
  const param = paramForSlot(spec, slot);
  if (!param)
    return {
      error: refuse('tooMany', `${spec.name} takes at most ${maxArgs(spec)} input(s)`, {
        fn: spec.name,
        max: maxArgs(spec),
      }),
    };
  return { type: param.type, literalOnly: param.literalOnly, name: `${spec.name}(${param.name})` };
}

/**
 * Whether a value of type `from` may flow into an input of type `to`. Text is the lingua franca of an HR export,
 * so text feeds numbers, dates and lists (checked per row); what cannot be right at design time is refused:
 * a list into a single value, a date into text without a format, a non-condition into a condition.
 */
export function typeCompatible(from: ValueType, to: ValueType): ConnectionVerdict {
  if (from === to || from === 'any' || to === 'any') return { ok: true };
  switch (to) {
    case 'text':
      if (from === 'list')
        return refuse(
          'listToText',
          'a list (multi-valued attribute) needs a pick function such as First, FindPrefix or Join first',
        );
      if (from === 'date') return refuse('dateToText', 'a date needs FormatDate to become text');
      return { ok: true };
    case 'number':
      return from === 'text' ? { ok: true } : refuse('notNumber', `a ${from} is not a number`, { from });
    case 'date':
      return from === 'text'
        ? { ok: true }
        : refuse('notDate', `a ${from} is not a date; use ParseDate on text`, { from });
    case 'list':
      return from === 'text' || from === 'number'
        ? { ok: true }
        : refuse('notList', `a ${from} cannot be a list`, { from });
    case 'boolean':
      // "ja"/"true"/"1" read as true per row; a number or date never makes sense as a condition.
      return from === 'text'
        ? { ok: true }
        : refuse('notCondition', `a ${from} is not a condition; compare it, e.g. [Status] = "Actief"`, {
            from,
          });
  }
}

/** True when `to` can already reach `from` along edges, i.e. connecting from → to would close a cycle. */
export function wouldCreateCycle(graph: MappingGraph, from: string, to: string): boolean {
  if (from === to) return true;
  const outgoing = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = outgoing.get(e.source);
    if (list) list.push(e.target);
    else outgoing.set(e.source, [e.target]);
  }
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === from) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(outgoing.get(id) ?? []));
  }
  return false;
}

/**
 * Judges a connection the way the canvas, the CLI and the tests must: endpoints exist, the output goes into an
 * input slot that is free and exists, types fit, and no cycle appears. Returns the reason shown to the user.
 */
export function validateConnection(
  graph: MappingGraph,
  connection: ConnectionRequest,
  specOf: SpecLookup,
): ConnectionVerdict {
  const from = graph.nodes.find((n) => n.id === connection.source);
  const to = graph.nodes.find((n) => n.id === connection.target);
  if (!from || !to) return refuse('endpoints', 'connect two nodes');
  if (from.type === 'target') return refuse('fromField', 'a Plek field is an end point; it has no output');
  if (to.type === 'source' || to.type === 'literal')
    return refuse('intoSource', `a ${to.type === 'source' ? 'source attribute' : 'literal'} has no input`, {
      kind: to.type,
    });
  if (connection.sourceHandle && connection.sourceHandle !== 'out')
    return refuse('fromOutput', 'connect from the output on the right of a node');
  const slot = slotOf(connection.targetHandle ?? 'in-0');
  if (slot < 0) return refuse('intoInput', 'connect into an input on the left of a node');
  if (wouldCreateCycle(graph, from.id, to.id)) return refuse('cycle', 'this edge would create a cycle');
  const occupied = graph.edges.find((e) => e.target === to.id && slotOf(e.targetHandle) === slot);
  if (occupied)
    return occupied.source === from.id
      ? refuse('already', 'already connected')
      : refuse('occupied', 'this input already has an edge; delete it first (an input takes one edge)');
  const expected = inputType(to, slot, specOf);
  if ('error' in expected) return expected.error;
  if (expected.literalOnly)
    return refuse('literalOnly', `${expected.name} must be typed on the node, not wired (a fixed value)`, {
      input: expected.name,
    });
  const produced = outputType(from, specOf, graph);
  // A function's text input takes a list too: it is applied to each item (the result stays a list).
  const perItem =
    produced === 'list' && expected.type === 'text' && to.type === 'transform' && to.data.op.kind === 'call';
  const verdict = perItem ? ({ ok: true } as const) : typeCompatible(produced, expected.type);
  if (!verdict.ok)
    return {
      ...verdict,
      reason: `${expected.name}: ${verdict.reason}`,
      params: { ...verdict.params, input: expected.name },
    };
  return { ok: true };
}

/**
 * The inputs of a node an edge may be drawn into (its input handles): a Plek field's one input, a function's
 * drawn slots except those that must be typed (literal-only); none for attributes and constants.
 */
export function inputSlots(node: GraphNode | undefined, specOf: SpecLookup): number[] {
  if (!node) return [];
  if (node.type === 'target') return [0];
  if (node.type !== 'transform') return [];
  const spec = node.data.op.kind === 'call' ? specOf(node.data.op.name) : undefined;
  return Array.from({ length: node.data.slots }, (_, i) => i).filter(
    (i) => !(spec && paramForSlot(spec, i)?.literalOnly),
  );
}

/** Where a connection drawn by keyboard from `source` into the node `target` goes, and the verdict on it. */
export interface KeyboardConnection {
  slot: number;
  verdict: ConnectionVerdict;
}

/**
 * The connection a keyboard user makes from `source` by choosing the node `target` (C, the arrows, Enter): into
 * `preferred` when that is one of the target's inputs (chosen with I), else into the first free input that takes
 * it (an input without a typed value first), else into the first free input (so the refusal says why: a list into text…), else into the first input
 * (refused: occupied). A node without inputs is judged on its slot 0 (refused: it has no input).
 */
export function keyboardConnection(
  graph: MappingGraph,
  source: string,
  target: string,
  specOf: SpecLookup,
  preferred: number | null = null,
): KeyboardConnection {
  const node = graph.nodes.find((n) => n.id === target);
  const slots = inputSlots(node, specOf);
  const judge = (slot: number) =>
    validateConnection(
      graph,
      { source, sourceHandle: 'out', target, targetHandle: inputHandle(slot) },
      specOf,
    );
  if (preferred !== null && slots.includes(preferred)) return { slot: preferred, verdict: judge(preferred) };
  const wired = new Set(graph.edges.filter((e) => e.target === target).map((e) => slotOf(e.targetHandle)));
  // Free inputs, those without a typed value first (Join's spare input before its typed separator).
  const typed = node?.type === 'transform' ? node.data.inline : {};
  const free = slots.filter((i) => !wired.has(i)).sort((a, b) => Number(a in typed) - Number(b in typed));
  for (const slot of free) {
    const verdict = judge(slot);
    if (verdict.ok) return { slot, verdict };
  }
  const slot = free[0] ?? slots[0] ?? 0;
  return { slot, verdict: judge(slot) };
}
