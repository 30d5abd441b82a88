// The checks of a list of attached media in a document (a product's `images`, a plan's `files`)
// beyond one value's type, each on the exact node. An entry is one of the owner's attachments,
// matched by `id`: an entry without an id, or with an id the owner does not have, is an error
// (attachments are uploaded, never typed); so is an id used twice. The entry's stored file
// (`image`, `file`) and the fields the server adds are read-only: compared with the base's entry
// of the same id (a change, an addition or a removal is an error carrying what a revert puts
// back). The editable fields an entry has cannot be removed (a save can only change them), nor can
// a name be set to null. A list exactly as the server has it is the server's data: nothing is
// reported on it. Kind-specific rules (an image's thumbnail) are the kind's own.
import type { Node } from 'jsonc-parser';
import { findNodeAtLocation } from 'jsonc-parser';
import { deepEqual } from '../document/deepEqual';
import type { DocumentProblem } from '../document/documentProblem';
import { nodeRange } from '../document/jsonRanges';
import { isPlainObject, type JsonObject } from '../document/jsonShapes';
import { nodeValue } from '../document/jsonValue';
import { listFields } from '../document/problemWording';
import { pathLabel, type Segment } from '../document/segmentPath';

/** What the messages and checks of one kind of attachment list need. */
export interface AttachmentList {
  /** The document's field: `images`, `files`. */
  field: string;
  /** The entry's stored file (read-only): `image`, `file`. */
  fileField: string;
  /** The fields the entry's own PATCH takes. */
  editable: readonly string[];
  /** One entry, bare and with its article: `image` / `an image`. */
  noun: string;
  aNoun: string;
  /** Whose list it is: `product`, `plan`. */
  owner: string;
  /** How entries are added: `add images with Add Image…; an image cannot be created by typing it`. */
  addHint: string;
  /** What to do instead of changing the stored file: `upload a new image with Add Image… instead`. */
  replaceHint: string;
}

/** The document's list measured against the base's. */
export interface AttachmentContext {
  kind: AttachmentList;
  root: Node;
  /** The document's entries (undefined where an entry is not an object); [] when the field is not an array. */
  entries: readonly (JsonObject | undefined)[];
  /** The base the text came from (undefined when not known). */
  base: JsonObject | undefined;
  baseEntries: readonly JsonObject[];
  /** The base's entry `index` stands for: its id is the base entry's, and no entry before it claimed that id. */
  counterpart(index: number): JsonObject | undefined;
  /** The document's list equals the base's: the server's data, nothing to check. */
  untouched: boolean;
}

const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);

export function attachmentContext(kind: AttachmentList, root: Node, doc: JsonObject, base: JsonObject | undefined): AttachmentContext {
  const list = Object.hasOwn(doc, kind.field) && Array.isArray(doc[kind.field]) ? (doc[kind.field] as unknown[]) : [];
  const entries = list.map((e) => (isPlainObject(e) ? e : undefined));
  const baseEntries = objects(base?.[kind.field]);
  const byId = new Map<string, JsonObject>();
  for (const entry of baseEntries) if (typeof entry.id === 'string' && !byId.has(entry.id)) byId.set(entry.id, entry);
  const claimed = new Set<string>();
  const counterparts = entries.map((entry) => {
    if (!base || !entry || typeof entry.id !== 'string' || !byId.has(entry.id) || claimed.has(entry.id)) return undefined;
    claimed.add(entry.id);
    return byId.get(entry.id);
  });
  const untouched = base !== undefined && Object.hasOwn(doc, kind.field) && deepEqual(doc[kind.field], base[kind.field]);
  return { kind, root, entries, base, baseEntries, counterpart: (i) => counterparts[i], untouched };
}

const isEditable = (ctx: AttachmentContext, key: string): boolean => ctx.kind.editable.includes(key);

/** Keys some entry of the base has: the server's, not unknown fields. */
function serverKeys(ctx: AttachmentContext): Set<string> {
  return new Set(ctx.baseEntries.flatMap((entry) => Object.keys(entry)));
}

/** A key of an entry (`['images', 2, 'createdOn']`) that the server itself sends: not an unknown field. */
export function isAttachmentServerKey(ctx: AttachmentContext, path: readonly Segment[]): boolean {
  return ctx.base !== undefined && path.length === 3 && path[0] === ctx.kind.field && typeof path[2] === 'string' && serverKeys(ctx).has(path[2]);
}

