/** 导入台账 on 申请登记: the applications' 办理台账 (web/src/components/ledger-import.tsx). */
import { LedgerImportButton as Button, type LedgerImportTarget } from '../../components/ledger-import.js';
import * as api from '../../lib/endpoints.js';

const applications: LedgerImportTarget = {
  url: api.importApplications.url,
  noun: '申请',
  title: '导入办理台账',
  hint: (
    <>
      XLSX 或 CSV 文件，第一行为列名，同「导出
      Excel」的办理台账（可先导出一份作为模板）；必填：申请人类型、提交渠道、提交日期。
      邮寄的申请填写签收日期、互联网等渠道填写确认日期（「收到日期」列）；办理过程按台账的写法，或只填答复日期和办理结果。
      先检查，全部无误才能导入。
    </>
  ),
  invalidates: [['applications'], ['due']],
};

export function LedgerImportButton({ agencyId }: { agencyId: string | undefined }) {
  return <Button agencyId={agencyId} target={applications} />;
}
