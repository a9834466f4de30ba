/**
 * The document's schema names, shared by the editor (which defines the nodes) and the file formats (which
 * read and write them), so that files/ never imports editor/. Pure: no DOM, no TipTap.
 */

/** A TipTap/ProseMirror JSON document. Only its outer shape is checked (storage's `isDocJSON`). */
export interface DocJSON { type: 'doc'; content?: unknown[] }

/** The node type of a numbered section heading (一、（一）1.（1）); attrs `level` 1–4 and the computed `number`. */
export const SECTION_HEADING = 'sectionHeading';
