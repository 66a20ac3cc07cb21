// What a record shows about its review: 未提交 / 待核实 / 已核实 / 退回 (with the reason).
import { describe, expect, it } from 'vitest'
import { recordReview } from '../../../../src/domain/views/record-review'
import { activity } from '../factories'

const PHONE = { isKeeper: false, deviceId: 'phone', lastSubmitStamp: '2024-05-01T00:10:00.000Z_0000_phone' }
const at = (m: number, dev: string) => `2024-05-01T00:${String(m).padStart(2, '0')}:00.000Z_0000_${dev}`
const mine = (over = {}) => activity({ kind: 'self', attendees: ['ann'], review: 'selfReported', updatedAt: at(5, 'phone'), ...over })

describe('an official\'s own records', () => {
  it('are 未提交 until a 提交 file went out after their last edit, then 待核实', () => {
    expect(recordReview(mine({ updatedAt: at(20, 'phone') }), PHONE)?.label).toBe('未提交')
    expect(recordReview(mine(), PHONE)?.label).toBe('待核实')
    expect(recordReview(mine(), { ...PHONE, lastSubmitStamp: null })?.label).toBe('未提交')
  })

  it('show the keeper\'s 已核实 and 退回 with the reason', () => {
    expect(recordReview(mine({ review: 'verified' }), PHONE)).toEqual({ mark: 'verified', label: '已核实', note: null })
    expect(recordReview(mine({ review: 'returned', reviewNote: '证明不符' }), PHONE)).toEqual({ mark: 'returned', label: '退回', note: '证明不符' })
  })

  it('made before version 2 (no review state) count as hers too', () => {
    expect(recordReview(mine({ review: undefined, updatedAt: at(20, 'phone') }), PHONE)?.label).toBe('未提交')
  })
})

describe('other records', () => {
  it('show nothing for group sessions and for records the keeper entered', () => {
    expect(recordReview(activity({ kind: 'collective', attendees: ['ann'] }), PHONE)).toBeNull()
    expect(recordReview(mine({ review: undefined, updatedAt: at(1, 'keeper') }), PHONE)).toBeNull()
  })

  it('show 待核实 on the keeper\'s device for 自报 records', () => {
    const keeper = { isKeeper: true, deviceId: 'keeper', lastSubmitStamp: null }
    expect(recordReview(mine(), keeper)?.label).toBe('待核实')
    expect(recordReview(mine({ review: undefined }), keeper)).toBeNull()
  })
})
