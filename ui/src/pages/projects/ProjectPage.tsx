// One service project (/projects/:id), one card per file: the header with the actions that fit its
// status (ProjectHeader), the agreement (AgreementCard), targets against actuals (TargetsCard), the
// money by line (SplitsCard), the payments with their reversals linked both ways (PaymentsCard), and
// the activities with their photos (ActivitiesCard). A closed or terminated project shows what it
// ended with and offers no payment or activity.
import { Alert, Card, Col, Result, Row, Skeleton, Space } from "antd";
import { Link, useParams } from "react-router-dom";
import { errorMessage, isErrorPayload, type SessionInfo } from "../../ipc";
import { useGrantYears } from "../grants/queries";
import ActivitiesCard from "./ActivitiesCard";
import AgreementCard from "./AgreementCard";
import PaymentsCard from "./PaymentsCard";
import ProjectHeader from "./ProjectHeader";
import { useProject } from "./queries";
import SplitsCard from "./SplitsCard";
import TargetsCard from "./TargetsCard";

export default function ProjectPage({ session }: { session: SessionInfo }) {
  const params = useParams();
  const id = Number(params.id);
  const query = useProject(id);
  const years = useGrantYears();

  if (
    !Number.isInteger(id) ||
    (query.isError && isErrorPayload(query.error) && query.error.code === "not_found")
  )
    return (
      <Card>
        <Result
          status="404"
          title="没有找到这个服务项目"
          extra={<Link to="/projects">返回服务项目列表</Link>}
        />
      </Card>
    );
  if (query.isError) return <Alert type="error" showIcon message={errorMessage(query.error)} />;
  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  const detail = query.data;
  const grant = years.data?.find((g) => g.id === detail.project.grantYearId) ?? null;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="project-page">
      <ProjectHeader detail={detail} grant={grant} today={session.today} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <AgreementCard detail={detail} />
        </Col>
        <Col xs={24} xl={11}>
          <TargetsCard detail={detail} />
        </Col>
      </Row>
      <SplitsCard detail={detail} />
      <PaymentsCard detail={detail} today={session.today} />
      <ActivitiesCard detail={detail} />
    </Space>
  );
}
