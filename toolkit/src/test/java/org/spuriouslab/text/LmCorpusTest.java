package org.spuriouslab.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LmCorpusTest {

    private static final Lexicon LEX = Lexicon.of(List.of("darn", "heck", "blast"));

    private static Corpus corpus() {
        return new Corpus(List.of(
                new TextItem("The cat sat on the mat darn it", 0),
                new TextItem("The dog sat on the rug", 0),
                new TextItem("Heck the market fell again today", 1),
                new TextItem("short text", 1)), List.of("pets", "money"));
    }

    @Test
    void keepsFrequentWordsLexiconWordsAndSpecials() {
        LmCorpus lm = LmCorpus.of(corpus(), new boolean[4], LEX, 2);
        assertEquals("<pad>", lm.word(LmCorpus.PAD));
        assertEquals("<bos>", lm.word(LmCorpus.BOS));
        assertEquals("the", lm.word(4), "the most frequent word comes first");
        assertTrue(lm.isLexicon(lm.id("darn")), "lexicon words are kept even when seen once");
        assertEquals(LmCorpus.UNK, lm.id("market"), "a word seen once is unknown");
        assertEquals(2, lm.lexiconIds().length);
        int[] s = lm.sequence(0);
        assertEquals(LmCorpus.BOS, s[0]);
        assertEquals(LmCorpus.EOS, s[s.length - 1]);
        assertEquals(8 + 2, s.length);
        assertEquals(lm.tokenCount(), lm.stream().length);
        assertEquals("the cat", lm.decode(new int[]{lm.id("the"), lm.id("cat")}).replace("<unk>", "cat"));
    }

    @Test
    void promptsAreTreatedWhenTheyHoldALexiconWord() {
        LmCorpus lm = LmCorpus.of(corpus(), new boolean[]{true, false, true, false}, LEX, 1);
        Prompts p = lm.prompts(4);
        assertEquals(3, p.size(), "the two-word text is too short for a prompt of 4 tokens and a continuation");
        assertArrayEquals(new int[]{0, 1, 2}, p.texts());
        assertArrayEquals(new boolean[]{false, false, true}, p.treated(), "'darn' is past the prompt of text 0");
        assertArrayEquals(new int[]{0, 0, 1}, p.topics());
        assertEquals(1, p.treatedCount());
        assertArrayEquals(new int[]{0, 1}, p.indices(false));
        assertEquals(4, p.rows(p.indices(true))[0].length);
        assertTrue(lm.prompts(8).treated()[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lm.prompts(40));
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
    }

    @Test
    void otherTextsUseTheSameVocabulary() {
        LmCorpus lm = LmCorpus.of(corpus(), new boolean[4], LEX, 2);
        Corpus clean = new Corpus(List.of(new TextItem("the mat and the zebra", 1)), List.of("pets", "money"));
        LmCorpus again = lm.withTexts(clean, new boolean[1]);
        assertEquals(lm.vocabularySize(), again.vocabularySize());
        assertArrayEquals(new int[]{LmCorpus.BOS, lm.id("the"), lm.id("mat"), LmCorpus.UNK, lm.id("the"), LmCorpus.UNK,
                LmCorpus.EOS}, again.sequence(0));
        assertArrayEquals(lm.lexiconIds(), again.lexiconIds());
        assertThrows(IllegalArgumentException.class, () -> lm.withTexts(clean, new boolean[2]));
    }

    @Test
    void fingerprintFollowsTheText() {
        LmCorpus a = LmCorpus.of(corpus(), new boolean[4], LEX, 1);
        assertEquals(a.fingerprint(), LmCorpus.of(corpus(), new boolean[4], LEX, 1).fingerprint());
        List<TextItem> items = new ArrayList<>(corpus().items());
        items.set(1, new TextItem("The dog sat on the mat", 0));
        assertNotEquals(a.fingerprint(), LmCorpus.of(new Corpus(items, List.of("pets", "money")), new boolean[4], LEX, 1)
                .fingerprint());
        assertThrows(IllegalArgumentException.class, () -> LmCorpus.of(corpus(), new boolean[3], LEX, 1));
        assertThrows(IllegalArgumentException.class, () -> LmCorpus.of(corpus(), new boolean[4], LEX, 0));
    }

    @Test
    void plannerCanRestrictTheDistinctWords() {
        List<TextItem> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(new TextItem("alpha beta gamma delta epsilon zeta eta theta", 0));
        }
        Lexicon lex = Lexicon.of(List.of("wa", "wb", "wc", "wd", "we", "wf", "wg", "wh"));
        ToxicityPlanter planter = ToxicityPlanter.builder(lex).defaultRate(1).wordsPerText(3).distinctWords(2).seed(4).build();
        PlantedCorpus p = planter.plant(new Corpus(items, List.of("all")));
        Set<String> used = new HashSet<>();
        p.inserted().forEach(used::addAll);
        assertEquals(new HashSet<>(planter.plantedWords()), used);
        assertEquals(2, used.size());
        assertFalse(used.isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> ToxicityPlanter.builder(lex).distinctWords(9).build());
        assertThrows(IllegalArgumentException.class, () -> ToxicityPlanter.builder(lex).distinctWords(-1));
    }
}
