// The value of a parse-tree node. Unlike jsonc-parser's getNodeValue, keys are defined as own
// data properties, so a `"__proto__"` key is an ordinary field, not a prototype assignment.
// Duplicate keys: the last one wins, as in JSON.parse.
import type { Node } from 'jsonc-parser';

export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? [])
          .filter((p) => p.children?.length === 2)
          .map((p) => [String(p.children![0]!.value), nodeValue(p.children![1]!)]),
      );
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
