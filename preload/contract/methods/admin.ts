/**
 * Contract methods of the street's reference data, as the administrator keeps it: units and their duty
 * lists (Art. 17), staff, the category taxonomy, reply templates, routing rules, and the lead suggestion
 * that uses all of them.
 */
import { z } from 'zod';
import { TIER, UNIT_KIND } from '../enums.js';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';
import { Unit } from './app.js';

/** 七有五性: Beijing's livelihood lenses a category maps to (DESIGN §1 ⚙: the mapping is per leaf). */
export const LIVELIHOOD_DIMENSIONS = [
  '幼有所育', '学有所教', '劳有所得', '病有所医', '老有所养', '住有所居', '弱有所扶',
  '便利性', '宜居性', '多样性', '公正性', '安全性',
] as const;
export type LivelihoodDimension = (typeof LIVELIHOOD_DIMENSIONS)[number];

const name = (what: string, max: number) =>
  z.string({ error: `${what}必须是文字` }).trim().min(1, `${what}不能为空`).max(max, `${what}最多 ${max} 字`);
/** A category path '一级/二级/三级' (or a prefix of one). */
const CategoryPath = z
  .string({ error: '分类必须是文字' })
  .trim()
  .min(1, '分类不能为空')
  .max(200, '分类路径过长')
  .refine((p) => p.split('/').every((part) => part.trim() !== ''), '分类路径格式应为 一级/二级/三级');
const Flag = z.boolean({ error: '应为“是”或“否”' });

// ---- units and staff -----------------------------------------------------------------------

