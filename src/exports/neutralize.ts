/**
 * OWASP CSV injection: a spreadsheet treats a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula. Such text is prefixed
 * with a single quote so that it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function needsNeutralising(text: string): boolean {
  return FORMULA_START.test(text)
}

export function neutralize(text: string): string {
  return needsNeutralising(text) ? `'${text}` : text
}
