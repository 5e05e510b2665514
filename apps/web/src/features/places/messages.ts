import { registerMessages, type Keys } from '../../lib/i18n.js';

// Names of the places' own fields: a compound's name is 小区名称, not the 姓名 of a person (ADR 0035).
const _texts = registerMessages(
  {
    'places.compoundName': '小区名称',
    'places.buildingName': '楼栋名称',
    'places.unitName': '单元名称',
  },
  {
    'places.compoundName': 'Compound name',
    'places.buildingName': 'Building name',
    'places.unitName': 'Unit name',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
