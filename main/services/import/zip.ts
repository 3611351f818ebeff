/**
 * Checks an xlsx's zip container before anything is read from it: the central directory must be there
 * and every part must inflate to exactly the size and CRC-32 the directory records. The streaming reader
 * (exceljs over unzipper) checks neither, so a damaged file could otherwise import garbage or half its
 * rows; with this check a damaged workbook is refused and nothing is written.
 *
 * Streams each part (bounded memory); costs one extra decompression, a small share of an import.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';

export class ZipDamage extends Error {}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;

async function readAt(fh: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipDamage('文件在预期位置之前结束');
  return buf;
}

function big(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipDamage('压缩包大小字段异常');
  return Number(n);
}

async function centralDirectory(fh: Awaited<ReturnType<typeof open>>, size: number): Promise<{ offset: number; length: number; count: number }> {
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipDamage('找不到压缩包目录（文件不完整）');
  let count = tail.readUInt16LE(at + 10);
  let length = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the real values are in the zip64 end record, found through its locator just before.
    const locatorAt = size - tailLength + at - 20;
    if (locatorAt < 0) throw new ZipDamage('ZIP64 目录缺失');
    const locator = await readAt(fh, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipDamage('ZIP64 目录缺失');
    const record = await readAt(fh, big(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipDamage('ZIP64 目录损坏');
    count = big(record.readBigUInt64LE(32));
    length = big(record.readBigUInt64LE(40));
    offset = big(record.readBigUInt64LE(48));
  }
  if (count > MAX_ENTRIES || offset + length > size) throw new ZipDamage('压缩包目录损坏');
  return { offset, length, count };
}

function zip64Extra(extra: Buffer, entry: Entry, need: { size: boolean; compressed: boolean; offset: boolean }): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      if (need.size) {
        entry.size = big(extra.readBigUInt64LE(p));
        p += 8;
      }
      if (need.compressed) {
        entry.compressedSize = big(extra.readBigUInt64LE(p));
        p += 8;
      }
      if (need.offset) entry.localOffset = big(extra.readBigUInt64LE(p));
      return;
    }
    i += 4 + len;
  }
}

function parseEntries(dir: Buffer, count: number): Entry[] {
  const entries: Entry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipDamage('压缩包目录损坏');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const entry: Entry = {
      method: dir.readUInt16LE(p + 10),
      crc: dir.readUInt32LE(p + 16),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
    };
    zip64Extra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry, {
      size: entry.size === 0xffffffff,
      compressed: entry.compressedSize === 0xffffffff,
      offset: entry.localOffset === 0xffffffff,
    });
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function checkEntry(path: string, fh: Awaited<ReturnType<typeof open>>, entry: Entry, fileSize: number): Promise<void> {
  const local = await readAt(fh, entry.localOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL) throw new ZipDamage(`「${entry.name}」的位置损坏`);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw new ZipDamage(`「${entry.name}」不完整`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipDamage(`「${entry.name}」使用了不支持的压缩方式`);
  if (entry.name.endsWith('/') && entry.size === 0) return;
  let crc = 0;
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      done(size > entry.size ? new ZipDamage(`「${entry.name}」的内容比记录的长`) : null);
    },
  });
  const raw = entry.compressedSize === 0 ? null : createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  try {
    if (raw) {
      if (entry.method === 8) await pipeline(raw, createInflateRaw(), sink);
      else await pipeline(raw, sink);
    }
  } catch (e) {
    if (e instanceof ZipDamage) throw e;
    throw new ZipDamage(`「${entry.name}」无法解压`);
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc >>> 0) throw new ZipDamage(`「${entry.name}」的校验和不符`);
}

/** Throws ZipDamage (with a Chinese reason) unless every part of the zip is intact. */
export async function verifyZip(path: string, signal?: AbortSignal): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const { offset, length, count } = await centralDirectory(fh, size);
    const entries = parseEntries(await readAt(fh, offset, length), count);
    for (const entry of entries) {
      if (signal?.aborted) return;
      await checkEntry(path, fh, entry, size);
    }
  } finally {
    await fh.close();
  }
}
