/**
 * ECharts options of the 单位 view, as plain objects (no echarts import here):
 * large zh-CN labels, the status colours of theme.css (达标 green, 进度正常 blue, 进度滞后 orange, 未达标 red).
 */
import { formatHours } from '@/domain/model/format'
import { CATEGORY_LABELS, TARGET_STATUS_LABELS } from '@/domain/model/labels'
import { TARGET_STATUSES, TRAINING_CATEGORIES, type TargetStatus, type TrainingCategory } from '@/domain/model/types'

export type ChartOption = Record<string, unknown>

const FONT = 14
const TEXT = '#1f2023'
const MUTED = '#4b4c4f'
const STATUS_COLORS: Record<TargetStatus, string> = { met: '#16794c', onTrack: '#1a56db', behind: '#b45309', missed: '#c81e1e' }
const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']

const baseText = { fontSize: FONT, color: TEXT }

function barOption(categories: string[], values: number[], color: string, rotate = 0): ChartOption {
  return {
    animation: false,
    textStyle: { fontSize: FONT },
    grid: { left: 8, right: 12, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', textStyle: baseText, valueFormatter: (v: number) => `${formatHours(v)} 学时` },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { fontSize: FONT - 1, color: MUTED, interval: 0, rotate },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      name: '学时',
      nameTextStyle: { fontSize: FONT - 1, color: MUTED },
      axisLabel: { fontSize: FONT - 1, color: MUTED },
      minInterval: 1,
    },
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color, borderRadius: [4, 4, 0, 0] },
        barMaxWidth: 36,
        label: { show: values.length <= 6, position: 'top', fontSize: FONT, color: TEXT, formatter: (p: { value: number }) => formatHours(p.value) },
      },
    ],
  }
}

/** Attendee-hours per month; months after the as-of month are left out. */
export function monthOption(hours: readonly number[], lastMonth: number): ChartOption {
  const n = Math.max(1, Math.min(12, lastMonth))
  return barOption(MONTHS.slice(0, n), hours.slice(0, n).map((h) => Number(formatHours(h))), '#1a56db', n > 8 ? 45 : 0)
}

export function categoryOption(hours: Record<TrainingCategory, number>): ChartOption {
  return barOption(
    TRAINING_CATEGORIES.map((c) => CATEGORY_LABELS[c]),
    TRAINING_CATEGORIES.map((c) => Number(formatHours(hours[c]))),
    '#16794c',
  )
}

export function statusOption(counts: Record<TargetStatus, number>): ChartOption {
  const shown = TARGET_STATUSES.filter((s) => counts[s] > 0)
  const legendText = new Map(shown.map((s) => [TARGET_STATUS_LABELS[s], `${TARGET_STATUS_LABELS[s]} ${counts[s]} 人`]))
  return {
    animation: false,
    tooltip: { trigger: 'item', textStyle: baseText, formatter: '{b}：{c} 人（{d}%）' },
    legend: {
      bottom: 0,
      left: 'center',
      textStyle: baseText,
      itemGap: 14,
      formatter: (name: string) => legendText.get(name) ?? name,
    },
    series: [
      {
        type: 'pie',
        radius: ['36%', '70%'],
        center: ['50%', '43%'],
        data: shown.map((s) => ({ name: TARGET_STATUS_LABELS[s], value: counts[s], itemStyle: { color: STATUS_COLORS[s] } })),
        label: { position: 'inside', fontSize: FONT + 1, fontWeight: 600, color: '#fff', formatter: '{c}' },
        labelLine: { show: false },
      },
    ],
  }
}
