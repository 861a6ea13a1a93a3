package dev.strata.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** ModelTree writes model files under a root folder for tests. */
final class ModelTree {
    final Path root;

    ModelTree(Path root) {
        this.root = root;
    }

    ModelTree file(String relative, String text) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    LoadedModel load() {
        return ModelLoader.load(root);
    }
}
