/**
 * A refused user input. `message` is the plain zh-CN sentence the UI shows as it
 * is (what is wrong and what to do); a store throws it before any write starts.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}
