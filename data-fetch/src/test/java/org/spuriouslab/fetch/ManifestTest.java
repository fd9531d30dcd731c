package org.spuriouslab.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final String HEADER = String.join("\t", Manifest.COLUMNS) + "\n";
    private static final String SHA = "a".repeat(64);

    private static Path realManifest() {
        return Path.of(System.getProperty("basedir", ".")).resolve("manifest.tsv");
    }

    @Test
    void realManifestHasMnistAndFashionMnist() {
        Manifest m = Manifest.load(realManifest());

        assertEquals(List.of("mnist", "fashion-mnist"), m.datasets().subList(0, 2));
        for (String dataset : List.of("mnist", "fashion-mnist")) {
            List<ManifestEntry> entries = m.entries(dataset);
            assertEquals(4, entries.size(), dataset);
            for (ManifestEntry e : entries) {
                assertTrue(e.sha256().matches("[0-9a-f]{64}"), e.label());
                assertTrue(e.size() > 4000, e.label());
            }
        }
        for (ManifestEntry e : m.entries("mnist")) {
            assertEquals(Transform.NONE, e.transform());
            assertTrue(e.file().endsWith(".gz"));
            List<String> specs = e.sources().stream().map(Source::spec).toList();
            assertTrue(specs.contains("https://ossci-datasets.s3.amazonaws.com/mnist/" + e.file()), specs::toString);
            assertTrue(specs.contains("https://storage.googleapis.com/cvdf-datasets/mnist/" + e.file()),
                    specs::toString);
            assertTrue(e.ifUnavailable().orElseThrow().contains("data-fetch/fetch fashion-mnist"));
        }
        ManifestEntry labels = m.entries("mnist").stream()
                .filter(e -> e.file().equals("train-labels-idx1-ubyte.gz")).findFirst().orElseThrow();
        assertEquals(28881, labels.size());
        assertEquals("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", labels.sha256());
        for (ManifestEntry e : m.entries("fashion-mnist")) {
            assertEquals(Transform.GUNZIP, e.transform());
            assertEquals(new Source.Deb("dataset-fashion-mnist",
                    Path.of("/usr/share/datasets/fashion-mnist/" + e.file() + ".gz")), e.sources().getFirst());
            assertEquals("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/" + e.file() + ".gz",
                    e.sources().get(1).spec());
        }
        ManifestEntry images = m.entries("fashion-mnist").getFirst();
        assertEquals("train-images-idx3-ubyte", images.file());
        assertEquals(47_040_016, images.size());
    }

    @Test
    void parsesCommentsBlankLinesAndAllSourceSchemes() {
        Manifest m = Manifest.parse("# comment\n\n" + HEADER + "# another\n"
                + "ds\tf.txt\t12\t" + SHA.toUpperCase() + "\tnone\thttps://h/f  file:///tmp/f deb:pkg-x:/usr/share/f "
                + "npm:@scope/words@2.0.0:lists/en.txt\t-\r\n", "m");

        ManifestEntry e = m.entries().getFirst();
        assertEquals(SHA, e.sha256());
        assertEquals(List.of(new Source.Http(java.net.URI.create("https://h/f")), new Source.LocalFile(Path.of("/tmp/f")),
                new Source.Deb("pkg-x", Path.of("/usr/share/f")),
                new Source.Npm("@scope/words", "2.0.0", "lists/en.txt")), e.sources());
        assertTrue(e.ifUnavailable().isEmpty());
    }

    private static String error(String body) {
        return assertThrows(ManifestException.class, () -> Manifest.parse(HEADER + body, "test.tsv")).getMessage();
    }

    @Test
    void badLinesAreReportedWithTheirLineNumber() {
        assertEquals("test.tsv line 2: expected 6 or 7 tab-separated fields (dataset, file, size, sha256, transform, "
                + "sources, if_unavailable), found 3: 'ds\tf\t12'", error("ds\tf\t12\n"));
        assertTrue(error("ds\tf\tbig\t" + SHA + "\tnone\thttps://h/f\n")
                .startsWith("test.tsv line 2: size 'big' is not a whole number of bytes"));
        assertTrue(error("\nds\tf\t1\tabc\tnone\thttps://h/f\n").startsWith("test.tsv line 3: sha256 'abc' is not 64"));
        assertTrue(error("ds\tf\t1\t" + SHA + "\tunzip\thttps://h/f\n")
                .contains("unknown transform 'unzip' (allowed: none, gunzip)"));
        assertTrue(error("ds\tf\t1\t" + SHA + "\tnone\tftp://h/f\n").contains("unknown source scheme in 'ftp://h/f'"));
        assertTrue(error("ds\tf\t1\t" + SHA + "\tnone\tdeb:pkg\n").contains("want deb:PACKAGE:/absolute/path"));
        assertTrue(error("ds\tf\t1\t" + SHA + "\tnone\tnpm:words:x\n").contains("want npm:NAME@VERSION:path"));
        assertTrue(error("ds\t../f\t1\t" + SHA + "\tnone\thttps://h/f\n").contains("bad file name '../f'"));
        assertTrue(error("ds\tf\t1\t" + SHA + "\tnone\t \n").contains("no sources"));
        String line = "ds\tf\t1\t" + SHA + "\tnone\thttps://h/f\n";
        assertEquals("test.tsv line 3: duplicate entry ds/f", error(line + line));
    }

    @Test
    void missingHeaderIsReported() {
        ManifestException e = assertThrows(ManifestException.class,
                () -> Manifest.parse("ds\tf\t1\t" + SHA + "\tnone\thttps://h/f\n", "m.tsv"));
        assertTrue(e.getMessage().startsWith("m.tsv line 1: expected the header line 'dataset<TAB>file"),
                e.getMessage());
    }
}
