/**
 * ECharts, tree-shaken: only the bar and pie charts with the canvas renderer.
 * Imported dynamically by LazyChart, so it lands in its own chunk that only the
 * 统计 page loads (and the service worker precaches for offline use).
 */
import { init, use, type EChartsType } from 'echarts/core'
import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export function createChart(el: HTMLElement): EChartsType {
  return init(el, null, { renderer: 'canvas', locale: 'ZH' })
}

export type { EChartsType }
