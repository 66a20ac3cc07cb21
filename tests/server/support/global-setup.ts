// The server suite's real PostgreSQL: one private cluster for the run, stopped and removed at the end.
import type { TestProject } from 'vitest/node'
import { removeCluster, startCluster, type Cluster } from './pg-cluster'

let cluster: Cluster | undefined

export async function setup(project: TestProject): Promise<void> {
  cluster = await startCluster()
  project.provide('pgCluster', cluster)
}

export async function teardown(): Promise<void> {
  if (cluster) removeCluster(cluster)
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgCluster: Cluster
  }
}
