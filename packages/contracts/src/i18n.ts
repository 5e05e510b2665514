import type { ErrorCode } from './errors.js';
import { fieldNames } from './field-names.js';

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
    CHECKIN_LINK_INVALID: '这个报平安链接无效或已停用，请联系社区',
    INTERNAL: '系统出错了，请稍后再试',
    WISH_NOT_CLAIMABLE: '这个心愿现在不能认领（未发布、已撤回、已过期或已完成）',
    WISH_ALREADY_CLAIMED: '这个心愿已经有人认领了（或您已认领过）',
    VOLUNTEER_HOURS_ENDS_BEFORE_START: '结束时间早于开始时间，请检查服务时间',
    VOLUNTEER_NOT_APPROVED: '该志愿者尚未通过审核（或已暂停、已退出），不能登记服务',
    VOLUNTEER_NOT_SIGNED_IN: '您还没有签到，不能签退',
    VOLUNTEER_SESSION_CODE_INVALID: '签到码不正确或已过期，请向组织者核对',
    PARTY_POST_FULL: '这个先锋岗已经认满了，请选择其他岗位',
    PARTY_ALREADY_CLAIMED: '这位党员已经认领过了（岗位、责任区或结对户）',
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
    CHECKIN_LINK_INVALID: 'This check-in link is not valid or no longer works; please contact the community',
    INTERNAL: 'Something went wrong, please try again later',
    WISH_NOT_CLAIMABLE: 'This wish cannot be claimed now (not published, withdrawn, expired or done)',
    WISH_ALREADY_CLAIMED: 'This wish has been claimed already (or you have claimed it)',
    VOLUNTEER_HOURS_ENDS_BEFORE_START: 'The end time is before the start time; please check the service times',
    VOLUNTEER_NOT_APPROVED: 'This volunteer is not approved (or is suspended or has left) and cannot serve',
    VOLUNTEER_NOT_SIGNED_IN: 'You have not signed in, so you cannot sign out',
    VOLUNTEER_SESSION_CODE_INVALID: 'The sign-in code is wrong or has expired; please check it with the organiser',
    PARTY_POST_FULL: 'Every place at this pioneer post is taken; please choose another post',
    PARTY_ALREADY_CLAIMED: 'This party member holds it already (the post, area or paired household)',
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

export { fieldNames } from './field-names.js';

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
  not_attending: '“{value}”没有参加本次书记面对面，请先把它加入参会部门',
  before_session: '{field}不能早于会议日期 {min}',
  has_items: '“{value}”在本次会议上还有议题，不能从{field}中移除',
  repeated: '{field}只能填写一次',
  date_out_of_range: '{field}须在 {min} 至 {max} 之间',
  invalid_upload: '{field}上传不完整或格式不正确，请重新上传',
  not_public_address: '{field}必须是互联网上可访问的 http 或 https 地址，不能是本机或单位内网地址',
  mismatch: '{field}不正确，请重新输入',
  proof_required: '请输入{field}',
  link_required: '没有留手机号，请使用提交时给您的完整链接',
  locked: '{field}错误次数过多，请稍后再试，或使用提交时给您的完整链接',
  invalid_org_phone: '{field}不是有效的电话号码（手机、带区号的座机如 0931-8123456、400 或 95598、12345 等服务号码）',
  out_of_reach: '{field}超出您管理的范围',
  in_past: '{field}不能早于现在',
  not_serving: '{field}不服务本社区，请选择服务本社区的单位',
  deadline_in_past: '{field}不能早于现在',
  invalid_date: '{field}不是有效的日期（如 1948-03-12）',
  date_in_future: '{field}不能晚于今天',
  id_card_birth_mismatch: '{field}中的出生日期（{expected}）与出生日期列不一致',
  id_card_gender_mismatch: '{field}第 17 位表示{expected}，与性别列不一致',
  unknown_tag: '{field}“{tag}”不在本社区的标签字典中，可选：{options}',
  not_in_list: '{field}只能是：{options}',
  must_be_positive: '{field}必须大于 0',
  too_precise: '{field}最多保留两位小数',
  before_start: '{field}不能早于开始日期 {min}',
  not_a_resident: '{field}不是本社区（或您负责范围内）的在册居民',
  already_in_care: '{field}已是关爱对象',
  not_a_recipient: '{field}不是本社区正在关爱的对象，请先登记为关爱对象',
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
    not_attending: '"{value}" did not attend this session; add it to the departments attending first',
    before_session: '{field} cannot be before the session date {min}',
    has_items: '"{value}" still has items at this session and cannot be removed from the {field}',
    repeated: '{field} may be given only once',
    date_out_of_range: '{field} must be between {min} and {max}',
    invalid_upload: '{field} did not arrive whole or is not a valid upload; please send it again',
    not_public_address: '{field} must be an http or https address on the public internet, not this machine, a private network or a link-local address',
    mismatch: '{field} does not match',
    proof_required: 'Please enter the {field}',
    link_required: 'No phone was left with this report: please use the full link you were given',
    locked: 'Too many wrong tries of the {field}; try again later, or use the full link you were given',
    invalid_org_phone:
      '{field} is not a valid number (a mobile, a landline with its area code such as 0931-8123456, a 400 number, or a service number such as 95598 or 12345)',
    out_of_reach: '{field} is outside the area you manage',
    in_past: '{field} cannot be in the past',
    not_serving: '{field} does not serve this community; choose one that does',
    deadline_in_past: '{field} cannot be in the past',
    invalid_date: '{field} is not a real date (e.g. 1948-03-12)',
    date_in_future: '{field} cannot be later than today',
    id_card_birth_mismatch: 'the birth date in the {field} ({expected}) differs from the date of birth column',
    id_card_gender_mismatch: 'digit 17 of the {field} says {expected}, which differs from the gender column',
    unknown_tag: '{field} "{tag}" is not in the community\'s tag dictionary; allowed: {options}',
    not_in_list: '{field} must be one of: {options}',
    must_be_positive: '{field} must be more than 0',
    too_precise: '{field} may have at most two decimals',
    before_start: '{field} cannot be before the start date {min}',
    not_a_resident: '{field} is not a registered resident of this community (or of the area you look after)',
    already_in_care: '{field} is already in care',
    not_a_recipient: '{field} is not someone this community cares for; add them as a care recipient first',
  } satisfies Record<keyof typeof fieldRulesZh, string>,
};

/**
 * A field issue in words. `label`: the field's name as the form on screen labels it (a compound's `name` is 小区名称,
 * not 姓名; a ticket's `title` is 诉求), else the shared name of `fieldNames`.
 */
export function formatFieldIssue(locale: Locale, issue: { field: string; rule: string; params?: Record<string, string | number> }, label?: string): string {
  const leaf =
    issue.field
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? issue.field;
  const fieldLabel = label ?? fieldNames[locale][leaf] ?? leaf;
  const template = fieldRules[locale][issue.rule] ?? fieldRules[locale].invalid!;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key === 'field' ? fieldLabel : String(issue.params?.[key] ?? '')));
}

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  return /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'zh-CN';
}
