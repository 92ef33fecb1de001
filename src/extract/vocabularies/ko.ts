import type { LanguageWords } from './types.js';

/** Korean. */
export const ko: LanguageWords = {
  language: 'ko',
  sources: [
    'Jira Korean UI priority names (가장 높음, 높음, 중간, 낮음, 가장 낮음)',
    'GitHub Korean documentation (작업 목록, 완료, 진행 중)',
    '표준국어대사전 entries for 긴급, 완료, 진행률',
  ],
  levels: {
    critical: ['긴급', '치명적', '최우선'],
    high: ['중요'],
    medium: [],
    low: ['선택사항'],
  },
  adjectives: {
    critical: [],
    high: ['높음', '상'],
    medium: ['중간', '보통', '중'],
    low: ['낮음', '하'],
  },
  priorityNouns: ['우선순위', '우선 순위'],
  workWords: ['할 일', '할일', '작업', '작업 목록', '체크리스트', '과제'],
  progressWords: ['완료', '진행 중', '진행중', '진행 상황', '진행률', '상태', '보류', '차단'],
  doneWords: ['완료', '완료됨'],
  openWords: ['남음', '남은', '미완료', '대기'],
  progressClaimWords: ['진행률', '진척도', '달성률'],
  unspaced: false,
  reviewed: [
    '상/중/하 (high/mid/low) are single syllables inside many words: adjective-class, and whole words only (spaces bound Korean words)',
    '"선택" (choice) is common prose (`기능 선택`): left out; only the compound 선택사항 (optional item) is low',
    '"중요" (important) as in English "important": high',
  ],
};
