/** Chinese names of the corpus's codes. */
export const kindNames = { government: '人民政府', department: '部门' } as const;
export const severityNames = { error: '错误', warning: '警告', info: '提示' } as const;
