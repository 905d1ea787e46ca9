/**
 * The seeds every fuzz input starts from: the reference stack recorded twice (a first preview, where
 * every computed attribute is unknown, and a later run where they are known, with approval on) and
 * the hand-written groups.
 */
import type { Corpus } from "./generators";
import { recordStack } from "./record";
import { HAND_GROUPS } from "./seeds";
import { vocabularyOf, type Wire } from "./values";

export function corpusOf(groups: Corpus["groups"]): Corpus {
  return { groups, vocabulary: vocabularyOf(groups.flat().map((member): Wire => member.props)) };
}

export async function referenceCorpus(): Promise<Corpus> {
  try {
    const firstPreview = await recordStack("dev", true);
    const laterRun = await recordStack("prod", false);
    return corpusOf([firstPreview, laterRun, ...HAND_GROUPS]);
  } catch (error) {
    throw new Error(
      `the fuzz seeds come from running stack/index.ts under mocks, which failed: ${(error as Error).stack ?? String(error)}`,
    );
  }
}

/** Every type token the corpus holds a seed for. */
export function seededTypes(corpus: Corpus): Set<string> {
  return new Set(corpus.groups.flat().map((member) => member.type));
}
