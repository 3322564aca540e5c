/** The node-graph mapping editor (issue 7), hosted by the Mapping step. */
export { MappingEditor, type MappingEditorProps } from './MappingEditor';
