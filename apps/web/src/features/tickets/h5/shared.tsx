import { roleCan, ticketStaffRoles } from '@linli/contracts/permissions';
import type { Role } from '@linli/contracts/roles';
import { ApiError } from '../../../lib/api.js';
import { Go, type Navigate } from '../../../components/go.js';
import { uploadTicketPhotos } from '../api.js';
import { keyFromData, registerMessages, useT, type I18n, type Keys } from '../../../lib/i18n.js';

// Screens for helpers on the phone (grid workers, 三长, volunteers): home, my tasks, one task, door visit.
// What they share: the texts, who may do what, error wording, photos and the tiny router's links.
const _texts = registerMessages(
  {
    'hp.tasks': '我的任务',
    'hp.tasksHint': '派给我的诉求，按期限办理',
    'hp.visit': '入户走访登记',
    'hp.visitHint': '上门听到的问题，当场登记',
    'hp.overdueCount': '{n} 件已超期',
    'hp.back': '‹ 返回',
    'hp.empty': '暂时没有派给您的任务',
    'hp.overdue': '已超期',
    'hp.due': '{time} 前办结',
    'hp.place': '地点',
    'hp.reporter': '诉求人',
    'hp.anonymous': '匿名',
    'hp.timeline': '办理过程',
    'hp.status': '状态',
    'hp.category': '类别',
    'hp.code': '编号',
    'hp.start': '开始办理',
    'hp.resolve': '办结',
    'hp.return': '退回',
    'hp.result': '办理结果',
    'hp.reason': '退回原因',
    'hp.resultPhotos': '现场照片（最多 5 张，可不传）',
    'hp.confirmResolve': '确认办结',
    'hp.confirmReturn': '确认退回',
    'hp.cancel': '取消',
    'hp.notMine': '这件诉求没有派给您，您不需要操作',
    'hp.waiting': '已上报，等待部门回复',
    'hp.done': '已办结，等待居民评价',
    'hp.returned': '已退回社区，社区会重新派单',
    'hp.photosFailed': '照片没有传上：{msg}',
    'hp.loading': '正在加载…',
    'hp.resident': '居民',
    'hp.sep': '；',
    'hp.rule.required': '{field}不能为空',
    'hp.rule.too_many_files': '{field}最多 {max} 个',
    'hp.rule.invalid_phone': '{field}不是有效的手机号（11 位，以 1 开头）',
    'f.photos': '照片',
    'f.address': '单元、门牌',
    'f.name': '居民称呼',
    'f.phone': '居民手机号',
  },
  {
    'hp.tasks': 'My tasks',
    'hp.tasksHint': 'Tickets assigned to me, by deadline',
    'hp.visit': 'Door visit',
    'hp.visitHint': 'Register a problem heard at the door',
    'hp.overdueCount': '{n} overdue',
    'hp.back': '‹ Back',
    'hp.empty': 'No tasks assigned to you',
    'hp.overdue': 'Overdue',
    'hp.due': 'Due {time}',
    'hp.place': 'Place',
    'hp.reporter': 'Reporter',
    'hp.anonymous': 'Anonymous',
    'hp.timeline': 'Progress',
    'hp.status': 'Status',
    'hp.category': 'Category',
    'hp.code': 'Code',
    'hp.start': 'Start',
    'hp.resolve': 'Resolve',
    'hp.return': 'Return',
    'hp.result': 'Result',
    'hp.reason': 'Reason for returning',
    'hp.resultPhotos': 'Photos (up to 5, optional)',
    'hp.confirmResolve': 'Confirm resolved',
    'hp.confirmReturn': 'Confirm return',
    'hp.cancel': 'Cancel',
    'hp.notMine': 'This ticket is not assigned to you; nothing to do',
    'hp.waiting': 'Escalated, waiting for the department',
    'hp.done': "Resolved, waiting for the resident's rating",
    'hp.returned': 'Returned; the community will assign it again',
    'hp.photosFailed': 'The photos were not uploaded: {msg}',
    'hp.loading': 'Loading…',
    'hp.resident': 'Resident',
    'hp.sep': '; ',
    'hp.rule.required': '{field} is required',
    'hp.rule.too_many_files': 'At most {max} {field}',
    'hp.rule.invalid_phone': '{field} is not a valid mobile number (11 digits starting with 1)',
    'f.photos': 'Photos',
    'f.address': 'Unit, door number',
    'f.name': 'Resident name',
    'f.phone': 'Resident mobile',
  },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export type { Navigate };
export const MAX_PHOTOS = 5;

// The permission table comes from contracts' zod-free entry, so the phone pages never copy it.
export const mayWork = (role: Role) => roleCan(role, 'tickets.work');
export { ticketStaffRoles };
export const canIntake = (role: Role) => roleCan(role, 'tickets.intake');

/**
 * An API error as text. The server already words each field issue in the request's language; a few fields get this
 * screen's own name (the note is a result here, a reason there).
 */
export function errorText(t: I18n['t'], err: unknown, labels: Record<string, string> = {}): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (err.fields.length === 0) return err.message;
  return err.fields
    .map((f) =>
      labels[f.field] && localRules.includes(f.rule)
        ? t(keyFromData(`hp.rule.${f.rule}`), { field: labels[f.field]!, ...f.params })
        : (f.message ?? err.message),
    )
    .join(t('hp.sep'));
}
// The rules checked on the phone before sending; contracts/i18n.ts words the rest (importing it here costs ~3 KB gzip).
const localRules = ['required', 'too_many_files', 'invalid_phone'];

export const uploadPhotos = uploadTicketPhotos;

export { PhotoPicker, pickedPhotos } from '../../../components/photo-picker.js';

export { Go };

export function BackBar({ to, navigate, title }: { to: string; navigate: Navigate; title: string }) {
  const { t } = useT();
  return (
    <div className="backbar">
      <Go to={to} navigate={navigate} className="back" testId="h5-back">
        {t('hp.back')}
      </Go>
      <h2>{title}</h2>
    </div>
  );
}
