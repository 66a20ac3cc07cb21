/**
 * The report's export buttons: each library (exceljs, docx) is loaded with a
 * dynamic import on first click, never with the page.
 */
import { ref, type Ref } from 'vue'
import { showToast } from 'vant'
import { reportFileName, type ReportBundle } from '@/domain/report/bundle'
import { downloadFile } from './useDownload'

export type ExportKind = 'xlsx' | 'docx' | 'csv'

async function exportOne(kind: ExportKind, b: ReportBundle): Promise<void> {
  switch (kind) {
    case 'xlsx': {
      const m = await import('@/exports/xlsx')
      downloadFile(await m.buildReportXlsx(b), reportFileName(b.unitName, b.year, 'xlsx'), m.XLSX_MIME)
      return
    }
    case 'docx': {
      const m = await import('@/exports/docx')
      downloadFile(await m.buildReportDocx(b), reportFileName(b.unitName, b.year, 'docx'), m.DOCX_MIME)
      return
    }
    case 'csv': {
      const m = await import('@/exports/csv')
      downloadFile(m.buildPersonCsvBytes(b.figures), reportFileName(b.unitName, b.year, 'csv', '年度人员明细'), m.CSV_MIME)
    }
  }
}

export function useReportExports(bundle: Ref<ReportBundle | null>) {
  const busy = ref<ExportKind | null>(null)

  async function exportAs(kind: ExportKind): Promise<void> {
    const b = bundle.value
    if (b === null || busy.value !== null) return
    busy.value = kind
    try {
      await exportOne(kind, b)
      showToast({ message: '已生成文件', type: 'success' })
    } catch (e) {
      showToast({ message: `导出失败：${e instanceof Error ? e.message : String(e)}，请重试`, type: 'fail' })
    } finally {
      busy.value = null
    }
  }

  return { busy, exportAs }
}
