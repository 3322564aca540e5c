/**
 * The mapping graph, independent of any canvas library: the node and edge shapes are structurally compatible
 * with @xyflow/react's `Node`/`Edge`, but this layer stays pure so the CLI, the tests and the canvas agree.
 *
 * Conventions:
 * - every node that produces a value has one output handle `out`;
 * - inputs are numbered handles `in-0`, `in-1`, … (a target field has exactly one: `in-0`);
 * - an input slot holds at most one edge; a literal argument may instead be kept inline on the transform node.
 */

export interface GraphPosition {
  x: number;
  y: number;
}

/** A literal as it appears in an expression. */
export type LiteralValue = string | number | boolean | null;

export type BinaryOperator = string;

/** What a transform node computes. */
export type TransformOp =
  { kind: 'call'; name: string } | { kind: 'binary'; op: BinaryOperator } | { kind: 'not' };

export interface SourceAttributeData {
  [key: string]: unknown;
  attribute: string;
  /** 0..1, from the sample; absent when the attribute is referenced but not sampled. */
  fillRate?: number;
  example?: string;
  multiValued?: boolean;
  /** Referenced by the mapping but absent from the sampled schema. */
  missing?: boolean;
}

export interface TransformData {
  [key: string]: unknown;
  op: TransformOp;
  /** Literal arguments kept on the node itself (separator, date format, value map name…), by slot index. */
  inline: Record<number, LiteralValue>;
  /** Number of argument slots drawn (variadic functions show one spare slot). */
  slots: number;
}

export interface LiteralData {
  [key: string]: unknown;
  value: LiteralValue;
}

export interface TargetFieldData {
  [key: string]: unknown;
  path: string;
  label: string;
  required: boolean;
  valueType: 'string' | 'boolean' | 'reference';
  /** A declared custom profile field. */
  custom?: boolean;
  /** Why the mapped path cannot be synchronised (unknown or unsupported field). */
  problem?: string;
  /** Why the path is not a Plek field, as a catalogue id (`problem.target.*`), for the screen's language. */
  problemId?: 'problem.target.photos' | 'problem.target.birthDates' | 'problem.target.unknown';
}

interface BaseNode<T extends string, D> {
  id: string;
  type: T;
  position: GraphPosition;
  data: D;
}

export type SourceAttributeNode = BaseNode<'source', SourceAttributeData>;
export type TransformNode = BaseNode<'transform', TransformData>;
export type LiteralNode = BaseNode<'literal', LiteralData>;
export type TargetFieldNode = BaseNode<'target', TargetFieldData>;

export type GraphNode = SourceAttributeNode | TransformNode | LiteralNode | TargetFieldNode;
export type GraphNodeType = GraphNode['type'];

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle: 'out';
  targetHandle: string;
}

export interface MappingGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const OUT_HANDLE = 'out';

export function inputHandle(slot: number): string {
  return `in-${slot}`;
}

/** The slot index of an input handle id, or -1 when it is not one. */
export function slotOf(handle: string | null | undefined): number {
  if (!handle) return -1;
  const m = /^in-(\d+)$/.exec(handle);
  return m ? Number(m[1]) : -1;
}

export function edgeId(source: string, target: string, targetHandle: string): string {
  return `${source}->${target}#${targetHandle}`;
}

export function makeEdge(source: string, target: string, slot: number): GraphEdge {
  const targetHandle = inputHandle(slot);
  return { id: edgeId(source, target, targetHandle), source, target, sourceHandle: 'out', targetHandle };
}

/** Stable node ids: they are keys of `mapping.layout.nodes`, so they must read well in a diff. */
export const nodeIds = {
  source: (attribute: string) => `src:${attribute}`,
  target: (path: string) => `field:${path}`,
  /** A node inside a field's expression; `astPath` is the argument index path from the root, e.g. `0.1`. */
  inField: (path: string, astPath: readonly number[]) => `expr:${path}@${['r', ...astPath].join('.')}`,
};

export function isValueNode(n: GraphNode): n is SourceAttributeNode | TransformNode | LiteralNode {
  return n.type !== 'target';
}
