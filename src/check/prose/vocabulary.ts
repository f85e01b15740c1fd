/**
 * The words the prose checks look for: data, not code. Patterns apply to folded, compacted text
 * (NFKC: full-width digits and punctuation become ASCII, so 「，」 is «,» and 「（」 is «(»;
 * whitespace is removed except between two digits). Every list errs on the side of silence: a
 * sentence that matches a `skip` list is not checked at all.
 */

/** Where sentences end (original text, before folding). */
export const sentenceEnds = /[。｡；;！!？?\n\r]/;

/** Where clauses of a sentence end (folded text). */
export const clauseEnds = /[,:]/;

/** Words that deny what the sentence mentions. */
export const negations = ['未', '没有', '无', '不存在', '不涉及'] as const;

/** A stand-alone zero count (「0件」「为0」), not the 0 of 「2020年」. */
export const zeroCount = /(?<![\d.])0(?![\d.])|零/;

/** Sentences about plans, duties or rights, not about what happened in the year. */
export const hypothetical = [
  '下一步',
  '将继续',
  '将进一步',
  '进一步',
  '确保',
  '做好',
  '加强',
  '完善',
  '健全',
  '提高',
  '提升',
  '可以',
  '可依法',
  '有权',
  '不服',
  '如对',
  '若对',
] as const;

/** Comparisons with another year: their figures are differences, not counts of the year. */
export const comparisons = [
  '比上年',
  '较上年',
  '比去年',
  '较去年',
  '同比',
  '环比',
  '增加',
  '减少',
  '增长',
  '下降',
] as const;

/** Approximate figures: a sum over them can't be checked. */
export const approximations = /\d+(?:余|多|来)|[约近超逾]\d|以上|左右/;

/** Units of a count of applications or cases. */
export const applicationUnits = ['件', '次', '个', '条', '宗'] as const;

/** Verbs of receiving an application. */
export const receiveVerbs = ['收到', '受理', '接收', '接到'] as const;

/** Phrases naming every kind of applicant at once: removed before looking for `subsetMarkers`. */
export const allApplicants = [
  '公民、法人和其他组织',
  '公民、法人或者其他组织',
  '公民、法人或其他组织',
  '公民、法人及其他组织',
] as const;

/** Words that make a count of applications a part of the year's total (by applicant, topic, year). */
export const subsetMarkers = [
  '其中',
  '自然人',
  '法人',
  '企业',
  '科研',
  '公益',
  '法律服务',
  '涉及',
  '关于',
  '有关',
  '结转',
  '上年',
  '去年',
  '上一年',
  '复议',
  '诉讼',
] as const;

/**
 * Statements that no application was received: 「未收到政府信息公开申请」「未收到依申请公开事项」
 * 「无政府信息依申请事项」「依申请公开0件」. A clause that also names `notApplications` is about
 * something else (「未收到因政府信息公开申请引起的行政复议」).
 */
export const noApplications: readonly RegExp[] = [
  /(?:未|没有|并未|尚未)(?:收到|接到|受理|接收)(?:任何)?(?:公民、法人(?:和|或者|或|及)其他组织|群众|社会公众|各类)?(?:提出)?的?(?:政府信息公开|信息公开|依申请公开)?的?(?:申请|事项)(?!人)/,
  /无(?:政府信息公开|政府信息|信息公开)?依申请(?:公开)?(?:事项|申请|情况|件)/,
  /无(?:政府信息公开|信息公开)申请(?!人)/,
  /依申请公开(?:事项|申请)?(?:为|共)?0(?:件|次|个|条|宗)/,
];

/** Words showing that a clause matched by `noApplications` is not about applications themselves. */
export const notApplications = ['复议', '诉讼', '投诉', '举报', '申诉', '异议', '信访'] as const;

/**
 * Statements of how many applications were received (the count is group 1):
 * 「收到政府信息公开申请2件」「受理政府信息公开申请3119件」「各类政府信息公开申请共计81件」「收到70件申请」.
 * The words between the verb and 申请 are checked against `subsetMarkers`.
 */
export const receivedCount: readonly RegExp[] = [
  /(?:收到|受理|接收|接到)([^,:;()]{0,24}?)申请(?:公开)?(?:事项)?(?:共计|总计|合计|共|总数|总量|数量|数)?(?:为|是|达)?(\d+)(?:件|次|个|条|宗)/,
  /(?:收到|受理|接收|接到)((?:各类|政府信息公开)?)(\d+)(?:件|个|宗)(?:政府信息公开|信息公开|依申请公开)?申请(?!人)/,
];

/** The subject of the handled-claim check (c). */
export const applicationWord = '申请';

/** Words saying applications were dealt with: 「按照程序已公开」「全部按期答复」「办结」. */
export const handledPhrases = [
  '已公开',
  '已答复',
  '按期答复',
  '按时答复',
  '全部答复',
  '予以答复',
  '办结',
] as const;

/** Sentences that mention 申请 but are about other matters. */
export const otherMatters = ['复议', '诉讼', '提案', '建议', '信访', '投诉', '留言', '来信'] as const;

/** Verbs saying a review or a lawsuit took place. */
export const litigationVerbs = ['收到', '发生', '被申请', '提起', '引起', '引发', '产生'] as const;

/** What took place: longest first. */
export const litigationObjects = ['行政复议', '行政诉讼', '复议', '诉讼'] as const;

/** Titles of part 四 written in prose (「被申请行政复议、提起行政诉讼情况」): mentions, not claims. */
export const litigationTitleTail = /^[、和及与]?(?:提起)?(?:行政)?(?:复议|诉讼)?的?情况/;

/**
 * The total of a list of proactively disclosed information: 「主动公开政府信息187条」
 * 「主动公开政府信息数16条」「共公布政府信息2599条」「年内公开政府信息2715条」 (count is group 1).
 */
export const proactiveTotal =
  /(?:公开|公布|发布)了?政府信息(?:数|数量)?(?:共计|总计|合计|共)?(?:为)?(\d+)条/g;

/** The word that opens the breakdown after the total. */
export const breakdownWord = '其中';

/** Units of the parts of a breakdown (parts may be counted in 篇: 「制发政策解读16篇」). */
export const proactiveUnits = ['条', '篇', '件', '个'] as const;

/** Separators between the parts of a breakdown. */
export const partSeparators = /[,;、]/;

/** Where a breakdown ends (besides the closing bracket when it opened with one). */
export const breakdownEnd = '。';
