/**
 * The roles a device can be in (我的 → 本机角色). Not records of the ledger file but
 * device settings; their words live here, not in model/labels.ts.
 */
export type DeviceRoleName = 'person' | 'head' | 'keeper'

export const DEVICE_ROLES: readonly DeviceRoleName[] = ['person', 'head', 'keeper']

export const DEVICE_ROLE_LABELS: Record<DeviceRoleName, string> = {
  person: '个人',
  head: '股室负责人',
  keeper: '台账管理员',
}

export const DEVICE_ROLE_HINTS: Record<DeviceRoleName, string> = {
  person: '记录和查看自己的学习情况',
  head: '另可查看本股室人员的完成情况',
  keeper: '管理名册、组织学习、考试和考核指标（需 PIN）',
}
