package org.spuriouslab.fetch;

import java.io.IOException;

/** Installs a Debian package on demand, for {@code deb:} sources whose file is missing. */
@FunctionalInterface
public interface PackageInstaller {

    /**
     * Installs {@code pkg}, or throws an {@link IOException} whose message tells the user what to do instead (for
     * example the exact {@code sudo apt-get install} command).
     */
    void install(String pkg) throws IOException;

    /** An installer that never installs: its message names the command to run by hand. */
    static PackageInstaller manual() {
        return pkg -> {
            throw new IOException("Debian package " + pkg + " is not installed; install it with: sudo apt-get install "
                    + pkg);
        };
    }
}
