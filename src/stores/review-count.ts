/**
 * How many 自报 records wait for the keeper (首页's 自报审核 shortcut): a count through the `review` index,
 * not the review page's list (which 首页 does not load).
 */
import { defineStore } from 'pinia'
import { countSelfReported, getDb } from '@/db'
import { liveData } from './live'

export const useReviewCountStore = defineStore('review-count', () => {
  const waiting = liveData(() => countSelfReported(getDb()), 0)
  return { count: waiting.data, isLoaded: waiting.isLoaded }
})
