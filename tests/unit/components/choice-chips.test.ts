// @vitest-environment happy-dom
// ChoiceChips, the app's one radio group: radios with aria-checked, disabled choices, and the list layout with hints.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ChoiceChips from '@/components/common/ChoiceChips.vue'

const options = [
  { value: 'a', label: '甲', hint: '第一项', testid: 'c-a' },
  { value: 'b', label: '乙', hint: '第二项', testid: 'c-b' },
  { value: 'c', label: '丙', disabled: true, testid: 'c-c' },
]

describe('ChoiceChips', () => {
  it('is a radio group whose checked radio is the model value', () => {
    const w = mount(ChoiceChips, { props: { modelValue: 'b', options, label: '选择' } })
    expect(w.get('[role="radiogroup"]').attributes('aria-label')).toBe('选择')
    expect(w.findAll('[role="radio"]').map((r) => r.attributes('aria-checked'))).toEqual(['false', 'true', 'false'])
  })

  it('emits the value tapped, never a disabled one', async () => {
    const w = mount(ChoiceChips, { props: { modelValue: 'b', options, label: '选择' } })
    await w.get('[data-testid="c-a"]').trigger('click')
    await w.get('[data-testid="c-c"]').trigger('click')
    expect(w.emitted('update:modelValue')).toEqual([['a']])
  })

  it('shows each choice with its hint in the list layout', () => {
    const w = mount(ChoiceChips, { props: { modelValue: 'a', options, label: '选择', layout: 'list' } })
    expect(w.get('[data-testid="c-a"] .chip__label').text()).toBe('甲')
    expect(w.get('[data-testid="c-b"] .chip__hint').text()).toBe('第二项')
    expect(w.get('[data-testid="c-a"]').classes()).toContain('chip--on')
  })
})
