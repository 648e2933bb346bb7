import { en } from './en';
import type { Language } from './language';
import { vi, type Dictionary } from './vi';

export const dictionaries: Record<Language, Dictionary> = { vi, en };
