// The sync bench's PostgreSQL cluster (the same private cluster as the server tests), when Debian's is installed.
import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { removeCluster, startCluster, type Cluster } from '../../server/support/pg-cluster'

let cluster: Cluster | undefined

export async function setup(project: TestProject): Promise<void> {
  if (existsSync('/usr/lib/postgresql')) cluster = await startCluster()
  project.provide('pgCluster', cluster as Cluster)
}

export async function teardown(): Promise<void> {
  if (cluster) removeCluster(cluster)
}
