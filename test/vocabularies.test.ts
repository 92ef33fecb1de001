import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPriorityMatcher } from '../src/extract/priority.js';
import { LANGUAGES } from '../src/extract/vocabularies/index.js';
import { buildVocabulary } from '../src/extract/vocabulary.js';

/**
 * The built-in language files (src/extract/vocabularies/): each cites its
 * sources and its review, no word means two levels, and the false friends
 * found in review set nothing while the priority forms of each language do.
 */
const matcher = createPriorityMatcher(buildVocabulary());

describe('language files', () => {
  it('cover English and the nine other languages, each citing sources and a review', () => {
    expect(LANGUAGES.map((l) => l.language).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'pt', 'ru', 'zh']);
    for (const language of LANGUAGES) {
      expect(language.sources.length, language.language).toBeGreaterThan(0);
      expect(language.reviewed.length, language.language).toBeGreaterThan(0);
      expect(language.priorityNouns.length, language.language).toBeGreaterThan(0);
    }
  });

  it('never give one word two levels, within or across languages', () => {
    const levelOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const language of LANGUAGES) {
      for (const kind of [language.levels, language.adjectives]) {
        for (const [level, words] of Object.entries(kind)) {
          for (const word of words) {
            const seen = levelOf.get(word.toLowerCase());
            if (seen !== undefined && seen !== level) clashes.push(`${language.language}: ${word} is ${level} and ${seen}`);
            levelOf.set(word.toLowerCase(), level);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('false friends set no priority', () => {
  const prose: Array<[string, string]> = [
    ['English "media" is Spanish/Italian medium', 'Social Media'],
    ['Spanish "alta" describing a noun', 'Alta disponibilidad'],
    ['French "haute" describing a noun', 'Haute disponibilité'],
    ['English "critique" is French critical', 'Design critique'],
    ['German "Mittel" as a noun', 'Mittel und Wege'],
    ['German "hoch" in a compound and as an adverb', 'Hochverfügbarkeit hoch performant'],
    ['Italian "basso" (bass)', 'Basso elettrico'],
    ['Portuguese "média" (average)', 'Tempo médio de resposta'],
    ['Russian "среднее" (average)', 'Среднее время ответа'],
    ['Korean 상 inside a word', '상품 목록'],
    ['Chinese 高 inside a word', '高性能计算'],
    ['Chinese 中 inside a word', '中文文档'],
    ['Chinese 低 inside a word', '降低内存占用'],
    ['Japanese 高 inside a word', '高速化の検討'],
    ['English adjective before a noun', 'High Impact, Low Effort'],
    ['English adjective joined to a noun', 'Low-hanging fruit'],
    ['English adjective joined to a noun', 'Medium-Term'],
  ];
  for (const [why, heading] of prose) {
    it(`${heading} (${why})`, () => expect(matcher.heading(heading)).toBeNull());
  }
});

describe('priority forms of each language set their level', () => {
  const forms: Array<[string, string]> = [
    ['Hohe Priorität', 'high'],
    ['Priorität: niedrig', 'low'],
    ['Kritisch', 'critical'],
    ['Priorité haute', 'high'],
    ['Prioridad alta', 'high'],
    ['Prioridade média', 'medium'],
    ['Priorità bassa', 'low'],
    ['Высокий приоритет', 'high'],
    ['Срочно', 'high'],
    ['우선순위: 높음', 'high'],
    ['긴급', 'critical'],
    ['优先级：高', 'high'],
    ['優先度: 低', 'low'],
    ['高优先级任务', 'high'],
    ['【高】修复支付', 'high'],
    ['清理日志 (中)', 'medium'],
    ['HIGH PRIORITY', 'high'],
    ['HIGH - Should Complete', 'high'],
  ];
  for (const [heading, level] of forms) {
    it(`${heading} → ${level}`, () => expect(matcher.heading(heading)).toBe(level));
  }

  it('a Priority field value in another language is read alone', () => {
    expect(matcher.fieldValue('alta')).toBe('high');
    expect(matcher.fieldValue('높음')).toBe('high');
    expect(matcher.fieldValue('niedrig')).toBe('low');
  });
});

describe('Chinese and Japanese level characters', () => {
  const han = fc.array(fc.constantFrom(...'的是在文件内存计算性能速度数据库修复登录提升降'.split('')), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
  it('never set a priority inside a run of other characters', () => {
    fc.assert(
      fc.property(han, fc.constantFrom('高', '中', '低'), han, (before, level, after) => {
        expect(matcher.heading(`${before}${level}${after}`)).toBeNull();
      }),
    );
  });
});
