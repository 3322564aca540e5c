/** The mapping graph (issue 7), pure: conversion, validation, edits, history, layout and the live preview. */
export * from './model';
export { expressionToSubgraph, fieldExpression, type FieldState } from './convert';
export { graphToMapping, mappingToGraph, canonicalGraph, layoutOf, attributesRead } from './mapping';
export { validateConnection, outputType, inputType, typeCompatible, wouldCreateCycle } from './connection';
export type { ConnectionRequest, ConnectionVerdict } from './connection';
export * from './edit';
export * from './history';
export { autoLayout, readLayout, writeLayout, type GraphLayout } from './layout';
export { createPreview, changedCells } from './preview';
export type { PreviewInput, PreviewResult, PreviewRow, PreviewCell, PreviewColumn } from './preview';
export { specOf, allFunctionSpecs } from './registry';
export { pendingSuggestions, type WireSuggestion } from './suggestions';
export { paramForSlot, slotCount, minArgs, maxArgs, type SpecLookup } from './signatures';
