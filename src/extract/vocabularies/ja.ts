import type { LanguageWords } from './types.js';

/** Japanese. */
export const ja: LanguageWords = {
  language: 'ja',
  sources: [
    'Jira Japanese UI priority names (最高, 高, 中, 低, 最低) and Backlog (Nulab) 優先度 高/中/低',
    'GitHub Japanese documentation (タスクリスト, 完了, 進行中)',
  ],
  levels: {
    critical: ['最優先', '緊急'],
    high: [],
    medium: [],
    low: [],
  },
  adjectives: {
    critical: ['最高'],
    high: ['高'],
    medium: ['中'],
    low: ['低', '最低'],
  },
  priorityNouns: ['優先度', '優先順位', '重要度'],
  workWords: ['タスク', 'やること', 'チェックリスト', 'todo'],
  progressWords: ['完了', '進行中', '進捗', '対応中', '未着手', '状態', 'ステータス'],
  doneWords: ['完了', '済み'],
  openWords: ['残り', '未完了', '未着手'],
  progressClaimWords: ['進捗', '進捗率', '達成率'],
  unspaced: true,
  reviewed: [
    '高/中/低 appear inside words (`高性能`, `中文`, `低下`): counted only in a priority form',
    '緊急 (urgent) appears in `緊急時` (in an emergency) prose: a whole-word match is impossible without spaces, accepted as critical only in a priority form too',
  ],
};
