package dev.strata.inspect;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.model.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inspection represents the model tree written for one live schema: the text of each file, by
 * its path under the models root ({@code shared/models.edn}, ...), and what the tree leaves out.
 *
 * @param schemaName  the inspected schema
 * @param schema      the schema as the catalog read it
 * @param files       file path relative to the models root -> EDN text, in a fixed order
 * @param unsupported what the tree does not carry, sorted
 */
public record Inspection(String schemaName, Schema schema, Map<String, String> files, List<Unsupported> unsupported) {
    /** The layer the files go in: the loader reads {@code shared/} under a models root. */
    public static final String LAYER = "shared";

    public Inspection {
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(schema, "schema");
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        unsupported = List.copyOf(unsupported);
    }

    /** The objects left out of the tree entirely. */
    public List<Unsupported> leftOut() {
        return unsupported.stream().filter(Unsupported::leftOut).toList();
    }

    /**
     * Refuses (exit 8) when one of the files would replace a file under {@code root}; {@link
     * #writeTo} does the same check, this lets a caller make it before other work.
     */
    public void refuseExisting(Path root) {
        for (String file : files.keySet()) {
            Path target = root.resolve(file);
            if (Files.exists(target)) {
                throw new StrataException(ErrorCode.CONFIG, "model file " + target + " already exists"
                        + "\n  Choose an empty --out directory, or pass --force to replace the files.");
            }
        }
    }

    /**
     * Writes the files under {@code root} (which becomes a models root) and returns their paths.
     * Existing model files are refused unless {@code overwrite}; nothing is written then.
     */
    public List<Path> writeTo(Path root, boolean overwrite) {
        if (!overwrite) {
            refuseExisting(root);
        }
        List<Path> targets = files.keySet().stream().map(root::resolve).toList();
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = root.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), ".inspect-", ".tmp");
                Files.writeString(temp, e.getValue(), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new StrataException(ErrorCode.CONFIG, "could not write the model tree under " + root + ": "
                    + e.getMessage() + "\n  Check that the directory is writable.", e);
        }
        return List.copyOf(targets);
    }
}
