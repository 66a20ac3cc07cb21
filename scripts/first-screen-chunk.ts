/**
 * Puts every module the entry imports statically (the first screen: Vue, the router, Dexie, 首页 …)
 * into ONE chunk. Rolldown would otherwise split the modules that lazy pages share with the entry into
 * many small common chunks: twenty requests at start and ≈ 4 KB more gzip than one file (each file is
 * compressed on its own). Lazy pages keep their own chunks and import from this one.
 */
import type { Plugin } from 'vite'

export function firstScreenChunk(): { plugin: Plugin; isFirstScreen: (id: string) => boolean } {
  const initial = new Set<string>()
  const plugin: Plugin = {
    name: 'xf-first-screen-chunk',
    apply: 'build',
    buildEnd() {
      initial.clear()
      const stack = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
      while (stack.length) {
        const id = stack.pop()!
        if (initial.has(id)) continue
        initial.add(id)
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) stack.push(dep)
      }
    },
  }
  return { plugin, isFirstScreen: (id) => initial.has(id) }
}
