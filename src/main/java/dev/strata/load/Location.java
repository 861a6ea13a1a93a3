package dev.strata.load;

import java.nio.file.Path;

/** Location represents a place in a model file: the file and a 1-based line (0 when unknown). */
record Location(Path file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
