/**
 * 答复模板: reply texts per category (a template serves its category's whole subtree, or every category),
 * with {占位符} facts the reply dialog fills from the order. The palette inserts a placeholder where the
 * cursor is.
 */
import { useCallback, useRef, useState } from 'react';
import type { ReplyTemplate } from '../../../preload/api.js';
import { TEMPLATE_PLACEHOLDERS } from '../../../preload/contract/methods/admin.js';
import { useApi } from '../api/ApiContext.js';
import { formatCategory } from '../orders/format.js';
import { Field } from '../ui/Field.js';
import { ConfirmButton } from './ConfirmButton.js';
import { CategoryOptions, useCategoryOptions } from './categoryOptions.js';
import { attempt, useLoad } from './useLoad.js';

interface Draft {
  id?: number;
  title: string;
  categoryPrefix: string;
  body: string;
  sortOrder: number;
  active: boolean;
}

const EMPTY: Draft = { title: '', categoryPrefix: '', body: '', sortOrder: 0, active: true };
const toDraft = (t: ReplyTemplate): Draft => ({ id: t.id, title: t.title, categoryPrefix: t.categoryPrefix, body: t.body, sortOrder: t.sortOrder, active: t.active });

export function TemplatesPage() {
  const client = useApi();
  const load = useCallback(() => client.send('templates.list', { includeInactive: true }), [client]);
  const { data, error: loadError, reload } = useLoad(load);
  const options = useCategoryOptions();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const edit = (d: Draft | null) => {
    setDraft(d);
    setError(null);
    setSaved(null);
  };
  const insert = (name: string) => {
    if (!draft) return;
    const el = bodyRef.current;
    const at = el ? el.selectionStart : draft.body.length;
    const end = el ? el.selectionEnd : at;
    const token = `{${name}}`;
    setDraft({ ...draft, body: draft.body.slice(0, at) + token + draft.body.slice(end) });
    window.requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const save = async () => {
    if (!draft) return;
    let savedId = draft.id;
    const ok = await attempt(async () => {
      const t = await client.send('templates.upsert', { ...(draft.id ? { id: draft.id } : {}), title: draft.title, categoryPrefix: draft.categoryPrefix, body: draft.body, sortOrder: draft.sortOrder, active: draft.active });
      savedId = t.id;
    }, setError);
    if (ok) {
      setDraft({ ...draft, id: savedId });
      setSaved('已保存');
      reload();
    }
  };
  const remove = async (id: number) => {
    if (await attempt(() => client.send('templates.delete', { id }), setError)) {
      edit(null);
      reload();
    }
  };

  if (loadError) return <p className="page__error">{loadError}</p>;
  return (
    <div className="page">
      <h2 className="page__title">答复模板</h2>
      <p className="page__intro">办结时可按工单的分类选用模板，{'{占位符}'} 会换成该工单的信息。适用分类选上级分类时，其下所有分类都可使用；选「通用」则所有分类可用。</p>
      <div className="split">
        <section className="card split__side">
          <header className="card__head">
            <h3>模板（{data?.length ?? '…'}）</h3>
            <button type="button" className="btn btn--small btn--primary" onClick={() => edit({ ...EMPTY })}>
              新建模板
            </button>
          </header>
          <ul className="pick-list" data-testid="template-list">
            {data?.map((t) => (
              <li key={t.id}>
                <button type="button" className={`pick-list__item${draft?.id === t.id ? ' pick-list__item--on' : ''}`} onClick={() => edit(toDraft(t))}>
                  <span>
                    {t.title}
                    {!t.active && <span className="tag tag--muted">已停用</span>}
                  </span>
                  <span className="pick-list__meta">{t.categoryPrefix ? formatCategory(t.categoryPrefix) : '通用'}</span>
                </button>
              </li>
            ))}
          </ul>
          {data?.length === 0 && <p className="page__hint">还没有模板。</p>}
        </section>
        <section className="card split__main">
          {!draft ? (
            <p className="page__hint">选择左侧模板进行编辑，或新建模板。</p>
          ) : (
            <form
              className="template-form"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <div className="form-grid">
                <Field label="标题" required>
                  <input type="text" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} maxLength={40} />
                </Field>
                <Field label="适用分类">
                  <select value={draft.categoryPrefix} onChange={(e) => setDraft({ ...draft, categoryPrefix: e.target.value })}>
                    <option value="">通用（所有分类）</option>
                    {options && <CategoryOptions options={options} />}
                  </select>
                </Field>
                <Field label="模板内容" required wide>
                  <textarea ref={bodyRef} rows={10} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} maxLength={4000} />
                </Field>
                <Field label="排序号" hint="小的在前">
                  <input type="number" className="input--short" value={draft.sortOrder} onChange={(e) => setDraft({ ...draft, sortOrder: Math.trunc(Number(e.target.value) || 0) })} />
                </Field>
                <label className="check">
                  <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
                  启用
                </label>
              </div>
              <div className="palette" aria-label="占位符">
                <div className="palette__title">占位符（点击插入到光标处）</div>
                {Object.entries(TEMPLATE_PLACEHOLDERS).map(([name, what]) => (
                  <button key={name} type="button" className="palette__item" title={what} onClick={() => insert(name)}>
                    {`{${name}}`}
                    <span className="palette__what">{what}</span>
                  </button>
                ))}
              </div>
              {error && (
                <p className="card__error" role="alert">
                  {error}
                </p>
              )}
              <footer className="card__foot">
                {saved && <span className="card__saved">{saved}</span>}
                {draft.id && <ConfirmButton label="删除模板" confirmLabel="确认删除此模板" onConfirm={() => void remove(draft.id!)} />}
                <button type="submit" className="btn btn--primary">
                  保存模板
                </button>
              </footer>
            </form>
          )}
        </section>
      </div>
    </div>
  );
}
