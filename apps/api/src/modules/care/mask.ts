/** 张三 -> 张*, 王小明 -> 王*明, 欧阳娜娜 -> 欧**娜: the first and last character stay, enough to recognise a neighbour. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
