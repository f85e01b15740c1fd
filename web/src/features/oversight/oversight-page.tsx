import { Empty } from 'antd';

export default function Page() {
  return (
    <div className="gk-panel">
      <Empty description="此功能正在建设中" />
    </div>
  );
}
