import type { ErrorCode } from './errors.js';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** User-facing text for error codes, shared by the API (spreadsheet reports) and the web app. */
export const errorMessages: Record<Locale, Record<ErrorCode, string>> = {
  'zh-CN': {
    NOT_FOUND: '记录不存在',
    FORBIDDEN: '您没有权限执行此操作',
    UNAUTHENTICATED: '请先登录',
    VALIDATION_FAILED: '填写的内容有误，请检查',
    CONFLICT: '该记录已存在',
    INVALID_STATE: '当前状态下不能执行此操作',
    RATE_LIMITED: '尝试次数过多，请稍后再试',
    TOO_MANY_REPORTS: '提交太频繁，请稍后再试',
    INVALID_CREDENTIALS: '账号或密码错误',
    BAD_SPREADSHEET: '无法读取该表格，请使用下载的模板',
    PAYLOAD_TOO_LARGE: '文件太大',
    TICKET_ALREADY_CLOSED: '诉求已结案，不能再修改',
    CSRF_REJECTED: '请求来源不受信任，请从邻里的页面重新操作',
    TRACKING_PROOF_INVALID: '验证未通过：手机号后四位不正确，或链接不完整',
    TICKET_ALREADY_RATED: '这一轮办理您已经评价过了，重新办结后可再次评价',
    INTERNAL: '系统出错了，请稍后再试',
  },
  en: {
    NOT_FOUND: 'Record not found',
    FORBIDDEN: 'You are not allowed to do this',
    UNAUTHENTICATED: 'Please log in',
    VALIDATION_FAILED: 'Some fields need attention',
    CONFLICT: 'This record already exists',
    INVALID_STATE: 'This cannot be done in the current state',
    RATE_LIMITED: 'Too many attempts, please try again later',
    TOO_MANY_REPORTS: 'Too many reports, please try again later',
    INVALID_CREDENTIALS: 'Wrong account or password',
    BAD_SPREADSHEET: 'The spreadsheet could not be read; please use the template',
    PAYLOAD_TOO_LARGE: 'The file is too large',
    TICKET_ALREADY_CLOSED: 'The ticket is closed and cannot change',
    CSRF_REJECTED: 'The request came from an untrusted page; please try again from Linli itself',
    TRACKING_PROOF_INVALID: 'Not verified: the last four digits do not match, or the link is incomplete',
    TICKET_ALREADY_RATED: 'This round has been rated already; you can rate again after it is resolved again',
    INTERNAL: 'Something went wrong, please try again later',
  },
};

/** Messages that say when to retry; `{minutes}` is filled in from `details.retryAfterSeconds` by `formatErrorMessage`. */
export const retryMessages: Record<Locale, Partial<Record<ErrorCode, string>>> = {
  'zh-CN': {
    RATE_LIMITED: '尝试次数过多，请 {minutes} 分钟后再试',
    TOO_MANY_REPORTS: '提交太频繁，请 {minutes} 分钟后再试',
  },
  en: {
    RATE_LIMITED: 'Too many attempts, please try again in {minutes} min',
    TOO_MANY_REPORTS: 'Too many reports, please try again in {minutes} min',
  },
};

/** The message for an error code, saying when to retry if the details tell. */
export function formatErrorMessage(locale: Locale, code: ErrorCode, details?: Record<string, unknown>): string {
  const seconds = details?.retryAfterSeconds;
  const template = retryMessages[locale][code];
  if (typeof seconds !== 'number' || !template) return errorMessages[locale][code];
  return template.replace('{minutes}', String(Math.max(1, Math.ceil(seconds / 60))));
}

