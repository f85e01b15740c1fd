/** Chinese names of the corpus's codes. */
export const kindNames = { government: '人民政府', department: '部门' } as const;
