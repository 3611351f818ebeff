/** What heads every report: the street's name, the period resolved by the assessment rules, the 落款 date. */
import type { AssessmentPeriod, ResolvedPeriod } from '../../../preload/contract/methods/assessment.js';
import { beijingDay } from '../../../preload/contract/time.js';
import { META_STREET_NAME, readMeta } from '../app.js';
import { readAssessmentRules, resolvePeriod } from '../assessment/index.js';
import type { ServiceContext } from '../context.js';
import { chineseDate } from './format.js';
import { REPORT_KIND, type Block, type ReportDoc, type ReportKind } from './model.js';

export interface ReportHead {
  streetName: string;
  issuedOn: string;
  resolve(p: AssessmentPeriod): ResolvedPeriod;
}

export async function reportHead(ctx: ServiceContext): Promise<ReportHead> {
  const rules = await readAssessmentRules(ctx.handle.db);
  return {
    streetName: (await readMeta(ctx, META_STREET_NAME)) ?? '未命名街道',
    issuedOn: chineseDate(beijingDay(ctx.now())),
    resolve: (p) => resolvePeriod(p, rules),
  };
}

const TITLE: Record<ReportKind, string> = { daily: '接诉即办工作日通报', weekly: '接诉即办工作周汇报', monthly: '接诉即办工作月度分析' };

export function makeDoc(head: ReportHead, kind: ReportKind, period: ResolvedPeriod, blocks: Block[]): ReportDoc {
  return {
    kind,
    streetName: head.streetName,
    title: `${head.streetName}${TITLE[kind]}`,
    subtitle: `（${period.label.replace(/（周）$/, '')}）`,
    period,
    issuedOn: head.issuedOn,
    fileName: `${REPORT_KIND.label[kind]}-${period.firstDay}至${period.lastDay}`,
    blocks,
  };
}
