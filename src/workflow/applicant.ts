/** Who applies: the six applicant columns of table 三 (总计 aside). */
import { applicantColumnNames } from '../spec/common.js';

export const applicantTypes = ['np', 'biz', 'res', 'ngo', 'law', 'oth'] as const;

/** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
export type ApplicantType = (typeof applicantTypes)[number];

export const isApplicantType = (value: unknown): value is ApplicantType =>
  applicantTypes.includes(value as ApplicantType);

export const applicantName = (type: ApplicantType): string => applicantColumnNames[type] ?? type;
