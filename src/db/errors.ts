/** Storage failures in words an official understands (the wording lives in the domain). */
export { describeStorageError, isQuotaError } from '../domain/storage-errors'
