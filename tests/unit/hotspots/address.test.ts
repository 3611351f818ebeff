/** The address key: one place typed many ways is one key; different places stay apart. */
import { describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../../main/services/hotspots/index.js';

describe('normalizeAddress', () => {
  it('forgives full-width characters, spaces, punctuation and a trailing 室 or 号', () => {
    const same = ['春园小区3号楼2单元501', '春园小区３号楼２单元５０１室', ' 春园小区 3号楼 2单元 501室 ', '春园小区，3号楼2单元501。', '北京市丰台区春园小区3号楼2单元501'];
    expect(new Set(same.map(normalizeAddress))).toEqual(new Set(['春园小区3号楼2单元501']));
  });

  it('reads 栋 as 号楼, 号院 as 号, and drops position words like 门前', () => {
    expect(normalizeAddress('春园小区3栋')).toBe(normalizeAddress('春园小区3号楼'));
    expect(normalizeAddress('青塔东路12号院')).toBe(normalizeAddress('青塔东路12号'));
    expect(normalizeAddress('青塔东路12号门前')).toBe(normalizeAddress('青塔东路12号'));
    expect(normalizeAddress('青塔东路与春园路交叉口附近')).toBe('青塔东路与春园路交叉口');
  });

  it('keeps what tells places apart: the room, the building, a dash between digits, a 小区 named 二区', () => {
    expect(normalizeAddress('春园小区3号楼2单元501')).not.toBe(normalizeAddress('春园小区3号楼2单元502'));
    expect(normalizeAddress('春园小区3号楼')).not.toBe(normalizeAddress('春园小区23号楼'));
    expect(normalizeAddress('春园小区3-2-501')).toBe('春园小区3-2-501');
    expect(normalizeAddress('春园小区３－２－５０１')).toBe('春园小区3-2-501');
    expect(normalizeAddress('春园二区5号楼')).toBe('春园二区5号楼');
    expect(normalizeAddress('')).toBe('');
    expect(normalizeAddress(null)).toBe('');
  });
});
