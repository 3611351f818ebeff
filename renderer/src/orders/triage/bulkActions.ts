/** The bulk actions a clerk can pick, and how each one's form becomes the contract's BulkAction. */
import type { BulkAction } from '../../../../preload/api.js';

export const BULK_KINDS = [
  { kind: 'accept', label: '签收' },
  { kind: 'assign', label: '派单（主办 / 协办）' },
  { kind: 'setDifficult', label: '疑难' },
  { kind: 'setSupervised', label: '督办' },
  { kind: 'setUnreasonable', label: '不合理诉求' },
  { kind: 'setTag', label: '每月一题' },
] as const;
export type BulkKind = (typeof BULK_KINDS)[number]['kind'];

export interface BulkForm {
  kind: BulkKind;
  on: boolean;
  leadUnitId: number | null;
  assistUnitId: number | null;
  overrideReason: string;
  reason: string;
  escalateTo: string;
  note: string;
}

export const EMPTY_FORM: BulkForm = { kind: 'accept', on: true, leadUnitId: null, assistUnitId: null, overrideReason: '', reason: '', escalateTo: '', note: '' };

/** The form as a BulkAction, or the Chinese reason it is not complete. */
export function toBulkAction(f: BulkForm): BulkAction | string {
  switch (f.kind) {
    case 'accept':
      return { kind: 'accept' };
    case 'assign':
      if (f.leadUnitId === null && f.assistUnitId === null) return '请选择主办单位或协办单位';
      return {
        kind: 'assign',
        ...(f.leadUnitId !== null ? { lead: { unitId: f.leadUnitId } } : {}),
        ...(f.assistUnitId !== null ? { assists: [{ unitId: f.assistUnitId }] } : {}),
        ...(f.overrideReason.trim() ? { overrideReason: f.overrideReason.trim() } : {}),
      };
    case 'setDifficult':
      if (f.on && (!f.reason.trim() || !f.escalateTo.trim())) return '标记疑难须填写原因和上报对象';
      return { kind: 'setDifficult', on: f.on, ...(f.on ? { reason: f.reason.trim(), escalateTo: f.escalateTo.trim() } : {}) };
    case 'setSupervised':
      return { kind: 'setSupervised', on: f.on, ...(f.note.trim() ? { note: f.note.trim() } : {}) };
    case 'setUnreasonable':
      if (f.on && !f.reason.trim()) return '标记不合理诉求须写明理由';
      return { kind: 'setUnreasonable', on: f.on, ...(f.on ? { reason: f.reason.trim() } : {}) };
    case 'setTag':
      return { kind: 'setTag', tag: 'monthly-topic', on: f.on };
  }
}
