// Locating things in the JSON text: parse trees, node ranges, property ranges, readable parse
// errors. Offsets and lengths are in UTF-16 code units, as VS Code and jsonc-parser count them.
import {
  findNodeAtLocation,
  type JSONPath,
  type Node,
  parseTree,
  type ParseError,
  printParseErrorCode,
} from 'jsonc-parser';

export interface TextRange {
  offset: number;
  length: number;
}

export interface PropertyRanges {
  /** `"key": value` (for an array element: the element). */
  property: TextRange;
  /** The quoted key; undefined for an array element. */
  key: TextRange | undefined;
  value: TextRange;
}

export interface ParsedDocument {
  root: Node | undefined;
  errors: ParseError[];
}

/** Strict JSON: no comments, no trailing commas, no empty document. */
export function parseDocument(text: string): ParsedDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return { root, errors };
}

export function nodeRange(node: Node): TextRange {
  return { offset: node.offset, length: node.length };
}

/** The range of the value at `path` plus its key and whole property; undefined if absent. */
export function findPropertyRange(text: string, path: JSONPath): PropertyRanges | undefined {
  const { root } = parseDocument(text);
  return root ? findPropertyRangeInTree(root, path) : undefined;
}

export function findPropertyRangeInTree(root: Node, path: JSONPath): PropertyRanges | undefined {
  if (path.length === 0) {
    return { property: nodeRange(root), key: undefined, value: nodeRange(root) };
  }
  const valueNode = findNodeAtLocation(root, path);
  if (!valueNode) return undefined;
  const parent = valueNode.parent;
  if (parent?.type === 'property' && parent.children?.[0]) {
    return { property: nodeRange(parent), key: nodeRange(parent.children[0]), value: nodeRange(valueNode) };
  }
  return { property: nodeRange(valueNode), key: undefined, value: nodeRange(valueNode) };
}

/** The property nodes of an object node (empty for anything else). */
export function propertiesOf(node: Node | undefined): Node[] {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).filter((child) => child.type === 'property' && child.children?.length);
}

export function keyOf(property: Node): string {
  return String(property.children?.[0]?.value ?? '');
}

/** The first property with this key, with its key and value nodes. */
export function findProperty(object: Node, key: string): { property: Node; key: Node; value: Node | undefined } | undefined {
  const property = propertiesOf(object).find((p) => keyOf(p) === key);
  const keyNode = property?.children?.[0];
  if (!property || !keyNode) return undefined;
  return { property, key: keyNode, value: property.children?.[1] };
}

/** The JSON type name of a node, for messages. */
export function jsonTypeOf(node: Node): string {
  if (node.type === 'null') return 'null';
  return node.type;
}

/** Messages per jsonc-parser error name (ParseErrorCode is a const enum: keyed by its printed name). */
const PARSE_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Invalid symbol.',
  InvalidNumberFormat: 'Invalid number format.',
  PropertyNameExpected: 'Expected a property name in double quotes.',
  ValueExpected: 'Expected a value.',
  ColonExpected: 'Expected a colon.',
  CommaExpected: 'Expected a comma.',
  CloseBraceExpected: 'Expected a closing brace `}`.',
  CloseBracketExpected: 'Expected a closing bracket `]`.',
  EndOfFileExpected: 'Expected the end of the document.',
  InvalidCommentToken: 'Comments are not allowed in JSON.',
  UnexpectedEndOfComment: 'Unterminated comment.',
  UnexpectedEndOfString: 'Unterminated string.',
  UnexpectedEndOfNumber: 'Unexpected end of number.',
  InvalidUnicode: 'Invalid unicode escape sequence.',
  InvalidEscapeCharacter: 'Invalid escape character in string.',
  InvalidCharacter: 'Invalid character in string: control characters must be escaped.',
};

/** A readable message for a jsonc-parser error, e.g. "Expected a comma." */
export function parseErrorMessage(error: ParseError, text: string): string {
  const name = printParseErrorCode(error.error);
  if (
    (name === 'PropertyNameExpected' || name === 'ValueExpected') &&
    /,\s*$/.test(text.slice(0, error.offset)) &&
    /^[}\]]/.test(text.slice(error.offset))
  ) {
    return 'Trailing comma: JSON does not allow a comma before a closing bracket.';
  }
  return PARSE_ERROR_MESSAGES[name] ?? `Invalid JSON (${name}).`;
}
