// The localized-text helpers and the dashboard's labels, without a browser: English where the
// definition has it, the Chinese marked (lang="zh-CN" and its 中文 tag) where it has not, never
// silently mixed; the dashboard's special slices named in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { listIn, plainTextIn, textIn, userText } from '../src/i18n/text-in.tsx';
import { localizedDashboard } from '../src/organizer/stats-labels.ts';
import type { Dashboard } from '../src/api/dashboard.api.ts';
import type { ProgramDetail } from '../src/api/programs.api.ts';

const html = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));

test('textIn: Chinese as it is; English where there is one; else the Chinese marked', () => {
  assert.equal(html(textIn('zh-CN', '申报书', 'Application')), '申报书');
  assert.equal(html(textIn('en', '申报书', 'Application')), 'Application');
  assert.equal(html(textIn('en', '申报书')), '<span lang="zh-CN" class="zh-text">申报书<span class="zh-marker" title="Chinese only: no English version">中文</span></span>');
  assert.match(html(textIn('en', '第一段\n第二段', null, true)), /^<div lang="zh-CN" class="zh-text zh-text-block">第一段\n第二段<span class="zh-marker"/);
  // Nothing to show: nothing, not an empty mark.
  assert.equal(html(textIn('en', undefined)), '');
  assert.equal(html(textIn('en', '', undefined)), '');
  assert.equal(html(textIn('en', undefined, 'Help')), 'Help');
});

test('plainTextIn, listIn and userText', () => {
  assert.equal(plainTextIn('en', '人', 'people'), 'people');
  assert.equal(plainTextIn('en', '人', undefined), '人');
  assert.equal(plainTextIn('zh-CN', '人', 'people'), '人');
  assert.equal(html(listIn('en', ['中国科协', '秘书处'], ['CAST', 'Secretariat'])), 'CAST, Secretariat');
  assert.equal(html(listIn('zh-CN', ['中国科协', '秘书处'], ['CAST', 'Secretariat'])), '中国科协、秘书处');
  // An incomplete English list is not mixed with the Chinese one.
  assert.match(html(listIn('en', ['中国科协', '秘书处'], ['CAST'])), /^<span lang="zh-CN" class="zh-text">中国科协、秘书处<span class="zh-marker"/);
  assert.equal(html(userText('en', 'Acme Ltd.')), 'Acme Ltd.');
  assert.match(html(userText('en', '河南豫钢集团有限公司')), /^<span lang="zh-CN"/);
  assert.equal(html(userText('zh-CN', '河南豫钢集团有限公司')), '河南豫钢集团有限公司');
});

const row = (key: string, label: string, total = 1) => ({ key, label, total, byStatus: { submitted: total } });
const dashboard = {
  programId: 'p', generatedAt: 0, total: 4, byStatus: { submitted: 4 },
  byTrack: [row('xinrui', '新锐企业榜'), row('other', '其他榜')],
  byRegion: [row('41', '河南省')],
  byUnit: [row('', '未经推荐单位'), row('u1', '郑州市科协')],
  byChannel: [row('direct', '直接申报'), row('no-unit', '推荐申报（未指定推荐单位）'), row('unassigned', '推荐单位未归入推荐渠道'), row('pilot-city', '“科创中国”试点城市（园区）')],
  daily: [],
} as unknown as Dashboard;
const def = {
  tracks: [{ id: 'xinrui', name: '新锐企业榜', nameEn: 'Emerging enterprise list' }, { id: 'other', name: '其他榜' }],
  recommendation: { channels: [{ id: 'pilot-city', name: '“科创中国”试点城市（园区）', nameEn: 'Pilot cities and parks' }] },
} as unknown as ProgramDetail['definition'];
const special = { direct: 'Direct applications', noUnit: 'Recommended track, no unit named yet', unassigned: 'Unit not in any channel', notUnit: 'Not through a recommending unit' };

test('dashboard labels: tracks and channels by their English names, the special slices by the dictionary', () => {
  const en = localizedDashboard(dashboard, def, true, special);
  assert.deepEqual(en.byTrack.map((r) => r.label), ['Emerging enterprise list', '其他榜']);
  assert.deepEqual(en.byChannel.map((r) => r.label), ['Direct applications', 'Recommended track, no unit named yet', 'Unit not in any channel', 'Pilot cities and parks']);
  assert.deepEqual(en.byUnit?.map((r) => r.label), ['Not through a recommending unit', '郑州市科协']);
  // Regions have no English: left as they are; counts untouched.
  assert.deepEqual(en.byRegion, dashboard.byRegion);
  assert.deepEqual(en.byChannel.map((r) => r.total), [1, 1, 1, 1]);
  const zh = localizedDashboard(dashboard, def, false, { direct: '直接申报', noUnit: '推荐申报（未指定推荐单位）', unassigned: '推荐单位未归入推荐渠道', notUnit: '未经推荐单位' });
  assert.deepEqual(zh.byChannel.map((r) => r.label), dashboard.byChannel.map((r) => r.label));
  assert.deepEqual(zh.byTrack, dashboard.byTrack);
});
