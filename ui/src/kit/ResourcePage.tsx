// The frame of a page that shows what one query loaded: the title card, a skeleton while the answer
// is awaited, the refusal in Chinese if there is one, and an honest empty state (what is missing and
// where to add it) when there is nothing to show yet. The content is a function so that it is only
// built once there is something to build it from.
import { Alert, Card, Empty, Skeleton } from "antd";
import type { ReactNode } from "react";
import { errorMessage } from "../ipc";

export interface ResourcePageProps {
  title: ReactNode;
  testId?: string;
  /** The card's header corner: a picker, an action. */
  extra?: ReactNode;
  /** The query the page stands on. */
  query: { isPending: boolean; isError: boolean; error: unknown };
  /** What the page says instead of its content when there is nothing to show; null when there is. */
  empty?: ReactNode;
  children: () => ReactNode;
}

export default function ResourcePage({
  title,
  testId,
  extra,
  query,
  empty = null,
  children,
}: ResourcePageProps) {
  return (
    <Card title={title} data-testid={testId} extra={extra}>
      {query.isError ? (
        <Alert type="error" showIcon message={errorMessage(query.error)} />
      ) : query.isPending ? (
        <Skeleton active />
      ) : empty !== null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        children()
      )}
    </Card>
  );
}
