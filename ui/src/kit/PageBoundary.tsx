// Catches a page that fails to load (its chunk) or to render, and says so inside the frame, with
// 重试, instead of leaving the window blank. Keyed by the address in App.tsx, so that opening
// another page starts afresh.
import { Button, Result } from "antd";
import { Component, type ReactNode } from "react";

type State = { error: unknown };

export default class PageBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown) {
    console.error("page failed", error);
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Result
        status="warning"
        title="这个页面没有打开"
        subTitle="请点「重试」；如果仍然打不开，请关闭社联会管家后重新打开。账簿中的数据不受影响。"
        extra={
          <Button
            type="primary"
            data-testid="page-retry"
            onClick={() => this.setState({ error: null })}
          >
            重试
          </Button>
        }
      />
    );
  }
}
