/**
 * 节假日调整: the administrator's overrides of the working calendar (a day off or a working day the data
 * package does not know yet), and the year's calendar as the deadline engine will count it.
 */
import { useCallback, useState } from 'react';
import { OVERRIDE_KIND } from '../../../preload/contract/methods/settings.js';
import { beijingParts } from '../../../preload/contract/time.js';
import { useApi } from '../api/ApiContext.js';
import { Field } from '../ui/Field.js';
import { ConfirmButton } from './ConfirmButton.js';
import { YearCalendar } from './YearCalendar.js';
import { attempt, useLoad } from './useLoad.js';

type Kind = (typeof OVERRIDE_KIND.codes)[number];

export function HolidaysPage() {
  const client = useApi();
  const [year, setYear] = useState(() => beijingParts(Date.now()).year);
  const loadList = useCallback(() => client.send('holidays.list', { year }), [client, year]);
  const loadYear = useCallback(() => client.send('calendar.year', { year }), [client, year]);
  const list = useLoad(loadList);
  const cal = useLoad(loadYear);
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const reload = () => {
    list.reload();
    cal.reload();
  };
  const add = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.trim())) return setError('日期请按 YYYY-MM-DD 填写，如 2026-10-09。');
    const ok = await attempt(() => client.send('holidays.upsert', { day: day.trim(), kind, note: note.trim() || null }), setError);
    if (ok) {
      setDay('');
      setNote('');
      reload();
    }
  };
  const remove = async (d: string) => {
    if (await attempt(() => client.send('holidays.delete', { day: d }), setError)) reload();
  };

  return (
    <div className="page">
      <h2 className="page__title">节假日调整</h2>
      <p className="page__intro">工作日以国务院节假日安排为准（含调休上班日）。安排尚未收录或本地另有规定时，在此逐日调整；调整优先于安排。</p>
      <div className="toolbar">
        <label className="inline-field">
          年份
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="年份">
            {Array.from({ length: 7 }, (_, i) => beijingParts(Date.now()).year - 3 + i).map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="split">
        <section className="card split__side">
          <header className="card__head">
            <h3>{year} 年的调整</h3>
          </header>
          {list.error && <p className="page__error">{list.error}</p>}
          {list.data && list.data.length === 0 && <p className="page__hint">本年度没有调整。</p>}
          {list.data && list.data.length > 0 && (
            <table className="table" data-testid="holiday-overrides">
              <thead>
                <tr>
                  <th>日期</th>
                  <th>类型</th>
                  <th>备注</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.data.map((h) => (
                  <tr key={h.day}>
                    <td>{h.day}</td>
                    <td>{OVERRIDE_KIND.label[h.kind]}</td>
                    <td>{h.note ?? ''}</td>
                    <td className="table__actions">
                      <ConfirmButton label="删除" confirmLabel={`确认删除 ${h.day}`} onConfirm={() => void remove(h.day)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form
            className="add-form"
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <Field label="日期">
              <input type="text" value={day} onChange={(e) => setDay(e.target.value)} placeholder="2026-10-09" className="input--date" />
            </Field>
            <Field label="类型">
              <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {OVERRIDE_KIND.codes.map((k) => (
                  <option key={k} value={k}>
                    {OVERRIDE_KIND.label[k]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="备注">
              <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={50} placeholder="如：区里通知调休" />
            </Field>
            <button type="submit" className="btn btn--primary">
              添加或修改
            </button>
          </form>
          {error && (
            <p className="card__error" role="alert">
              {error}
            </p>
          )}
        </section>
        <section className="card split__main">
          <header className="card__head">
            <h3>{year} 年工作日历（预览）</h3>
          </header>
          {cal.error && <p className="page__error">{cal.error}</p>}
          {cal.data ? <YearCalendar data={cal.data} /> : !cal.error && <p className="page__hint">正在读取…</p>}
        </section>
      </div>
    </div>
  );
}
