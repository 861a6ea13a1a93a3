package dev.strata.cli;

import picocli.CommandLine;

/** VersionProvider reads the version Maven wrote into the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"strata " + (v == null ? "dev" : v)};
    }
}
