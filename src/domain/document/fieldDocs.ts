// Hover text of a document's fields, built the same way for every kind: a title, the text in
// markdown and as plain text (bold and code marks dropped), and for a read-only field the kind's
// read-only note in front and a word that changes are not saved. Each kind writes its own texts
// (its FIELD_DOCS, keyed by dotted path); they become the JSON Schema's title / description /
// markdownDescription.

export interface FieldDoc {
  readonly title: string;
  /** Plain text (hovers without markdown). */
  readonly description: string;
  /** Markdown (VS Code prefers it). */
  readonly markdownDescription: string;
  readonly readOnly?: true;
}

export interface FieldDocMakers {
  editable(title: string, markdown: string): FieldDoc;
  readOnly(title: string, markdown: string): FieldDoc;
}

function plain(markdown: string): string {
  return markdown.replace(/\*\*|`/g, '');
}

/** `readOnlyNote`: the kind's "Read-only: set by kelviq." */
export function fieldDocMakers(readOnlyNote: string): FieldDocMakers {
  return {
    editable: (title, markdown) => ({ title, description: plain(markdown), markdownDescription: markdown }),
    readOnly: (title, markdown) => {
      const text = `**${readOnlyNote}** ${markdown} Changes to this field are not saved.`;
      return { title, description: plain(text), markdownDescription: text, readOnly: true };
    },
  };
}

/** The doc of a dotted path (`prices.currency`), if the table has one. */
export function fieldDocAt(docs: Readonly<Record<string, FieldDoc>>, path: string): FieldDoc | undefined {
  return Object.hasOwn(docs, path) ? docs[path] : undefined;
}

/** A field's zod `.meta()`: its doc's title, texts and read-only mark (a field without a doc is a bug: it throws). */
export function fieldMeta(docs: Readonly<Record<string, FieldDoc>>, path: string): Record<string, unknown> {
  const doc = fieldDocAt(docs, path);
  if (!doc) throw new Error(`No field documentation for ${path}`);
  return { title: doc.title, description: doc.description, markdownDescription: doc.markdownDescription, ...(doc.readOnly ? { readOnly: true } : {}) };
}
