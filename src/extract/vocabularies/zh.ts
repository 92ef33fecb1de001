import type { LanguageWords } from './types.js';

/** Chinese (simplified and traditional). */
export const zh: LanguageWords = {
  language: 'zh',
  sources: [
    'Jira Chinese UI priority names (最高, 高, 中, 低, 最低); Gitee/Tapd 优先级 紧急/高/中/低',
    'GitHub Chinese documentation (任务列表, 已完成, 进行中)',
  ],
  levels: {
    critical: ['最优先'],
    high: [],
    medium: [],
    low: [],
  },
  adjectives: {
    critical: ['紧急', '緊急', '最高'],
    high: ['高'],
    medium: ['中'],
    low: ['低', '最低'],
  },
  priorityNouns: ['优先级', '優先級', '优先度'],
  workWords: ['任务', '任務', '待办', '待辦', '清单', '清單', '待做'],
  progressWords: ['完成', '已完成', '进行中', '進行中', '进度', '進度', '状态', '狀態', '阻塞'],
  doneWords: ['已完成', '完成'],
  openWords: ['未完成', '剩余', '剩餘', '待完成'],
  progressClaimWords: ['进度', '進度', '完成度', '完成率'],
  unspaced: true,
  reviewed: [
    '高/中/低 appear inside words (`高性能`, `中文`, `降低`): counted only in a priority form (`优先级：高`, `高优先级`, `【高】`, `(高)`)',
    '紧急 (urgent) appears in prose (`紧急修复`): counted only in a priority form',
  ],
};