/**
 * Whether a schema issue inside the list is on the server's data (dropped): with a base, every
 * issue when the list is untouched; `id`, the stored file and server fields always (the rules
 * below compare them with the base); an editable field with the value the base's entry has.
 */
export function onAttachmentServerData(ctx: AttachmentContext, path: readonly Segment[]): boolean {
  if (!ctx.base) return false;
  if (ctx.untouched) return true;
  const [, index, key] = path;
  if (typeof index !== 'number' || typeof key !== 'string') return false;
  if (!isEditable(ctx, key)) return true;
  const entry = ctx.entries[index];
  const counterpart = ctx.counterpart(index);
  return entry !== undefined && counterpart !== undefined && Object.hasOwn(entry, key) && deepEqual(entry[key], counterpart[key]);
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function nodeAt(ctx: AttachmentContext, path: readonly Segment[]): Node | undefined {
  return findNodeAtLocation(ctx.root, path as Segment[]);
}

export function attachmentProblem(ctx: AttachmentContext, code: DocumentProblem['code'], node: Node, message: string, extra: Partial<DocumentProblem> = {}): DocumentProblem {
  return { code, message, severity: 'error', field: ctx.kind.field, ...nodeRange(node), ...extra };
}

/** Entries without an id, with an id the owner does not have, with an edited id, or with an id used twice. */
function idProblems(ctx: AttachmentContext): DocumentProblem[] {
  const { field, fileField, noun, aNoun, owner, addHint } = ctx.kind;
  const out: DocumentProblem[] = [];
  const byId = new Map(ctx.baseEntries.filter((e) => typeof e.id === 'string').map((e) => [e.id as string, e]));
  const used = new Set(ctx.entries.map((_, i) => ctx.counterpart(i)?.id).filter((id): id is string => typeof id === 'string'));
  const firstWith = new Map<unknown, number>();
  const twice = (idLabel: string, earlier: number): string => `\`${idLabel}\` is the id of \`${field}[${earlier}]\` too: each ${noun} can be listed only once.`;
  ctx.entries.forEach((entry, i) => {
    if (!entry) return;
    const node = nodeAt(ctx, [field, i]);
    if (!node) return;
    const label = pathLabel([field, i]);
    if (entry.id === undefined) {
      out.push({ ...attachmentProblem(ctx, 'required', node, `\`${label}\` has no \`id\`, so it is not one of the ${owner}'s ${field}. ${capitalised(addHint)}.`), length: 1 });
      return;
    }
    const idNode = nodeAt(ctx, [field, i, 'id']);
    if (!idNode) return;
    const idLabel = pathLabel([field, i, 'id']);
    const earlier = firstWith.get(entry.id);
    if (earlier === undefined) firstWith.set(entry.id, i);
    if (!ctx.base) {
      if (earlier !== undefined) out.push(attachmentProblem(ctx, 'invalid-value', idNode, twice(idLabel, earlier)));
      return;
    }
    if (ctx.counterpart(i)) return;
    // An edited id: the base's entry with this entry's stored file, if no other entry shows its id.
    const stored = entry[fileField];
    const match = typeof stored === 'string' ? ctx.baseEntries.find((b) => b[fileField] === stored && typeof b.id === 'string' && !used.has(b.id)) : undefined;
    if (match) {
      used.add(match.id as string);
      out.push(attachmentProblem(ctx, 'read-only', idNode, `\`${idLabel}\` was changed: ${aNoun}'s id is set by kelviq and cannot be edited. Put it back; ${addHint}.`, { data: { original: match.id } }));
    } else if (typeof entry.id === 'string' && byId.has(entry.id) && earlier !== undefined) {
      out.push(attachmentProblem(ctx, 'invalid-value', idNode, twice(idLabel, earlier)));
    } else {
      out.push(attachmentProblem(ctx, 'invalid-value', idNode, `\`${idLabel}\` is not the id of ${aNoun} of this ${owner}: ${addHint}.`));
    }
  });
  return out;
}

/** The stored file and the server's fields of each entry, compared with the base's entry of the same id. */
function readOnlyProblems(ctx: AttachmentContext): DocumentProblem[] {
  const { field, fileField, aNoun, replaceHint } = ctx.kind;
  const out: DocumentProblem[] = [];
  const fromServer = serverKeys(ctx);
  ctx.entries.forEach((entry, i) => {
    const counterpart = ctx.counterpart(i);
    if (!entry || !counterpart) return;
    const keys = [...new Set([...Object.keys(counterpart), ...Object.keys(entry)])].filter(
      (k) => k !== 'id' && !isEditable(ctx, k) && (k === fileField || fromServer.has(k)),
    );
    const removed: string[] = [];
    for (const key of keys) {
      const before = Object.hasOwn(counterpart, key) ? counterpart[key] : undefined;
      const node = Object.hasOwn(entry, key) ? nodeAt(ctx, [field, i, key]) : undefined;
      if (!node) {
        if (before !== undefined) removed.push(key);
        continue;
      }
      if (before !== undefined && deepEqual(nodeValue(node), before)) continue;
      const label = pathLabel([field, i, key]);
      const message =
        before === undefined
          ? `\`${label}\` is set by kelviq and cannot be added; it will not be saved.`
          : key === fileField
            ? `\`${label}\` is read-only: ${aNoun}'s file cannot be changed; ${replaceHint}. This change will not be saved.`
            : `\`${label}\` is read-only; this change will not be saved.`;
      out.push(attachmentProblem(ctx, 'read-only', node, message, { data: { original: before } }));
    }
    const entryNode = nodeAt(ctx, [field, i]);
    if (removed.length > 0 && entryNode) {
      const many = removed.length > 1;
      const labels = removed.map((k) => pathLabel([field, i, k]));
      out.push(
        attachmentProblem(ctx, 'read-only', entryNode, `${listFields(labels)} ${many ? 'are' : 'is'} read-only; removing ${many ? 'them' : 'it'} will not be saved.`, {
          data: { original: counterpart[removed[0]!], originals: Object.fromEntries(removed.map((k) => [k, counterpart[k]])) },
        }),
      );
    }
  });
  return out;
}

/** An editable field the base's entry has and the entry does not: a save can only change it. */
function removedFieldProblems(ctx: AttachmentContext): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  ctx.entries.forEach((entry, i) => {
    const counterpart = ctx.counterpart(i);
    const node = nodeAt(ctx, [ctx.kind.field, i]);
    if (!entry || !counterpart || !node) return;
    const removed = ctx.kind.editable.filter((k) => counterpart[k] !== undefined && !Object.hasOwn(entry, k));
    if (removed.length === 0) return;
    const many = removed.length > 1;
    const labels = removed.map((k) => pathLabel([ctx.kind.field, i, k]));
    out.push({
      ...attachmentProblem(
        ctx,
        'required',
        node,
        `${listFields(labels)} cannot be removed: the ${ctx.kind.noun} has ${many ? 'them' : 'it'}, and a save can only change ${many ? 'their values' : 'its value'}. Put ${many ? 'them' : 'it'} back.`,
        { data: { fields: labels, originals: Object.fromEntries(removed.map((k) => [k, counterpart[k]])) } },
      ),
      length: 1,
    });
  });
  return out;
}

