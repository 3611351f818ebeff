/**
 * Errors the clerk should read: every failure ends up here as one Chinese line in a dismissible banner
 * above the work area, instead of a blank screen or a silent console entry.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isAppError } from '../../../preload/contract/errors.js';

export interface ShownError {
  key: number;
  message: string;
  /** Raw detail for support staff (shown as a tooltip), never the main text. */
  detail?: string;
}

type Report = (error: unknown, what?: string) => void;

interface ErrorsState {
  report: Report;
  errors: ShownError[];
  dismiss: (key: number) => void;
}

const ErrorsContext = createContext<ErrorsState>({ report: () => {}, errors: [], dismiss: () => {} });

/** The Chinese line for any thrown value: AppError messages are already written for the clerk. */
export function describeError(error: unknown, what?: string): ShownError {
  const prefix = what ? `${what}：` : '';
  if (isAppError(error)) return { key: 0, message: `${prefix}${error.message}` };
  const detail = error instanceof Error ? error.message : String(error);
  return { key: 0, message: `${prefix}程序出现意外错误，请重试；如反复出现请联系管理员。`, detail };
}

export function ErrorsProvider({ children }: { children: ReactNode }) {
  const [errors, setErrors] = useState<ShownError[]>([]);

  const report = useCallback<Report>((error, what) => {
    const shown = describeError(error, what);
    setErrors((list) => {
      // The same failure repeating (e.g. every block of a broken page) is shown once.
      if (list.some((e) => e.message === shown.message)) return list;
      return [...list.slice(-4), { ...shown, key: Date.now() + Math.random() }];
    });
  }, []);

  useEffect(() => {
    const onError = (e: ErrorEvent) => report(e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent) => report(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [report]);

  const dismiss = useCallback((key: number) => setErrors((list) => list.filter((e) => e.key !== key)), []);
  const value = useMemo(() => ({ report, errors, dismiss }), [report, errors, dismiss]);

  return <ErrorsContext.Provider value={value}>{children}</ErrorsContext.Provider>;
}

export function useReportError(): Report {
  return useContext(ErrorsContext).report;
}

/** The banner itself; placed by the shell where the clerk looks (under the top bar). */
export function ErrorBanner() {
  const { errors, dismiss: onDismiss } = useContext(ErrorsContext);
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      {errors.map((e) => (
        <div key={e.key} className="error-banner__item" title={e.detail}>
          <span className="error-banner__icon" aria-hidden>
            !
          </span>
          <span className="error-banner__text">{e.message}</span>
          <button type="button" className="error-banner__close" onClick={() => onDismiss(e.key)} aria-label="关闭错误提示">
            关闭
          </button>
        </div>
      ))}
    </div>
  );
}
