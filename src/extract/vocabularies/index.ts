import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import type { LanguageWords } from './types.js';
import { zh } from './zh.js';

export type { LanguageWords } from './types.js';

/** Every built-in language, English first (docs/rules.md#other-languages). */
export const LANGUAGES: readonly LanguageWords[] = [en, de, fr, es, pt, it, ru, ja, zh, ko];
