package org.spuriouslab.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * One place a file can be fetched from, as written in the manifest's sources column.
 *
 * <ul>
 *   <li>{@code https://…} / {@code http://…} — an HTTP download ({@link Http});
 *   <li>{@code file:///abs/path} — a local file ({@link LocalFile});
 *   <li>{@code deb:PACKAGE:/abs/path} — a file shipped by a Debian package, installed on demand ({@link Deb});
 *   <li>{@code npm:NAME@VERSION:path/in/package} — a file inside an npm package's tarball ({@link Npm}).
 * </ul>
 */
public sealed interface Source permits Source.Http, Source.LocalFile, Source.Deb, Source.Npm {

    /** The source as written in the manifest; used in messages and in FETCHED.tsv. */
    String spec();

    /** True when fetching goes over the network (progress lines are worth showing). */
    default boolean remote() {
        return this instanceof Http || this instanceof Npm;
    }

    /** An HTTP(S) URL. */
    record Http(URI uri) implements Source {
        @Override
        public String spec() {
            return uri.toString();
        }
    }

    /** A {@code file:} URL naming an absolute local path. */
    record LocalFile(Path path) implements Source {
        @Override
        public String spec() {
            return path.toUri().toString();
        }
    }

    /** A file that the Debian package {@code pkg} installs at the absolute path {@code path}. */
    record Deb(String pkg, Path path) implements Source {
        @Override
        public String spec() {
            return "deb:" + pkg + ":" + path;
        }
    }

    /** The file {@code path} (relative to the package root) inside the npm package {@code name@version}. */
    record Npm(String name, String version, String path) implements Source {
        @Override
        public String spec() {
            return "npm:" + name + "@" + version + ":" + path;
        }
    }

    /** Parses one source; throws {@link IllegalArgumentException} with the reason when it is malformed. */
    static Source parse(String spec) {
        if (spec.startsWith("https://") || spec.startsWith("http://")) {
            try {
                URI uri = new URI(spec);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("URL without a host: " + spec);
                }
                return new Http(uri);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("malformed URL '" + spec + "': " + e.getMessage());
            }
        }
        if (spec.startsWith("file:")) {
            try {
                return new LocalFile(Path.of(new URI(spec)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed file URL '" + spec + "' (want file:///absolute/path): "
                        + e.getMessage());
            }
        }
        if (spec.startsWith("deb:")) {
            String rest = spec.substring(4);
            int colon = rest.indexOf(':');
            String pkg = colon < 0 ? "" : rest.substring(0, colon);
            String path = colon < 0 ? "" : rest.substring(colon + 1);
            if (!pkg.matches("[a-z0-9][a-z0-9+.-]+") || !path.startsWith("/")) {
                throw new IllegalArgumentException("malformed deb source '" + spec + "' (want deb:PACKAGE:/absolute/path)");
            }
            return new Deb(pkg, Path.of(path));
        }
        if (spec.startsWith("npm:")) {
            String rest = spec.substring(4);
            int at = rest.indexOf('@', 1); // a scoped name starts with '@'
            int colon = at < 0 ? -1 : rest.indexOf(':', at);
            if (at < 1 || colon < 0 || colon == at + 1 || colon == rest.length() - 1) {
                throw new IllegalArgumentException(
                        "malformed npm source '" + spec + "' (want npm:NAME@VERSION:path/in/package)");
            }
            String path = rest.substring(colon + 1);
            if (path.startsWith("/") || path.contains("..")) {
                throw new IllegalArgumentException("npm source '" + spec + "': the path must be relative to the package");
            }
            return new Npm(rest.substring(0, at), rest.substring(at + 1, colon), path);
        }
        throw new IllegalArgumentException("unknown source scheme in '" + spec
                + "' (allowed: https://, http://, file:///, deb:PACKAGE:/path, npm:NAME@VERSION:path)");
    }
}
