// The compile-hint plugin: the quick log's chunks start with V8's `//# allFunctionsCalledOnLoad` after
// minification, their source maps move down one line with them, and no other chunk changes.
import { describe, expect, it } from 'vitest'
import { compileHints } from '../../../scripts/compile-hints'

type Bundle = Record<string, { type: 'chunk'; fileName: string; code: string; moduleIds: string[] } | { type: 'asset'; fileName: string; source: string }>

function run(bundle: Bundle): void {
  const plugin = compileHints(['src/composables/useQuickLog.ts'])
  const hook = plugin.generateBundle as unknown as (options: unknown, bundle: Bundle) => void
  hook.call({}, {}, bundle)
}

describe('compileHints', () => {
  it('puts the hint on the first line of the chunks that hold the listed modules, and shifts their maps', () => {
    const bundle: Bundle = {
      'assets/useQuickLog-a.js': { type: 'chunk', fileName: 'assets/useQuickLog-a.js', code: 'import"x";', moduleIds: ['/w/src/composables/useQuickLog.ts?vue'] },
      'assets/useQuickLog-a.js.map': { type: 'asset', fileName: 'assets/useQuickLog-a.js.map', source: JSON.stringify({ version: 3, mappings: 'AAAA' }) },
      'assets/index-b.js': { type: 'chunk', fileName: 'assets/index-b.js', code: 'let a=1;', moduleIds: ['/w/src/main.ts'] },
      'assets/index-b.js.map': { type: 'asset', fileName: 'assets/index-b.js.map', source: JSON.stringify({ version: 3, mappings: 'AAAA' }) },
    }
    run(bundle)
    const hinted = bundle['assets/useQuickLog-a.js']
    expect(hinted.type === 'chunk' && hinted.code).toBe('//# allFunctionsCalledOnLoad\nimport"x";')
    const map = bundle['assets/useQuickLog-a.js.map']
    expect(map.type === 'asset' && JSON.parse(map.source).mappings).toBe(';AAAA')
    const other = bundle['assets/index-b.js']
    expect(other.type === 'chunk' && other.code).toBe('let a=1;')
    const otherMap = bundle['assets/index-b.js.map']
    expect(otherMap.type === 'asset' && JSON.parse(otherMap.source).mappings).toBe('AAAA')
  })
})