/** A name set to null: the server may send null for an entry without one, but the PATCH takes a string. */
function nullNameProblems(ctx: AttachmentContext): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  ctx.entries.forEach((entry, i) => {
    const counterpart = ctx.counterpart(i);
    if (!entry || !counterpart || entry.name !== null || counterpart.name === null) return;
    const node = nodeAt(ctx, [ctx.kind.field, i, 'name']);
    if (node) out.push(attachmentProblem(ctx, 'type', node, `\`${pathLabel([ctx.kind.field, i, 'name'])}\` must be a string, not null: ${ctx.kind.aNoun}'s name can be changed, not removed.`));
  });
  return out;
}

/** The base has entries and the text has no list at all: a save can only change the list (removing an entry deletes that attachment). */
function removedListProblems(ctx: AttachmentContext, doc: JsonObject): DocumentProblem[] {
  const { field, aNoun, owner } = ctx.kind;
  const list = ctx.base?.[field];
  if (!ctx.base || Object.hasOwn(doc, field) || !Array.isArray(list) || list.length === 0) return [];
  return [
    {
      code: 'required',
      message: `\`${field}\` cannot be removed: the ${owner} has ${field}, and a save can only change the list. To delete ${aNoun}, remove its entry from the list. Put \`${field}\` back.`,
      severity: 'error',
      field,
      offset: ctx.root.offset,
      length: 1,
      data: { fields: [field], originals: { [field]: list } },
    },
  ];
}

/** Every problem of the list (see the header); the kind's own rules come on top. */
export function attachmentProblems(ctx: AttachmentContext, doc: JsonObject): DocumentProblem[] {
  if (ctx.untouched) return [];
  return [...removedListProblems(ctx, doc), ...idProblems(ctx), ...readOnlyProblems(ctx), ...removedFieldProblems(ctx), ...nullNameProblems(ctx)];
}
