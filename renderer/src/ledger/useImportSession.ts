/**
 * One import as the page drives it: get the file to the backend (upload or path), read it with a
 * progress bar, show the preview, then commit or cancel. The page names the session's token up front,
 * so 'import.progress' pushes can be followed and 取消 works before the preview has come back.
 * Cancelling at any step writes nothing: an upload is aborted, a read or a commit is stopped by the
 * backend (a commit is rolled back), a preview is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportResult, PickedImport } from '../../../preload/api.js';
import { isAppError } from '../../../preload/contract/errors.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { droppedPath, isDesktop, newImportToken, uploadFile, type Upload } from './fileTransfer.js';

export type Phase = 'upload' | 'read' | 'plan' | 'commit';

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'working'; name: string; token: string | null; phase: Phase; done: number; total: number }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'done'; result: ImportResult; name: string };

/** What runs now; a newer operation replaces it, and late answers of the old one are ignored. */
interface Operation {
  token: string | null;
  upload: Upload | null;
  cancelled: boolean;
  committing: boolean;
}

const CANCELLED = '已取消导入，未写入任何内容。';

export function useImportSession(presetName: string) {
  const client = useApi();
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const [source, setSource] = useState<PickedImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const op = useRef<Operation | null>(null);
  const stageRef = useRef(stage);
  stageRef.current = stage;
  const preset = useRef(presetName);
  preset.current = presetName;

  useEffect(
    () =>
      client.on('import.progress', (p) =>
        setStage((s) => (s.kind === 'working' && s.token === p.token ? { ...s, phase: p.phase, done: p.done, total: p.total } : s)),
      ),
    [client],
  );

  const begin = (token: string | null): Operation => {
    const previous = op.current;
    // A preview on screen is an open session in the backend: let it go before starting another.
    if (previous?.token) void client.send('import.cancel', { token: previous.token }).catch(() => undefined);
    const next: Operation = { token, upload: null, cancelled: false, committing: false };
    op.current = next;
    setError(null);
    setNotice(null);
    return next;
  };

  const fail = (o: Operation, e: unknown, what?: string) => {
    if (op.current !== o) return;
    op.current = null;
    setStage({ kind: 'idle' });
    if (o.cancelled || (isAppError(e) && e.code === 'IMPORT_CANCELLED')) setNotice(CANCELLED);
    else setError(describeError(e, what).message);
  };

  const preview = useCallback(
    async (src: PickedImport) => {
      const token = newImportToken();
      const o = begin(token);
      setSource(src);
      setStage({ kind: 'working', name: src.name, token, phase: 'read', done: 0, total: 0 });
      try {
        const p = await client.send('import.preview', { path: src.path, token, ...(preset.current ? { preset: preset.current } : {}) });
        if (op.current !== o) return;
        setStage({ kind: 'preview', preview: p });
      } catch (e) {
        fail(o, e);
      }
    },
    // begin and fail only touch refs and state setters.
    [client],
  );

  /** A file from the file input or a drop. */
  const chooseFile = useCallback(
    async (file: File) => {
      if (isDesktop()) {
        const path = droppedPath(file);
        if (!path) return setError('无法取得拖入文件的位置，请点「选择文件」选择。');
        return preview({ path, name: file.name });
      }
      const o = begin(null);
      o.upload = uploadFile(file, (loaded, total) =>
        setStage((s) => (s.kind === 'working' && s.phase === 'upload' && op.current === o ? { ...s, done: loaded, total } : s)),
      );
      setStage({ kind: 'working', name: file.name, token: null, phase: 'upload', done: 0, total: file.size });
      try {
        const src = await o.upload.done;
        if (op.current !== o) return;
        await preview(src);
      } catch (e) {
        fail(o, e, '上传失败');
      }
    },
    [preview],
  );

  /** Desktop: the system's 打开 dialog. */
  const pickWithDialog = useCallback(async () => {
    setError(null);
    try {
      const picked = await client.send('files.pickImport', {});
      if (picked) await preview(picked);
    } catch (e) {
      setError(describeError(e, '选择文件失败').message);
    }
  }, [client, preview]);

  /** The same file again (another mapping preset, or after a failure). */
  const again = useCallback(() => {
    if (source) void preview(source);
  }, [preview, source]);

  const cancel = useCallback(async () => {
    const o = op.current;
    if (!o) return;
    o.cancelled = true;
    o.upload?.abort();
    const onPreview = stageRef.current.kind === 'preview';
    if (o.token) await client.send('import.cancel', { token: o.token }).catch(() => undefined);
    // A preview has no call in flight that would report the cancel: do it here.
    if (onPreview && op.current === o) {
      op.current = null;
      setStage({ kind: 'idle' });
      setNotice(CANCELLED);
    }
  }, [client]);

  const commit = useCallback(async () => {
    if (stage.kind !== 'preview') return;
    const p = stage.preview;
    const o = op.current;
    if (!o) return;
    o.committing = true;
    setStage({ kind: 'working', name: p.file.name, token: p.token, phase: 'commit', done: 0, total: p.new + p.updated + p.unchanged });
    try {
      const result = await client.send('import.commit', { token: p.token });
      if (op.current !== o) return;
      op.current = null;
      setStage({ kind: 'done', result, name: p.file.name });
    } catch (e) {
      fail(o, e, '导入失败');
    }
  }, [client, stage]);

  const reset = useCallback(() => {
    setStage({ kind: 'idle' });
    setSource(null);
    setNotice(null);
    setError(null);
  }, []);

  // Leaving the app mid-import: nothing half-done stays behind (a running commit is left to finish).
  useEffect(
    () => () => {
      const o = op.current;
      if (o?.token && !o.committing) void client.send('import.cancel', { token: o.token }).catch(() => undefined);
      o?.upload?.abort();
    },
    [client],
  );

  return { stage, source, error, notice, setError, chooseFile, pickWithDialog, again, cancel, commit, reset };
}
