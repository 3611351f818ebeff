/** Last line of defence: a render crash shows a Chinese message and a way out, never a white page. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('界面渲染出错', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>界面出现错误</h1>
        <p>接诉台的界面遇到了意外问题，已录入的数据不受影响。请重新加载界面；如反复出现，请联系管理员。</p>
        <p className="crash__detail">{this.state.error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          重新加载界面
        </button>
      </div>
    );
  }
}
