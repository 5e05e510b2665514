import path from 'node:path';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * The 志愿服务证明 as a PDF (民政部令第67号 lists what it carries; ADR 0041). pdfkit draws it with Noto Sans SC
 * (the GB2312 cut of `@embedpdf/fonts-sc`, OFL-1.1), which `npm install` brings, so Chinese prints on a fresh machine;
 * fontkit embeds only the glyphs used. Content streams are left uncompressed: the file stays small and testable.
 */
const require = createRequire(import.meta.url);
export const certificateFontPath = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');

export interface CertificateContent {
  number: string;
  issuedOn: string;
  name: string;
  idTypeLabel: string;
  idNumber: string;
  volunteerNumber: string;
  from: string;
  to: string;
  hours: number;
  /** What was done in the period: source label, title, date and hours, newest last. */
  services: Array<{ date: string; title: string; kind: string; hours: number }>;
  issuer: string;
  responsible: string;
  handler: string;
  contact: string;
}

export function renderCertificate(c: CertificateContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: `志愿服务证明 ${c.number}`, Subject: c.number, Author: c.issuer } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', certificateFontPath);
  doc.font('cjk');
  doc.fontSize(10).text(`证明编号：${c.number}`, { align: 'right' });
  doc.moveDown(1.5);
  doc.fontSize(22).text('志愿服务证明', { align: 'center' });
  doc.moveDown(1.5);
  doc.fontSize(12);
  const line = (label: string, value: string) => doc.text(`${label}：${value}`, { lineGap: 6 });
  line('姓名', c.name);
  line('证件类型', c.idTypeLabel);
  line('证件号码', c.idNumber);
  line('志愿者编号', c.volunteerNumber);
  line('服务期间', `${c.from} 至 ${c.to}`);
  line('服务时长', `${c.hours} 小时`);
  doc.moveDown(0.5);
  doc.text(
    `兹证明 ${c.name} 同志于 ${c.from} 至 ${c.to} 期间在${c.issuer}参加志愿服务，累计服务时长 ${c.hours} 小时。服务记录由组织者记录并确认（谁记录谁证明），真实有效。`,
    { lineGap: 6 },
  );
  doc.moveDown(0.5);
  doc.text('服务内容：', { lineGap: 6 });
  doc.fontSize(10);
  const shown = c.services.slice(0, 40);
  for (const s of shown) doc.text(`${s.date}  ${s.kind}  ${s.title}  ${s.hours} 小时`, { indent: 16, lineGap: 3 });
  if (c.services.length > shown.length) doc.text(`……另有 ${c.services.length - shown.length} 次服务`, { indent: 16 });
  if (c.services.length === 0) doc.text('（期间内无服务记录）', { indent: 16 });
  doc.moveDown(1.5);
  doc.fontSize(12);
  line('出具单位', c.issuer);
  line('负责人', c.responsible);
  line('经办人', c.handler);
  line('联系方式', c.contact);
  line('出具日期', c.issuedOn);
  doc.end();
  return done;
}
