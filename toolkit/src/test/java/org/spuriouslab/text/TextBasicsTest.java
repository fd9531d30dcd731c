package org.spuriouslab.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextBasicsTest {

    @Test
    void tokenizerLowercasesKeepsInnerApostrophesAndDropsStopWords() {
        assertEquals(List.of("the", "cat", "don't", "sit", "on", "42", "mats"),
                new Tokenizer(1, false).tokenize("The CAT -- don't sit on 42 'mats'!"));
        assertEquals(List.of("cat", "sit", "42", "mats"), Tokenizer.DEFAULT.tokenize("The CAT -- don't sit on 42 'mats'!"));
        assertEquals(List.of(), Tokenizer.DEFAULT.tokenize("  ,,, "));
        assertThrows(IllegalArgumentException.class, () -> new Tokenizer(0, false));
    }

    @Test
    void vocabularyOrdersByDocumentFrequencyAndAppliesLimits() {
        List<List<String>> docs = List.of(List.of("b", "a", "a"), List.of("a", "c"), List.of("b", "a"), List.of("d"));
        Vocabulary all = Vocabulary.build(docs, 1, 10);
        assertEquals(List.of("a", "b", "c", "d"), all.words());
        assertEquals(3, all.documentFrequency(0));
        assertEquals(2, all.documentFrequency(all.id("b")));
        assertEquals(-1, all.id("zzz"));
        assertArrayEquals(new int[]{0, 2}, all.ids(List.of("a", "zzz", "c")));
        Vocabulary frequent = Vocabulary.build(docs, 2, 10);
        assertEquals(List.of("a", "b"), frequent.words());
        assertEquals(List.of("a"), Vocabulary.build(docs, 1, 1).words());
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(docs, 0, 10));
    }

    @Test
    void tfIdfMatchesAHandComputation() {
        List<List<String>> docs = List.of(List.of("x", "x", "y"), List.of("y"));
        Vocabulary v = Vocabulary.build(docs, 1, 10); // y (df 2) = 0, x (df 1) = 1
        TfIdf tfidf = TfIdf.fit(docs, v);
        double idfX = Math.log(3.0 / 2.0) + 1;
        double idfY = 1.0;
        assertEquals(idfX, tfidf.idf(v.id("x")), 1e-12);
        assertEquals(idfY, tfidf.idf(v.id("y")), 1e-12);
        SparseMatrix m = tfidf.transform(docs);
        double rx = 2 * idfX;
        double ry = idfY;
        double norm = Math.hypot(rx, ry);
        assertEquals(rx / norm, m.get(0, v.id("x")), 1e-12);
        assertEquals(ry / norm, m.get(0, v.id("y")), 1e-12);
        assertEquals(1.0, m.get(1, v.id("y")), 1e-12);
        assertEquals(0.0, m.get(1, v.id("x")), 0);
        assertEquals(3, m.nonZeros());
    }

    @Test
    void sparseProductsMatchDense() {
        double[][] a = {{1, 0, 2}, {0, 3, 0}};
        double[][] b = {{1, 2}, {3, 4}, {5, 6}};
        SparseMatrix s = SparseMatrix.ofDense(a);
        assertArrayEquals(new double[]{11, 14}, s.times(b)[0], 1e-12);
        assertArrayEquals(new double[]{9, 12}, s.times(b)[1], 1e-12);
        double[][] t = s.transposeTimes(new double[][]{{1}, {2}});
        assertArrayEquals(new double[]{1, 6, 2}, new double[]{t[0][0], t[1][0], t[2][0]}, 1e-12);
        assertArrayEquals(new double[]{0.5, 1.5, 1.0}, s.meanOfRows(new int[]{0, 1}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new SparseMatrix(3, new int[][]{{2, 1}}, new double[][]{{1, 1}}));
    }

    @Test
    void truncatedSvdReconstructsALowRankMatrixAndIsSeeded() {
        java.util.Random r = new java.util.Random(7);
        int n = 60;
        int v = 40;
        int rank = 3;
        double[][] left = new double[n][rank];
        double[][] right = new double[rank][v];
        for (double[] row : left) {
            for (int j = 0; j < rank; j++) {
                row[j] = r.nextGaussian();
            }
        }
        for (double[] row : right) {
            for (int j = 0; j < v; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] a = new double[n][v];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < v; j++) {
                for (int c = 0; c < rank; c++) {
                    a[i][j] += left[i][c] * right[c][j];
                }
            }
        }
        SparseMatrix s = SparseMatrix.ofDense(a);
        Svd svd = new TruncatedSvd(rank).fit(s, 1);
        double[][] back = svd.reconstruct();
        double err = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < v; j++) {
                err += Math.pow(back[i][j] - a[i][j], 2);
                total += a[i][j] * a[i][j];
            }
        }
        assertTrue(Math.sqrt(err / total) < 1e-8, "relative reconstruction error " + Math.sqrt(err / total));
        assertTrue(svd.singularValues()[0] >= svd.singularValues()[1]
                && svd.singularValues()[1] >= svd.singularValues()[2] && svd.singularValues()[2] > 0);
        // components are orthonormal
        for (int p = 0; p < rank; p++) {
            for (int q = 0; q < rank; q++) {
                double dot = 0;
                for (int j = 0; j < v; j++) {
                    dot += svd.components()[p][j] * svd.components()[q][j];
                }
                assertEquals(p == q ? 1 : 0, dot, 1e-9);
            }
        }
        // a rank-2 truncation keeps less than everything
        Svd two = new TruncatedSvd(2).fit(s, 1);
        assertEquals(svd.singularValues()[0], two.singularValues()[0], 1e-8 * svd.singularValues()[0]);
        assertArrayEquals(svd.singularValues(), new TruncatedSvd(rank).fit(s, 1).singularValues(), 0);
        assertArrayEquals(svd.embedding()[5], svd.transform(s)[5], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new TruncatedSvd(41).fit(s, 1));
    }

    @Test
    void fortunesSplitCleansAndCutsLongQuotations() {
        String content = "Short one here ok.\n\t\t-- Somebody\n%\nA b\n%\n"
                + "One two three four five. Six seven eight nine ten. Eleven twelve thirteen fourteen.\n%\n";
        List<String> texts = Fortunes.split(content, 6);
        assertEquals(List.of("Short one here ok.", "One two three four five.", "Six seven eight nine ten.",
                "Eleven twelve thirteen fourteen."), texts);
        assertEquals(List.of("One two three four five. Six seven eight nine ten. Eleven twelve thirteen fourteen."),
                Fortunes.split(content, 60).subList(1, 2));
    }

    @Test
    void missingDataNamesTheFetchCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var e = assertThrows(org.spuriouslab.data.DatasetMissingException.class,
                () -> Fortunes.load(dir, List.of("politics"), 60));
        assertTrue(e.getMessage().contains("data-fetch/fetch fortunes"), e.getMessage());
        var l = assertThrows(org.spuriouslab.data.DatasetMissingException.class,
                () -> Lexicon.load(dir.resolve("en.json")));
        assertTrue(l.getMessage().contains("data-fetch/fetch naughty-words"), l.getMessage());
    }

    @Test
    void lexiconParsesJsonAndKeepsSingleWords() {
        Lexicon lex = Lexicon.of(Lexicon.parseJsonStrings("[\n \"Darn\", \"heck it\", \"dang\",\"d\\u0061ng\"\n]"));
        assertEquals(List.of("darn", "heck it", "dang"), lex.entries());
        assertEquals(List.of("darn", "dang"), lex.singleWords());
        assertTrue(lex.contains("darn"));
        assertFalse(lex.contains("heck"));
        assertEquals(2, lex.count("Darn, what a dang day"));
    }
}
