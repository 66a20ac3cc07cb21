// The sync bench's PostgreSQL cluster (the same private cluster as the server tests), when Debian's is installed.
import { existsSync, writeFileSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { removeCluster, startCluster, type Cluster } from '../../server/support/pg-cluster'
import { RESULTS_FILE } from './report'

let cluster: Cluster | undefined

export async function setup(project: TestProject): Promise<void> {
  writeFileSync(RESULTS_FILE, JSON.stringify({ when: new Date().toISOString() }, null, 2))
  if (existsSync('/usr/lib/postgresql')) cluster = await startCluster()
  project.provide('pgCluster', cluster as Cluster)
}

export async function teardown(): Promise<void> {
  if (cluster) removeCluster(cluster)
}