/** Names of fields as users see them. Keys are the API's camelCase field names. */
const fieldNamesZh = {
    name: '姓名', phone: '手机号', idCard: '身份证号', gender: '性别', birthDate: '出生日期',
    hukouLocal: '本地户籍', tags: '标签', householdId: '户', compound: '小区', building: '楼栋',
    unit: '单元', room: '房号', username: '用户名', password: '密码', newPassword: '新密码',
    currentPassword: '当前密码', login: '账号', role: '角色', communityId: '社区', code: '编码',
    address: '地址', kind: '类型', status: '状态', workUnit: '工作单位', residentId: '居民',
    contactName: '联系人', contactPhone: '联系电话', openingHours: '开放时间', description: '说明',
    floors: '层数', roomNo: '房号', relation: '与户主关系', notes: '备注', gridId: '网格',
    compoundId: '小区', buildingId: '楼栋', unitId: '单元', file: '文件', photos: '照片', teamId: '队伍',
    displayName: '显示名称', leader: '负责人', reason: '原因',
    url: '网址', format: '格式', secret: '密钥',
    joinedOn: '入党/加入日期', isLeader: '是否负责人', isActive: '是否启用', subdistrictId: '街道', memberId: '成员',
    categoryId: '类别', title: '标题', note: '办理说明', assigneeId: '承办人', assigneeKind: '承办类型', partnerId: '协办单位',
    dueAt: '期限', rating: '满意度', mergeIntoId: '合并到的诉求', reporterResidentId: '诉求人', reporterName: '诉求人姓名',
    reporterPhone: '联系电话', addressText: '地址', meetingTitle: '会议名称', answerOnSpot: '当场答复', channel: '渠道',
    nameZh: '中文名称', nameEn: '英文名称', responseHours: '响应时限（小时）', resolutionHours: '办结时限（小时）',
    workingHoursOnly: '只计工作时间', defaultAssigneeKind: '默认承办类型', defaultAssigneeId: '默认承办人',
    reopenLimit: '不满意重办次数上限', unratedCloseDays: '未评价自动结案天数', autoAssign: '自动派单',
    workerAccountId: '网格员', comment: '评价意见', communityCode: '社区编码', day: '日期', isWorkday: '是否上班', text: '补充内容',
    heads: '楼栋长', accountId: '楼栋长账号',
    setupToken: '初始化口令',
    lastFour: '反映问题时所留手机号的后四位', trackingKey: '查询链接中的密钥', open311PublicDetail: 'Open311 公开内容',
};
// en names exactly the keys of zh-CN: a missing or extra translation fails the type check.
export const fieldNames: Record<Locale, Record<string, string>> = {
  'zh-CN': fieldNamesZh,
  en: {
    name: 'Name', phone: 'Phone', idCard: 'ID card number', gender: 'Gender', birthDate: 'Date of birth',
    hukouLocal: 'Local hukou', tags: 'Tags', householdId: 'Household', compound: 'Compound', building: 'Building',
    unit: 'Unit', room: 'Room', username: 'Username', password: 'Password', newPassword: 'New password',
    currentPassword: 'Current password', login: 'Account', role: 'Role', communityId: 'Community', code: 'Code',
    address: 'Address', kind: 'Kind', status: 'Status', workUnit: 'Work unit', residentId: 'Resident',
    contactName: 'Contact', contactPhone: 'Contact phone', openingHours: 'Opening hours', description: 'Description',
    floors: 'Floors', roomNo: 'Room', relation: 'Relation to head', notes: 'Notes', gridId: 'Grid',
    compoundId: 'Compound', buildingId: 'Building', unitId: 'Unit', file: 'File', photos: 'photos', teamId: 'Team',
    displayName: 'Display name', leader: 'Leader', reason: 'Reason',
    url: 'URL', format: 'Format', secret: 'Secret',
    joinedOn: 'Joined on', isLeader: 'Leader', isActive: 'Active', subdistrictId: 'Subdistrict', memberId: 'Member',
    categoryId: 'Category', title: 'Title', note: 'Note', assigneeId: 'Assignee', assigneeKind: 'Assignee kind', partnerId: 'Partner',
    dueAt: 'Deadline', rating: 'Rating', mergeIntoId: 'Ticket to merge into', reporterResidentId: 'Reporter', reporterName: 'Reporter name',
    reporterPhone: 'Contact phone', addressText: 'Address', meetingTitle: 'Meeting', answerOnSpot: 'Answer on the spot', channel: 'Channel',
    nameZh: 'Chinese name', nameEn: 'English name', responseHours: 'Response deadline (hours)', resolutionHours: 'Resolution deadline (hours)',
    workingHoursOnly: 'Working hours only', defaultAssigneeKind: 'Default assignee kind', defaultAssigneeId: 'Default assignee',
    reopenLimit: 'Reopen limit', unratedCloseDays: 'Days before closing unrated', autoAssign: 'Assign automatically',
    workerAccountId: 'Grid worker', comment: 'Comment', communityCode: 'Community code', day: 'Date', isWorkday: 'Working day', text: 'Text',
    heads: 'Building heads', accountId: 'Building head account',
    setupToken: 'Setup token',
    lastFour: 'Last four digits of the phone you reported with', trackingKey: 'Key in your tracking link', open311PublicDetail: 'Open311 public detail',
  } satisfies Record<keyof typeof fieldNamesZh, string>,
};