export const AdminUnit = Unit.extend({
  active: z.boolean(),
  /** Category paths (prefixes) this unit may lead. */
  duties: z.array(z.string()),
  staffCount: z.number().int().nonnegative(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

export const Staff = z.object({
  id,
  name: z.string(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;

const Phone = z.string().trim().regex(/^[0-9+\-\s]{3,20}$/, '电话号码格式不正确').nullable();
const atLeastOne = (keys: string[]) => (o: Record<string, unknown>) => keys.some((k) => o[k] !== undefined);

// ---- taxonomy ------------------------------------------------------------------------------

export const CategoryNode = z.object({
  id,
  path: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(3),
  active: z.boolean(),
  defaultTier: z.enum(TIER.codes).nullable(),
  /** Free text on output: databases may hold historic values outside LIVELIHOOD_DIMENSIONS. */
  livelihoodDimension: z.string().nullable(),
  sortOrder: z.number().int(),
});
export type CategoryNode = z.infer<typeof CategoryNode>;
export const CategoryLevel2 = CategoryNode.extend({ children: z.array(CategoryNode) });
export const CategoryLevel1 = CategoryNode.extend({ children: z.array(CategoryLevel2) });
export type CategoryLevel1 = z.infer<typeof CategoryLevel1>;
export type CategoryLevel2 = z.infer<typeof CategoryLevel2>;

export const CategoryUpsert = z
  .object({
    /** Absent: create a node under `parentPath` (null = a new 一级 category). */
    id: id.optional(),
    parentPath: CategoryPath.nullable().optional(),
    name: name('分类名称', 30).refine((n) => !n.includes('/'), '分类名称不能包含“/”').optional(),
    active: Flag.optional(),
    defaultTier: z.enum(TIER.codes, { error: '时限档位只能是紧急、24小时、一般或复杂' }).nullable().optional(),
    livelihoodDimension: z.enum(LIVELIHOOD_DIMENSIONS, { error: '请从七有五性中选择' }).nullable().optional(),
    sortOrder: z.number().int().optional(),
  })
  .strict()
  .refine((c) => c.id !== undefined || (c.name !== undefined && c.parentPath !== undefined), {
    error: '新建分类需要名称和上级分类（一级分类的上级为空）',
  })
  .refine((c) => c.id === undefined || c.parentPath === undefined, { error: '分类不能移动到其他上级，只能改名' });

// ---- reply templates -----------------------------------------------------------------------

/** The facts a template may use, written {名称} in its body; the UI offers them as a palette. */
export const TEMPLATE_PLACEHOLDERS = {
  工单编号: '热线工单编号',
  受理时间: '热线受理（来电）时间',
  派单时间: '派单到街道的时间',
  诉求人: '诉求人姓名（按脱敏规则显示）',
  联系电话: '联系电话（脱敏）',
  诉求类型: '咨询、投诉等',
  问题分类: '三级分类的最末级名称',
  分类路径: '完整分类路径',
  地址: '问题地址',
  小区: '小区或道路',
  社区: '所属社区',
  主办单位: '主办单位名称',
  协办单位: '协办单位名称（顿号分隔）',
  办理时限: '办理截止时间',
  办结日期: '办结日期（未办结时为今天）',
  今天: '今天的日期',
  街道: '本街道名称',
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

export const ReplyTemplate = z.object({
  id,
  /** '' = every category; otherwise a category path whose subtree the template serves. */
  categoryPrefix: z.string(),
  title: z.string(),
  body: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  updatedAt: epochMs,
});
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;

export const RenderedTemplate = z.object({
  text: z.string(),
  /** {名称} the template uses that are not facts: left in the text as written. */
  unknownPlaceholders: z.array(z.string()),
  /** Known facts this order does not have (no 小区, no lead yet): rendered as an empty string. */
  emptyPlaceholders: z.array(z.string()),
});
export type RenderedTemplate = z.infer<typeof RenderedTemplate>;

// ---- routing and suggestion ----------------------------------------------------------------

export const RoutingRule = z.object({
  id,
  categoryPrefix: z.string(),
  unitId: id,
  unitName: z.string(),
  unitKind: z.enum(UNIT_KIND.codes),
  unitActive: z.boolean(),
  note: z.string().nullable(),
  updatedAt: epochMs,
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const LeadSuggestion = z.object({
  unitId: id,
  unitName: z.string(),
  unitKind: z.enum(UNIT_KIND.codes),
  /** Every reason joined for display: "该小区近30天12件由六营门社区主办；按分类规则：…". */
  reason: z.string(),
  reasons: z.array(z.string()),
  /** Relative strength, for ordering only. */
  score: z.number().nonnegative(),
  /** A community outside its duty list: listed after the others; choosing it needs a written reason (Art. 17). */
  outsideDuty: z.boolean(),
});
export type LeadSuggestion = z.infer<typeof LeadSuggestion>;

const deleted = z.object({ id, deleted: z.literal(true) });

export const adminMethods = {
  'units.listAll': method(z.object({ kind: z.enum(UNIT_KIND.codes).optional() }).strict(), z.array(AdminUnit), '社区与科室管理列表（含停用的、职责清单）'),
  'units.create': method(
    z.object({ kind: z.enum(UNIT_KIND.codes, { error: '单位类型只能是社区或科室' }), name: name('单位名称', 30) }).strict(),
    AdminUnit,
    '新增社区或科室',
  ),
  'units.update': method(
    z.object({ id, name: name('单位名称', 30).optional(), active: Flag.optional() }).strict().refine(atLeastOne(['name', 'active']), { error: '没有要修改的内容' }),
    AdminUnit,
    '改名、停用或启用社区或科室',
  ),
  'units.reorder': method(
    z.object({ kind: z.enum(UNIT_KIND.codes), ids: z.array(id).min(1, '排序列表不能为空').max(500) }).strict(),
    z.array(AdminUnit),
    '调整社区或科室的显示顺序',
  ),
  'units.setDuties': method(
    z.object({ unitId: id, paths: z.array(CategoryPath).max(300, '职责清单最多 300 项') }).strict(),
    AdminUnit,
    '设置单位的职责清单（可主办的分类）',
  ),
  'staff.list': method(z.object({ unitId: id.optional(), includeInactive: z.boolean().optional() }).strict(), z.array(Staff), '工作人员列表'),
  'staff.create': method(z.object({ name: name('姓名', 20), unitId: id, phone: Phone.optional() }).strict(), Staff, '新增工作人员'),
  'staff.update': method(
    z
      .object({ id, name: name('姓名', 20).optional(), unitId: id.optional(), phone: Phone.optional(), active: Flag.optional() })
      .strict()
      .refine(atLeastOne(['name', 'unitId', 'phone', 'active']), { error: '没有要修改的内容' }),
    Staff,
    '修改、调动或停用工作人员',
  ),
  'categories.tree': method(z.object({ includeInactive: z.boolean().optional() }).strict(), z.array(CategoryLevel1), '问题分类树'),
  'categories.upsert': method(CategoryUpsert, CategoryNode, '新增、改名、停用分类，或设置末级分类的默认时限档位与七有五性'),
  'templates.list': method(
    z.object({ category: z.string().max(200).optional(), includeInactive: z.boolean().optional() }).strict(),
    z.array(ReplyTemplate),
    '答复模板列表（给出分类时只列适用的，最具体的在前）',
  ),
  'templates.upsert': method(
    z
      .object({
        id: id.optional(),
        categoryPrefix: z.union([z.literal(''), CategoryPath]),
        title: name('模板标题', 40),
        body: name('模板内容', 4000),
        sortOrder: z.number().int().optional(),
        active: Flag.optional(),
      })
      .strict(),
    ReplyTemplate,
    '新增或修改答复模板',
  ),
  'templates.delete': method(z.object({ id }).strict(), deleted, '删除答复模板'),
  'templates.render': method(z.object({ templateId: id, orderId: id }).strict(), RenderedTemplate, '用工单信息填充答复模板'),
  'routing.list': method(z.object({}).strict(), z.array(RoutingRule), '分类派单规则列表'),
  'routing.upsert': method(
    z.object({ id: id.optional(), categoryPrefix: CategoryPath, unitId: id, note: z.string().trim().max(100, '备注最多 100 字').nullable().optional() }).strict(),
    RoutingRule,
    '新增或修改分类派单规则（分类 → 建议主办单位）',
  ),
  'routing.delete': method(z.object({ id }).strict(), deleted, '删除分类派单规则'),
  'orders.suggestLead': method(z.object({ orderId: id }).strict(), z.array(LeadSuggestion), '建议主办单位（按小区历史、分类规则、职责清单），附理由'),
} as const;
