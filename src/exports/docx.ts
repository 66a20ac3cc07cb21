/**
 * The study / training / exam section of the annual report as .docx in 公文
 * layout (GB/T 9704): A4; margins top 37, bottom 35, left 28, right 26 mm;
 * title 方正小标宋简体 (fallback 宋体) 2号; body 仿宋_GB2312 (fallback 仿宋) 3号,
 * first line indented two characters, exact 29 pt lines; headings 黑体 / 楷体
 * 3号. The docx library is loaded on first use.
 */
import type { Document as DocxDocument, Paragraph as DocxParagraph, Table as DocxTable } from 'docx'
import { formatZhDate, periodEnd } from '../domain/model/dates'
import { TARGET_STATUS_LABELS, ruleTitle } from '../domain/model/labels'
import { displayLawName } from '../domain/model/laws'
import type { ReportBundle } from '../domain/report/bundle'
import { REPORT_TEXT } from '../domain/report/labels'
import { FIGURE_GROUPS, figure, printWithUnit } from '../domain/report/registry'
import { targetDetail } from '../domain/report/targets'
import { DOCX_FONTS, fontTableXml } from './docx-fonts'

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

type Docx = typeof import('docx')

/** mm → twips (1 inch = 25.4 mm = 1440 twips). */
export const mmToTwip = (mm: number): number => Math.round((mm / 25.4) * 1440)

/** The page of GB/T 9704, in twips. */
export const GONGWEN_PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mmToTwip(37), bottom: mmToTwip(35), left: mmToTwip(28), right: mmToTwip(26) },
} as const

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE = { er: 44, san: 32, si: 28 } as const
/** Exact body line height: 29 pt. */
const LINE = 580
/** Two characters of 3号 (2 × 16 pt). */
const INDENT_2 = 640

function font(eastAsia: string) {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' }
}

function makeBuilders(d: Docx) {
  const exact = { line: LINE, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 }
  const run = (text: string, fontName: string, size: number = SIZE.san, bold = false) =>
    new d.TextRun({ text, font: font(fontName), size, bold, language: { eastAsia: 'zh-CN' } })
  return {
    title: (text: string) =>
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        spacing: { line: 760, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
        children: [run(text, DOCX_FONTS.title, SIZE.er)],
      }),
    centered: (text: string, fontName: string) =>
      new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: exact, children: [run(text, fontName)] }),
    blank: () => new d.Paragraph({ spacing: exact, children: [run('', DOCX_FONTS.body)] }),
    body: (text: string) =>
      new d.Paragraph({
        alignment: d.AlignmentType.JUSTIFIED,
        spacing: exact,
        indent: { firstLine: INDENT_2, firstLineChars: 200 },
        children: [run(text, DOCX_FONTS.body)],
      }),
    heading: (text: string, level: 1 | 2) =>
      new d.Paragraph({
        spacing: exact,
        indent: { firstLine: INDENT_2, firstLineChars: 200 },
        keepNext: true,
        children: [run(text, level === 1 ? DOCX_FONTS.heading1 : DOCX_FONTS.heading2)],
      }),
    cell: (text: string, opts: { bold?: boolean; center?: boolean; span?: number; shade?: boolean; keepNext?: boolean } = {}) =>
      new d.TableCell({
        columnSpan: opts.span,
        verticalAlign: d.VerticalAlign.CENTER,
        shading: opts.shade ? { type: d.ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } : undefined,
        margins: { left: 80, right: 80, top: 40, bottom: 40 },
        children: [
          new d.Paragraph({
            alignment: opts.center ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
            keepNext: opts.keepNext ?? false,
            children: [run(text, DOCX_FONTS.body, SIZE.si, opts.bold ?? false)],
          }),
        ],
      }),
  }
}
type Builders = ReturnType<typeof makeBuilders>

