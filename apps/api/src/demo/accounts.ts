/** The demo accounts the seed creates (password `linli2026`); README and e2e read this one list. */
export const DEMO_PASSWORD = 'linli2026';

export const demoAccounts = [
  { username: 'admin', role: 'system_admin', name: '系统管理员', community: null },
  { username: 'jiedao', role: 'subdistrict_admin', name: '敦煌路街道 马主任', community: null, subdistrict: '敦煌路街道' },
  { username: 'jgc_shuji', role: 'secretary', name: '杨书记', community: '金港城社区' },
  { username: 'jgc_shegong', role: 'social_worker', name: '何社工', community: '金港城社区' },
  { username: 'jgc_wangge', role: 'grid_worker', name: '孙网格', community: '金港城社区' },
  {
    username: 'jgc_louzhang',
    role: 'building_head',
    name: '金海花园1号楼 楼栋长 冯阿姨',
    community: '金港城社区',
    looksAfter: { compound: '金海花园', building: '1号楼' },
  },
  { username: 'jgc_zhiyuan', role: 'volunteer', name: '大学生志愿者 小博', community: '金港城社区' },
  { username: 'lgd_shuji', role: 'secretary', name: '闫书记', community: '理工大社区' },
  { username: 'lgd_shegong', role: 'social_worker', name: '理工大 社工小董', community: '理工大社区' },
  { username: 'lx_shuji', role: 'secretary', name: '陈书记', community: '凌霄社区' },
  { username: 'lx_shegong', role: 'social_worker', name: '凌霄 社工小龚', community: '凌霄社区' },
  { username: 'xxp_shuji', role: 'secretary', name: '柴书记', community: '小西坪社区' },
  { username: 'yz_shuji', role: 'secretary', name: '窑洲 王书记', community: '窑洲社区' },
  { username: 'jl_shuji', role: 'secretary', name: '建兰 李书记', community: '建兰社区' },
  { username: 'yjp_shuji', role: 'secretary', name: '晏家坪 郭书记', community: '晏家坪社区' },
  { username: 'yz_sanzhang', role: 'building_head', name: '晴岚家园 3栋 楼栋长', community: '窑洲社区', looksAfter: { compound: '晴岚家园', building: '3栋' } },
  { username: 'lgd_wangge', role: 'grid_worker', name: '理工大 网格员小马', community: '理工大社区' },
  { username: 'lgd_zhiyuan', role: 'volunteer', name: '玉川志愿者 小乔', community: '理工大社区' },
  { username: 'lgd_zhiyuan2', role: 'volunteer', name: '玉川志愿者 小吴', community: '理工大社区' },
  { username: 'lx_wangge', role: 'grid_worker', name: '凌霄 网格员小翁', community: '凌霄社区' },
] as const;
