/** Roles and their names; free of zod so the phone pages can import it cheaply. */
export const roles = [
  'system_admin',
  'subdistrict_admin',
  'secretary',
  'social_worker',
  'grid_worker',
  'building_head',
  'party_member',
  'volunteer',
  'partner_contact',
  'department_contact',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<'zh-CN' | 'en', Record<Role, string>> = {
  'zh-CN': {
    system_admin: '系统管理员',
    subdistrict_admin: '街道管理员',
    secretary: '社区书记',
    social_worker: '社工',
    grid_worker: '网格员',
    building_head: '楼栋长',
    party_member: '党员',
    volunteer: '志愿者',
    partner_contact: '共建单位联系人',
    department_contact: '部门联系人',
  },
  en: {
    system_admin: 'System admin',
    subdistrict_admin: 'Subdistrict admin',
    secretary: 'Secretary',
    social_worker: 'Social worker',
    grid_worker: 'Grid worker',
    building_head: 'Building head',
    party_member: 'Party member',
    volunteer: 'Volunteer',
    partner_contact: 'Partner contact',
    department_contact: 'Department contact',
  },
};
