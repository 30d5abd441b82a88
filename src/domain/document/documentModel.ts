// What a document kind supplies to the backend-neutral document mechanism (src/documents): how
// its objects become text and back, what in them the user may change, and how versions are told
// apart. Everything else (one version per document, saves that merge or ask, persistence across
// reloads, remote-change notices) is the mechanism's, so every kind inherits it. Pure.
// versionOf() (below the interface) reads the version from the kind's versionFields.
import type { DocumentProblem } from './documentProblem';
import type { JsonChange } from './jsonDiff';
import type { MergeRules } from './jsonPath';
import type { JsonObject } from './jsonShapes';

export interface DocumentModel<T extends JsonObject = JsonObject> {
  /** What one object is called in messages ("product", "plan"). */
  readonly noun: string;
  /** Arrays of objects in the editable view that are matched by id (diff, merge, conflicts). */
  readonly mergeRules: MergeRules;
  /** The document text of a server object. Same object in, same text out. */
  serialize(object: T): string;
  /**
   * Every problem of a document's text, on exact ranges. `base` is the server version the text
   * came from (undefined when not known: server-owned fields are then only type-checked).
   */
  validate(text: string, base: T | undefined): DocumentProblem[];
  /**
   * The server-owned fields that tell versions apart (kelviq: `modifiedOn`; Zaveit: `updated`,
   * `__v`). A document's text shows them, so the mechanism can tell whether a text still matches
   * the version it believes it came from.
   */
  readonly versionFields: readonly string[];
  /** stat().mtime of a server object, in ms: changes exactly when the object does. */
  modifiedAt(object: T): number;
  /** The object's name for messages: untrusted text, shown only through src/domain/untrustedText. */
  nameOf(object: JsonObject): string;
  /**
   * The part of a server object or of a parsed, valid document that the user may change,
   * normalised (so that an untouched value never differs from the server's). Diffs and merges
   * run on this view only.
   */
  editableView(object: JsonObject): JsonObject;
  /**
   * The text with the change a problem describes undone (an edited or removed server-owned
   * field put back), keeping the rest of the text as it is; the text itself when it cannot.
   */
  revert(text: string, problem: DocumentProblem): string;
  /**
   * Why the field at `keyPath` (object keys, array positions left out: `['prices', 'id']`) cannot
   * be changed here and where it can, or undefined for a field the user may edit. Editors show
   * read-only fields subdued, with this as their hover (plain text).
   */
  readOnlyNote(keyPath: readonly string[]): string | undefined;
  /**
   * Kinds whose saves can land in part (several calls): `object` with its editable part replaced
   * by `view` (an editable view), keeping what the view leaves out (server-owned values, ids the
   * text still shows), so the result can stand as the base of a text after a partial save.
   */
  withEditable?(object: T, view: JsonObject): T;
  /**
   * A question the user must answer yes to before this write is sent, for changes whose effect
   * goes beyond the text (removing an image deletes its file; a new currency re-prices plans), or
   * undefined. Asked after the merge with the server; the server is read again after the answer,
   * and an answer holds while the question stays the same. Its texts are plain: names from the
   * server or the catalog go through src/domain/untrustedText.
   */
  askBeforeWrite?(request: SaveRequest<T>): SaveQuestion | undefined;
}

/** See DocumentModel.askBeforeWrite. */
export interface SaveQuestion {
  message: string;
  detail: string;
  /** The label of the button that goes ahead ("Delete Image and Save"). */
  confirm: string;
}

/** One save, as the mechanism hands it to the kind's backend. */
export interface SaveRequest<T extends JsonObject = JsonObject> {
  /** The server's version right before this write. */
  theirs: T;
  /** editableView(theirs). */
  from: JsonObject;
  /** The editable view to reach: my changes merged onto theirs. */
  to: JsonObject;
  /** diffJson(from, to): never empty. */
  changes: JsonChange[];
}

/** The version token of a server object or of a document's parsed text: its version fields' values. */
export function versionOf(model: Pick<DocumentModel, 'versionFields'>, object: JsonObject): string | undefined {
  const values = model.versionFields.map((field) => (Object.prototype.hasOwnProperty.call(object, field) ? object[field] : undefined));
  if (values.every((v) => v === undefined || v === null)) return undefined;
  return JSON.stringify(values);
}
