/** The walk that refuses a parsed file carrying a key that could pollute prototypes (schema.ts uses it). */
type Rec = Record<string, unknown>

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

interface WalkNode {
  value: object
  key: string
  parent: WalkNode | null
}

function nodePath(node: WalkNode): string {
  const keys: string[] = []
  for (let n: WalkNode | null = node; n; n = n.parent) if (n.key !== '') keys.unshift(n.key)
  return keys.join('.') || '（顶层）'
}

/**
 * Finds an object key that could pollute prototypes (JSON.parse creates own
 * `__proto__` keys) anywhere in a parsed value; iterative, so depth is no risk.
 */
export function findForbiddenKey(root: unknown): string | null {
  if (typeof root !== 'object' || root === null) return null
  const stack: WalkNode[] = [{ value: root, key: '', parent: null }]
  while (stack.length > 0) {
    const node = stack.pop() as WalkNode
    if (Array.isArray(node.value)) {
      // Parsed arrays only have index keys: just look inside their objects.
      node.value.forEach((child: unknown, i) => {
        if (typeof child === 'object' && child !== null) stack.push({ value: child, key: String(i), parent: node })
      })
      continue
    }
    for (const key of Object.keys(node.value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return `文件中含有不允许的字段名「${key}」（位置：${nodePath(node)}），文件可能被恶意改动，为安全起见已拒绝导入。请使用学法台账直接导出的文件。`
      }
      const child = (node.value as Rec)[key]
      if (typeof child === 'object' && child !== null) stack.push({ value: child, key, parent: node })
    }
  }
  return null
}
