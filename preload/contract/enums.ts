/**
 * The glossary's enumerations (DESIGN §1–2): stored and sent as English codes, shown as Chinese labels.
 * One list per concept, so the database, the API schema and the UI cannot drift apart.
 */
/** A code list: the English codes, and the Chinese label of each. */
export function labels<const T extends Record<string, string>>(map: T) {
  return { codes: Object.keys(map) as Array<keyof T & string>, label: map } as const;
}

export const ORDER_STATUS = labels({
  received: '待签收',
  objecting: '异议审核中',
  returned: '已退回',
  in_progress: '办理中',
  replied: '已办结',
  callback_done: '已回访',
});
export type OrderStatus = (typeof ORDER_STATUS.codes)[number];

export const SOURCE = labels({
  hotline: '12345热线',
  online: '网上平台',
  leader_mailbox: '领导信箱',
  proactive: '主动发现',
  other: '其他',
});
export type Source = (typeof SOURCE.codes)[number];

export const APPEAL_TYPE = labels({
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggest: '建议',
  praise: '表扬',
  other: '其他',
});
export type AppealType = (typeof APPEAL_TYPE.codes)[number];

export const TIER = labels({
  urgent: '紧急',
  utility: '24小时',
  general: '一般',
  complex: '复杂',
});
export type Tier = (typeof TIER.codes)[number];

export const CONTACT_METHOD = labels({ phone: '电话', visit: '上门', sms: '短信', other: '其他' });
export type ContactMethod = (typeof CONTACT_METHOD.codes)[number];

export const REPLY_RESULT = labels({
  resolved: '已解决',
  partial: '部分解决',
  unresolved: '未解决',
  untrue: '不属实',
  other: '其他',
});
export type ReplyResult = (typeof REPLY_RESULT.codes)[number];

export const CALLBACK_RESOLUTION = labels({ resolved: '已解决', partial: '部分解决', unresolved: '未解决' });
export type CallbackResolution = (typeof CALLBACK_RESOLUTION.codes)[number];

export const SATISFACTION = labels({ satisfied: '满意', basic: '基本满意', unsatisfied: '不满意', none: '未评价' });
export type Satisfaction = (typeof SATISFACTION.codes)[number];

export const UNIT_KIND = labels({ community: '社区', department: '科室' });
export type UnitKind = (typeof UNIT_KIND.codes)[number];
