// Labels of venues and bookings (ADR 0047), zod-free so the phone pages can import them.
type Locale = 'zh-CN' | 'en';

export const venueKinds = ['room', 'hall', 'court', 'outdoor', 'other'] as const;
export type VenueKind = (typeof venueKinds)[number];
export const venueKindLabels: Record<Locale, Record<VenueKind, string>> = {
  'zh-CN': { room: '活动室', hall: '多功能厅', court: '球场', outdoor: '室外场地', other: '其他' },
  en: { room: 'Room', hall: 'Hall', court: 'Court', outdoor: 'Outdoor space', other: 'Other' },
};

export const venueStatuses = ['open', 'closed', 'archived'] as const;
export type VenueStatus = (typeof venueStatuses)[number];
export const venueStatusLabels: Record<Locale, Record<VenueStatus, string>> = {
  'zh-CN': { open: '开放', closed: '暂停开放', archived: '已停用' },
  en: { open: 'Open', closed: 'Closed for now', archived: 'Archived' },
};

/** Who may book a venue (the venue lists some); staff and activities always may. */
export const venueBookerKinds = ['team', 'partner', 'resident'] as const;
export type VenueBookerKind = (typeof venueBookerKinds)[number];
export const bookerKinds = ['team', 'partner', 'resident', 'staff', 'activity'] as const;
export type BookerKind = (typeof bookerKinds)[number];
export const bookerKindLabels: Record<Locale, Record<BookerKind, string>> = {
  'zh-CN': { team: '队伍', partner: '共建单位', resident: '居民', staff: '社区工作人员', activity: '社区活动' },
  en: { team: 'Team', partner: 'Partner', resident: 'Resident', staff: 'Staff', activity: 'Activity' },
};

export const bookingStatuses = ['requested', 'approved', 'declined', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const bookingStatusLabels: Record<Locale, Record<BookingStatus, string>> = {
  'zh-CN': { requested: '待审核', approved: '已通过', declined: '未通过', cancelled: '已取消' },
  en: { requested: 'Requested', approved: 'Approved', declined: 'Declined', cancelled: 'Cancelled' },
};

export const weekdayLabels: Record<Locale, readonly string[]> = {
  'zh-CN': ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
