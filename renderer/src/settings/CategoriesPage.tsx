/**
 * 问题分类: the three-level taxonomy — add, rename, deactivate — and on each 三级 category its default
 * time tier and its 七有五性 lens. Deactivated categories stay on old orders and in reports.
 */
import { useCallback, useState } from 'react';
import type { CategoryNode, MethodInput } from '../../../preload/api.js';
import { TIER, type Tier } from '../../../preload/contract/enums.js';
import { LIVELIHOOD_DIMENSIONS, type LivelihoodDimension } from '../../../preload/contract/methods/admin.js';
import { useApi } from '../api/ApiContext.js';
import { InlineEdit } from './InlineEdit.js';
import { attempt, useLoad } from './useLoad.js';

type Upsert = (change: MethodInput<'categories.upsert'>) => Promise<boolean>;

function AddChild({ parentPath, label, onAdd }: { parentPath: string | null; label: string; onAdd: Upsert }) {
  const [name, setName] = useState('');
  return (
    <form
      className="add-form add-form--inline"
      onSubmit={async (e) => {
        e.preventDefault();
        if (name.trim() && (await onAdd({ parentPath, name: name.trim() }))) setName('');
      }}
    >
      <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={label} aria-label={label} maxLength={30} />
      <button type="submit" className="btn btn--small" disabled={!name.trim()}>
        添加
      </button>
    </form>
  );
}

function NodeRow({ node, onUpsert, open, onToggle }: { node: CategoryNode; onUpsert: Upsert; open?: boolean; onToggle?(): void }) {
  return (
    <div className={`cat-row cat-row--l${node.level}${node.active ? '' : ' cat-row--off'}`} data-path={node.path}>
      {onToggle ? (
        <button type="button" className="cat-row__toggle" aria-expanded={open} aria-label={`${open ? '收起' : '展开'}${node.name}`} onClick={onToggle}>
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span className="cat-row__toggle" aria-hidden />
      )}
      <span className="cat-row__name">
        {node.name}
        {!node.active && <span className="tag tag--muted">已停用</span>}
      </span>
      {node.level === 3 && (
        <>
          <select aria-label={`${node.name}的默认时限档位`} value={node.defaultTier ?? ''} onChange={(e) => void onUpsert({ id: node.id, defaultTier: (e.target.value || null) as Tier | null })}>
            <option value="">默认档位：未设</option>
            {TIER.codes.map((t) => (
              <option key={t} value={t}>
                默认档位：{TIER.label[t]}
              </option>
            ))}
          </select>
          <select
            aria-label={`${node.name}的七有五性`}
            value={node.livelihoodDimension ?? ''}
            onChange={(e) => void onUpsert({ id: node.id, livelihoodDimension: (e.target.value || null) as LivelihoodDimension | null })}
          >
            <option value="">七有五性：未设</option>
            {LIVELIHOOD_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                七有五性：{d}
              </option>
            ))}
          </select>
        </>
      )}
      <span className="cat-row__actions">
        <InlineEdit value={node.name} ariaLabel={`${node.name}的新名称`} onSave={(name) => onUpsert({ id: node.id, name })} />
        <button type="button" className="btn btn--small" onClick={() => void onUpsert({ id: node.id, active: !node.active })}>
          {node.active ? '停用' : '启用'}
        </button>
      </span>
    </div>
  );
}

export function CategoriesPage() {
  const client = useApi();
  const load = useCallback(() => client.send('categories.tree', { includeInactive: true }), [client]);
  const { data, error: loadError, reload } = useLoad(load);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const upsert: Upsert = async (change) => {
    const ok = await attempt(() => client.send('categories.upsert', change), setError);
    if (ok) reload();
    return ok;
  };
  if (loadError) return <p className="page__error">{loadError}</p>;
  if (!data) return <p className="page__hint">正在读取…</p>;

  return (
    <div className="page">
      <h2 className="page__title">问题分类</h2>
      <p className="page__intro">分类分三级（一级/二级/三级）。默认时限档位和七有五性设在三级分类上：新工单按默认档位计算时限，月度分析按七有五性归类。</p>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
      <section className="card cat-tree" data-testid="category-tree">
        {data.map((l1) => (
          <div key={l1.id} className="cat-tree__l1">
            <NodeRow node={l1} onUpsert={upsert} open={open.has(l1.id)} onToggle={() => toggle(l1.id)} />
            {open.has(l1.id) && (
              <div className="cat-tree__children">
                {l1.children.map((l2) => (
                  <div key={l2.id} className="cat-tree__l2">
                    <NodeRow node={l2} onUpsert={upsert} open={open.has(l2.id)} onToggle={() => toggle(l2.id)} />
                    {open.has(l2.id) && (
                      <div className="cat-tree__children">
                        {l2.children.map((l3) => (
                          <NodeRow key={l3.id} node={l3} onUpsert={upsert} />
                        ))}
                        <AddChild parentPath={l2.path} label={`在「${l2.name}」下新增三级分类`} onAdd={upsert} />
                      </div>
                    )}
                  </div>
                ))}
                <AddChild parentPath={l1.path} label={`在「${l1.name}」下新增二级分类`} onAdd={upsert} />
              </div>
            )}
          </div>
        ))}
        <AddChild parentPath={null} label="新增一级分类" onAdd={upsert} />
      </section>
    </div>
  );
}
