/**
 * 公文 fonts and their fallbacks. Word looks a missing font up in the font
 * table and uses its `w:altName`, so a machine without 方正小标宋简体 or
 * 仿宋_GB2312 shows 宋体 / 仿宋 instead of a Latin default.
 */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体',
  pageNumber: '宋体',
} as const

interface FontEntry {
  name: string
  altName: string | null
  /** PANOSE-1 family class (w:family). */
  family: 'roman' | 'modern' | 'swiss'
  pitch: 'variable' | 'fixed'
}

export const FONT_TABLE: readonly FontEntry[] = [
  { name: '方正小标宋简体', altName: '宋体', family: 'roman', pitch: 'variable' },
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', family: 'modern', pitch: 'fixed' },
  { name: '黑体', altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', family: 'roman', pitch: 'variable' },
  { name: 'Times New Roman', altName: null, family: 'roman', pitch: 'variable' },
]

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** word/fontTable.xml naming every font the document uses, with fallbacks (GB2312 charset 86). */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map((f) => {
    const alt = f.altName === null ? '' : `<w:altName w:val="${f.altName}"/>`
    const charset = f.name === 'Times New Roman' ? '00' : '86'
    return `<w:font w:name="${f.name}">${alt}<w:charset w:val="${charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
  })
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${fonts.join('')}</w:fonts>`
}
