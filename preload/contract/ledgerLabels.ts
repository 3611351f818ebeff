/**
 * The ledger's code lists (what a spreadsheet column can mean to the importer, the exportable columns
 * and the export presets): English codes, Chinese labels. Kept apart from the zod schemas of
 * methods/ledger.ts so the import/export worker can use them without loading zod.
 */
import { labels } from './enums.js';

/** What a spreadsheet column can mean to the importer (the targets of the alias table and presets). */
export const IMPORT_FIELD = labels({
  orderNo: '工单编号',
  receivedAt: '受理时间',
  dispatchedAt: '派单时间',
  source: '诉求渠道',
  appealType: '诉求类型',
  category: '问题分类（整条路径）',
  category1: '一级分类',
  category2: '二级分类',
  category3: '三级分类',
  content: '诉求内容',
  citizenName: '诉求人',
  citizenPhone: '联系电话',
  address: '诉求地址',
  residentialArea: '小区',
  community: '社区',
  leadUnit: '主办单位',
  handleDue: '办理时限',
  platformStatus: '工单状态',
  callbackAt: '回访时间',
  callbackValid: '是否有效回访',
  callbackContacted: '是否联系',
  callbackResolved: '是否解决',
  callbackSatisfaction: '满意度',
  ignore: '（不导入）',
});
export type ImportField = (typeof IMPORT_FIELD.codes)[number];

/** Columns a ledger export can contain (the column chooser's list), in their default order. */
export const EXPORT_COLUMN = labels({
  orderNo: '工单编号',
  receivedAt: '受理时间',
  dispatchedAt: '派单时间',
  source: '诉求渠道',
  citizenName: '诉求人',
  citizenPhone: '联系电话',
  appealType: '诉求类型',
  category: '问题分类',
  category1: '一级分类',
  category2: '二级分类',
  category3: '三级分类',
  content: '诉求内容',
  address: '诉求地址',
  residentialArea: '小区',
  community: '所属社区',
  leadUnit: '承办单位',
  assistUnits: '协办单位',
  tier: '时限档位',
  firstContactDueAt: '首次联系时限',
  firstContactAt: '首次联系时间',
  handleDueAt: '办理时限',
  platformStatus: '工单状态',
  status: '街道办理状态',
  overdue: '是否超期',
  repliedAt: '办结时间',
  replyResult: '办理结果',
  replyText: '反馈内容',
  callbackAt: '回访时间',
  callbackValid: '是否有效回访',
  callbackContacted: '是否联系',
  callbackResolved: '是否解决',
  callbackSatisfaction: '满意度',
  assessed: '是否纳入考核',
  responseScore: '响应得分',
  resolutionScore: '解决得分',
  satisfactionScore: '满意得分',
});
export type ExportColumn = (typeof EXPORT_COLUMN.codes)[number];

/** Export presets: 平台格式 mirrors the platform's export (re-imports with no change); 区考核台账 adds callbacks and 三率. */
export const EXPORT_PRESET = labels({ platform: '平台格式', district: '区考核台账' });
export type ExportPreset = (typeof EXPORT_PRESET.codes)[number];
