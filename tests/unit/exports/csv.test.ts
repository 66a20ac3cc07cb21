// The per-person CSV: BOM, RFC 4180 quoting, CRLF, neutralised formula-like text, same cells as the page.
import { describe, expect, it } from 'vitest'
import { buildPersonCsv, buildPersonCsvBytes, csvField, toCsv } from '../../../src/exports/csv'
import { cellText, personTable } from '../../../src/domain/report/table'
import { PERSON_TABLE_HEADERS } from '../../../src/domain/report/labels'
import { exampleBundle } from './support'

/** Minimal RFC 4180 parser for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') { row.push(field); field = '' }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++ }
    else field += ch
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row) }
  return rows
}

describe('csv', () => {
  it('starts with the UTF-8 BOM bytes and ends lines with CRLF', () => {
    const bytes = buildPersonCsvBytes(exampleBundle().figures)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.startsWith('\uFEFF序号,姓名,')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('他说"好"')).toBe('"他说""好"""')
    expect(csvField('两\n行')).toBe('"两\n行"')
    expect(csvField('plain')).toBe('plain')
    expect(csvField(35.25)).toBe('35.3')
    expect(toCsv(['h'], [['x,y'], ['z']])).toBe('\uFEFFh\r\n"x,y"\r\nz\r\n')
  })

  it('neutralises formula-like text before quoting', () => {
    expect(csvField('=1+2')).toBe("'=1+2")
    expect(csvField('@cmd')).toBe("'@cmd")
    expect(csvField('-x,y')).toBe('"\'-x,y"')
    expect(csvField('\t=x')).toBe("'\t=x")
    expect(csvField('\r=x')).toBe('"\'\r=x"')
  })

  it('holds exactly the page table, row by row, with hostile names neutralised', () => {
    const b = exampleBundle((d) => {
      d.persons[0] = { ...d.persons[0], name: '=HYPERLINK("http://evil","点我"),甲' }
    })
    const rows = parseCsv(buildPersonCsv(b.figures).slice(1))
    const table = personTable(b.figures)
    expect(rows[0]).toEqual([...PERSON_TABLE_HEADERS])
    expect(rows).toHaveLength(table.rows.length + 1)
    const hostile = rows.find((r) => r[1].includes('HYPERLINK'))!
    expect(hostile[1]).toBe('\'=HYPERLINK("http://evil","点我"),甲')
    table.rows.forEach((r, i) => {
      const expected = r.map(cellText).map((t) => (t.startsWith('=') ? `'${t}` : t))
      expect(rows[i + 1]).toEqual(expected)
    })
  })

  it('lists the example persons with their hours, status and 执法证号', () => {
    const withCert = exampleBundle((d) => (d.persons = d.persons.map((p) => (p.name === '丙' ? { ...p, certNo: '44010020230003' } : p))))
    const rows = parseCsv(buildPersonCsv(withCert.figures).slice(1))
    const byName = new Map(rows.slice(1).map((r) => [r[1], r]))
    expect([...byName.keys()].sort()).toEqual(['丁', '丙', '乙', '戊', '甲'].sort())
    expect(byName.get('丙')![7]).toBe('15.5')
    expect(byName.get('丙')![8]).toBe('达标')
    expect(byName.get('丙')![11]).toBe('执法证持证人员')
    expect(byName.get('丙')![12]).toBe('44010020230003') // 执法证号
    expect(byName.get('乙')![12]).toBe('')
    expect(byName.get('丁')![13]).toContain('调出')
  })
})
