/** Shared inputs for the export tests: the worked example as a report bundle, and a tiny zip reader. */
import { resolve } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { buildReportBundle, type ReportBundle } from '../../../src/domain/report/bundle'
import type { LedgerData } from '../../../src/domain/model/types'
import { loadLedgerFile, readJson, LEDGER_FIXTURES } from '../domain/factories'

export const EXAMPLE = resolve(LEDGER_FIXTURES, 'example-2023.xuefa.json')
export const EXPECTED = readJson<{ figures: Record<string, string> }>(resolve(LEDGER_FIXTURES, 'example-2023.expected.json'))

export function exampleData(): LedgerData {
  return loadLedgerFile(EXAMPLE)
}

export function exampleBundle(mutate?: (d: LedgerData) => void, previousData: LedgerData | null = null): ReportBundle {
  const data = exampleData()
  mutate?.(data)
  return buildReportBundle({ unitName: '示例单位', year: 2023, asOf: '2023-12-31', data, previousData })
}

/** Entries of a zip file (stored or deflated), by path. Enough for .docx/.xlsx written by our libraries. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes)
  let eocd = buf.length - 22
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip')
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10)
    const size = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen)
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(dataStart, dataStart + size)
    out.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw))
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}