function figuresTable(d: Docx, k: Builders, b: ReportBundle): DocxTable {
  const withPrev = b.previous !== null
  const cols = withPrev ? 3 : 2
  const prevHeader = b.previousIsFullYear ? REPORT_TEXT.previousFull : REPORT_TEXT.previousSamePeriod
  const header = [REPORT_TEXT.figure, REPORT_TEXT.value, ...(withPrev ? [prevHeader] : [])]
  const rows = [new d.TableRow({ tableHeader: true, children: header.map((h) => k.cell(h, { bold: true, center: true, shade: true })) })]
  for (const g of FIGURE_GROUPS) {
    rows.push(new d.TableRow({ cantSplit: true, children: [k.cell(g.title, { bold: true, span: cols, shade: true, keepNext: true })] }))
    for (const key of g.keys) {
      const cells = [k.cell(figure(key).label), k.cell(printWithUnit(key, b.figures.printed[key]), { center: true })]
      if (b.previous !== null) cells.push(k.cell(printWithUnit(key, b.previous.printed[key]), { center: true }))
      rows.push(new d.TableRow({ cantSplit: true, children: cells }))
    }
  }
  const text = GONGWEN_PAGE.width - GONGWEN_PAGE.margin.left - GONGWEN_PAGE.margin.right
  const widths = withPrev ? [Math.round(text * 0.5), Math.round(text * 0.25), Math.round(text * 0.25)] : [Math.round(text * 0.6), Math.round(text * 0.4)]
  return new d.Table({ rows, width: { size: text, type: d.WidthType.DXA }, columnWidths: widths, alignment: d.AlignmentType.CENTER })
}

function targetLines(b: ReportBundle): string[] {
  return b.figures.targets.results.map(
    (r, i) => `${i + 1}. ${ruleTitle(r.rule)}：${targetDetail(r)}，${TARGET_STATUS_LABELS[r.status]}。`,
  )
}

/** 《宪法》 first, then the most studied (lawsStudiedIn's order); names only — how often is on the report page. */
function lawsLine(b: ReportBundle): string {
  const laws = b.figures.lawsStudied
  if (laws.length === 0) return `${b.year}年度暂无学习法律法规记录。`
  const items = laws.map((l) => `《${displayLawName(l.title)}》`)
  return `${b.year}年度共学习法律法规${b.figures.printed.lawsStudiedCount}部：${items.join('')}。`
}

function bodyChildren(d: Docx, k: Builders, b: ReportBundle): (DocxParagraph | DocxTable)[] {
  const out: (DocxParagraph | DocxTable)[] = [
    k.title(`${b.unitName}${b.year}年度${REPORT_TEXT.reportTitle}`),
    k.centered(`（${REPORT_TEXT.asOfPrefix}${formatZhDate(periodEnd(b.year, b.asOf))}）`, DOCX_FONTS.heading2),
    k.blank(),
    k.heading(REPORT_TEXT.headingSituation, 1),
    k.body(b.draft),
    k.heading(REPORT_TEXT.headingFigures, 1),
    k.heading(REPORT_TEXT.headingFiguresTable, 2),
    figuresTable(d, k, b),
    k.blank(),
  ]
  const targets = targetLines(b)
  if (targets.length > 0) {
    out.push(k.heading(REPORT_TEXT.headingTargets, 2))
    out.push(k.body(`${b.year}年度考核指标${b.figures.printed.targetsTotal}项，已完成${b.figures.printed.targetsMet}项。`))
    for (const t of targets) out.push(k.body(t))
  }
  out.push(k.heading(REPORT_TEXT.headingLaws, 1), k.body(lawsLine(b)))
  return out
}

function footer(d: Docx) {
  const pn = (children: (string | typeof d.PageNumber.CURRENT)[]) =>
    new d.TextRun({ children, font: font(DOCX_FONTS.pageNumber), size: SIZE.si })
  return new d.Footer({
    children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [pn(['— ', d.PageNumber.CURRENT, ' —'])] })],
  })
}

export async function loadDocx(): Promise<Docx> {
  return import('docx')
}

export async function buildReportDocument(b: ReportBundle): Promise<DocxDocument> {
  const d = await loadDocx()
  const k = makeBuilders(d)
  return new d.Document({
    creator: '学法台账',
    title: `${b.unitName}${b.year}年度${REPORT_TEXT.reportTitle}`,
    styles: { default: { document: { run: { font: font(DOCX_FONTS.body), size: SIZE.san } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: GONGWEN_PAGE.width, height: GONGWEN_PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { ...GONGWEN_PAGE.margin, header: 851, footer: 992 },
          },
        },
        footers: { default: footer(d) },
        children: bodyChildren(d, k, b),
      },
    ],
  })
}

/** The .docx file bytes. */
export async function buildReportDocx(b: ReportBundle): Promise<Uint8Array> {
  const d = await loadDocx()
  const doc = await buildReportDocument(b)
  const overrides = [{ path: 'word/fontTable.xml', data: fontTableXml() }]
  return new Uint8Array(await d.Packer.toArrayBuffer(doc, false, overrides))
}