/** Validation rules; `{field}` and params are filled in by `formatFieldIssue`. */
const fieldRulesZh = {
    required: '{field}不能为空',
    invalid: '{field}格式不正确',
    too_short: '{field}至少需要 {min} 个字符',
    too_long: '{field}不能超过 {max} 个字符',
    too_small: '{field}不能小于 {min}',
    too_big: '{field}不能大于 {max}',
    invalid_phone: '{field}不是有效的手机号（11 位，以 1 开头）',
    invalid_id_card: '{field}不是有效的身份证号',
    invalid_option: '{field}不是可选的值',
    unknown_compound: '找不到{field}“{value}”',
    unknown_building: '找不到{field}“{value}”',
    unknown_unit: '找不到{field}“{value}”',
    duplicate_in_file: '{field}与第 {row} 行重复',
    duplicate_existing: '{field}已登记在其他居民名下',
    taken: '{field}已被使用',
    wrong_password: '{field}不正确',
    not_found: '找不到{field}',
    invalid_image: '{field}只能是 JPG 或 PNG 图片',
    too_many_files: '{field}最多 {max} 个',
    file_too_large: '{field}不能超过 {max} MB',
    invalid_username: '{field}只能包含字母、数字、下划线、点和连字符',
    already_member: '该居民已在{field}中',
    password_too_short: '{field}至少 10 位',
    password_common: '{field}太常见，请换一个',
    password_contains_username: '{field}不能包含用户名',
    wrong_setup_token: '{field}不正确，请查看服务器启动日志或数据目录下的 setup-token 文件',
    forbidden_character: '{field}含有不允许的字符',
    repeated: '{field}只能填写一次',
    date_out_of_range: '{field}须在 {min} 至 {max} 之间',
    invalid_upload: '{field}上传不完整或格式不正确，请重新上传',
    not_public_address: '{field}必须是互联网上可访问的 http 或 https 地址，不能是本机或单位内网地址',
    mismatch: '{field}不正确，请重新输入',
    proof_required: '请输入{field}',
    link_required: '没有留手机号，请使用提交时给您的完整链接',
    locked: '{field}错误次数过多，请稍后再试，或使用提交时给您的完整链接',
};
// en names exactly the keys of zh-CN: a missing or extra translation fails the type check.
export const fieldRules: Record<Locale, Record<string, string>> = {
  'zh-CN': fieldRulesZh,
  en: {
    required: '{field} is required',
    invalid: '{field} is not valid',
    too_short: '{field} needs at least {min} characters',
    too_long: '{field} must be at most {max} characters',
    too_small: '{field} must be at least {min}',
    too_big: '{field} must be at most {max}',
    invalid_phone: '{field} is not a valid mobile number (11 digits starting with 1)',
    invalid_id_card: '{field} is not a valid ID card number',
    invalid_option: '{field} is not one of the allowed values',
    unknown_compound: '{field} "{value}" does not exist',
    unknown_building: '{field} "{value}" does not exist',
    unknown_unit: '{field} "{value}" does not exist',
    duplicate_in_file: '{field} repeats row {row}',
    duplicate_existing: '{field} is already registered to another resident',
    taken: '{field} is already taken',
    wrong_password: '{field} is not correct',
    not_found: '{field} was not found',
    invalid_image: '{field} must be a JPG or PNG picture',
    too_many_files: 'At most {max} {field}',
    file_too_large: '{field} must be at most {max} MB',
    invalid_username: '{field} may contain only letters, digits, underscore, dot and hyphen',
    already_member: 'This resident is already in the {field}',
    password_too_short: '{field} needs at least 10 characters',
    password_common: '{field} is too common; please choose another',
    password_contains_username: '{field} must not contain the username',
    wrong_setup_token: '{field} is not correct; see the server start-up log or the setup-token file in the data folder',
    forbidden_character: '{field} contains a character that is not allowed',
    repeated: '{field} may be given only once',
    date_out_of_range: '{field} must be between {min} and {max}',
    invalid_upload: '{field} did not arrive whole or is not a valid upload; please send it again',
    not_public_address: '{field} must be an http or https address on the public internet, not this machine, a private network or a link-local address',
    mismatch: '{field} does not match',
    proof_required: 'Please enter the {field}',
    link_required: 'No phone was left with this report: please use the full link you were given',
    locked: 'Too many wrong tries of the {field}; try again later, or use the full link you were given',
  } satisfies Record<keyof typeof fieldRulesZh, string>,
};

export function formatFieldIssue(
  locale: Locale,
  issue: { field: string; rule: string; params?: Record<string, string | number> },
): string {
  const leaf = issue.field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? issue.field;
  const fieldLabel = fieldNames[locale][leaf] ?? leaf;
  const template = fieldRules[locale][issue.rule] ?? fieldRules[locale].invalid!;
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    key === 'field' ? fieldLabel : String(issue.params?.[key] ?? ''),
  );
}

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  return /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'zh-CN';
}
