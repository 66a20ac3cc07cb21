// Writes tests/fixtures/db/v<N>.json: a snapshot of schema version N (default: the current one) filled from the
// demo ledger. Run once when a new Dexie version() ships (npm run fixtures:db); commit the file and never regenerate
// a shipped one: the migration test upgrades every old snapshot to the current schema.
import { writeFileSync } from 'node:fs'
import { createServer } from 'vite'

const server = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } })
try {
  const { generateDemoLedger } = await server.ssrLoadModule('/src/domain/demo/ledger.ts')
  const { projectRegisters } = await server.ssrLoadModule('/src/domain/access/registers.ts')
  const db = await server.ssrLoadModule('/src/db/database.ts')
  const { LedgerDB } = db
  const version = Number(process.argv[2] ?? new LedgerDB('fixture-probe', { autoOpen: false }).verno)
  if (!db.SCHEMAS[version]) throw new Error(`no schema version ${version}`)
  const demo = generateDemoLedger({ today: '2026-11-22', persons: 12, seed: 7, deviceId: 'fixture' })
  // Version 4 added the registers: a device that imported a 发布 holds some.
  const registers = version >= 4 ? projectRegisters(demo.records, { reviewsFrom: '2025-01-01' }) : {}
  const fixture = {
    version,
    schema: db.SCHEMAS[version],
    tables: { ...demo.records, ...registers },
    meta: [
      { key: 'unit', value: demo.unit },
      { key: 'deviceId', value: 'd-fixture' },
      { key: 'hlc', value: { wallMs: Date.UTC(2026, 10, 22), counter: 0 } },
      { key: 'identity', value: demo.records.persons[0].id },
      { key: 'deviceRole', value: 'keeper' },
      ...(version >= 4 ? [{ key: 'heldScopes', value: [{ scope: { role: 'keeper' }, asOf: '2026-11-22T00:00:00.000Z', source: 'local' }] }] : []),
    ],
    ...(version >= 3 ? { outbox: [{ key: `persons/${demo.records.persons[0].id}`, table: 'persons', id: demo.records.persons[0].id, updatedAt: demo.records.persons[0].updatedAt }] } : {}),
  }
  const path = `tests/fixtures/db/v${version}.json`
  writeFileSync(path, JSON.stringify(fixture))
  console.log(`wrote ${path}`)
} finally {
  await server.close()
}
