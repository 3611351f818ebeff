/**
 * 办结: the result and the reply text reported back to the hotline. A reply template for the order's
 * category can fill the text with the order's facts (templates.render); the clerk then edits it.
 */
import { useEffect, useState } from 'react';
import type { ReplyTemplate } from '../../../preload/api.js';
import { REPLY_RESULT, type ReplyResult } from '../../../preload/contract/enums.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { Dialog } from '../ui/Dialog.js';
import { Field, optionsOf } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

export function ReplyDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const client = useApi();
  const cmd = useCommand(order, onUpdated);
  const [result, setResult] = useState<ReplyResult>('resolved');
  const [text, setText] = useState(order.replyText ?? '');
  const [templates, setTemplates] = useState<ReplyTemplate[] | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [filled, setFilled] = useState<string | null>(null);

  const { setError } = cmd;
  useEffect(() => {
    let live = true;
    client.send('templates.list', { category: order.category }).then(
      (list) => live && setTemplates(list),
      (e: unknown) => live && setError(`读取答复模板失败：${describeError(e).message}`),
    );
    return () => {
      live = false;
    };
  }, [client, order.category, setError]);

  const applyTemplate = async (id: string) => {
    setTemplateId(id);
    if (!id) return;
    try {
      const r = await client.send('templates.render', { templateId: Number(id), orderId: order.id });
      setText(r.text);
      const notes: string[] = [];
      if (r.emptyPlaceholders.length) notes.push(`本工单没有以下信息，已留空：${r.emptyPlaceholders.join('、')}`);
      if (r.unknownPlaceholders.length) notes.push(`模板中有无法识别的占位符，已原样保留：${r.unknownPlaceholders.map((p) => `{${p}}`).join('、')}`);
      setFilled(`已按模板填入答复内容，请核对修改。${notes.join('；')}`);
    } catch (e) {
      cmd.setError(`填充模板失败：${describeError(e).message}`);
    }
  };

  const submit = async () => {
    if (!text.trim()) return cmd.setError('请填写答复内容。');
    const out = await cmd.run('workflow.reply', { result, text });
    if (out) onDone({ order: out.order, notice: `工单 ${out.order.orderNo} 已办结` });
  };

  return (
    <Dialog title="办结反馈" submitLabel="办结" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('reply')} size="wide" testId="dialog-reply">
      <OrderBrief order={order} />
      <Unavailable order={order} action="reply" />
      <div className="form-grid">
        <Field label="办理结果" required>
          <select value={result} onChange={(e) => setResult(e.target.value as ReplyResult)}>
            {optionsOf(REPLY_RESULT.codes, REPLY_RESULT.label).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="答复模板" hint={templates && templates.length === 0 ? '该分类暂无答复模板（可在 设置 › 答复模板 中添加）' : '选择后按本工单信息填入答复内容'}>
          <select value={templateId} onChange={(e) => void applyTemplate(e.target.value)} disabled={!templates}>
            <option value="">{templates ? '不使用模板' : '正在读取…'}</option>
            {templates?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
                {t.categoryPrefix ? `（${t.categoryPrefix}）` : '（通用）'}
              </option>
            ))}
          </select>
        </Field>
        <Field label="答复内容" required wide hint="Enter 换行 · Ctrl+Enter 提交">
          <textarea data-multiline rows={9} value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} placeholder="向热线反馈的办理情况" />
        </Field>
      </div>
      {filled && (
        <p className="dialog__note" role="status">
          {filled}
        </p>
      )}
    </Dialog>
  );
}
