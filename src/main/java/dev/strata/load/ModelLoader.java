package dev.strata.load;

import dev.strata.ErrorCode;
import dev.strata.StrataException;
import dev.strata.edn.EdnMap;
import dev.strata.edn.EdnPrinter;
import dev.strata.edn.EdnReader;
import dev.strata.edn.EdnVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import us.bpsm.edn.Keyword;

/**
 * ModelLoader turns a model tree into a validated {@link LoadedModel}: it reads the layers
 * ({@code shared/}, {@code template/}, then every folder under {@code domain/} in name order),
 * strips application metadata, merges one map per file kind, parses the three model syntaxes and
 * the extended objects, and validates the whole. Every problem is collected before it fails.
 */
public final class ModelLoader {
    private ModelLoader() {
    }

    /** Loads with the default options. */
    public static LoadedModel load(Path modelsRoot) {
        return load(modelsRoot, LoadOptions.defaults());
    }

    /**
     * Loads a model tree.
     *
     * @throws StrataException {@link ErrorCode#INVALID_MODEL} with every problem in
     *                         {@link StrataException#problems()}; {@link ErrorCode#CONFIG} when the
     *                         root is not a directory
     */
    public static LoadedModel load(Path modelsRoot, LoadOptions options) {
        if (!Files.isDirectory(modelsRoot)) {
            throw new StrataException(ErrorCode.CONFIG, "models directory " + modelsRoot
                    + " does not exist; create it or pass --models-dir");
        }
        Problems problems = new Problems();
        List<Layer> layers = layers(modelsRoot);
        Set<Keyword> strip = options.stripKeys().stream().map(Keyword::newKeyword).collect(Collectors.toSet());
        Map<FileKind, Map<Object, Entry>> merged = new EnumMap<>(FileKind.class);
        for (FileKind kind : FileKind.values()) {
            merged.put(kind, new LinkedHashMap<>());
        }
        for (Layer layer : layers) {
            for (FileKind kind : FileKind.values()) {
                Path file = layer.dir().resolve(kind.fileName());
                if (Files.isRegularFile(file)) {
                    read(file, kind, strip, merged.get(kind), problems);
                }
            }
        }

        ModelParser models = new ModelParser(problems);
        merged.get(FileKind.MODELS).values().forEach(e -> models.parse(e.key(), e.value(), e.where()));
        ExtendedObjectParser extended = new ExtendedObjectParser(problems);
        merged.get(FileKind.FUNCTIONS).values().forEach(e -> extended.function(e.key(), e.value(), e.where()));
        merged.get(FileKind.VIEWS).values().forEach(e -> extended.view(e.key(), e.value(), e.where()));
        merged.get(FileKind.TRIGGERS).values().forEach(e -> extended.trigger(e.key(), e.value(), e.where()));
        merged.get(FileKind.POLICIES).values().forEach(e -> extended.policy(e.key(), e.value(), e.where()));
        SchemaAssembler.Result result = new SchemaAssembler(models, extended, problems).assemble();
        problems.throwIfAny("invalid model in " + modelsRoot);

        EdnMap.Builder processed = new EdnMap.Builder(0);
        for (FileKind kind : FileKind.values()) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            merged.get(kind).values().forEach(e -> entries.put(e.key(), kind == FileKind.MODELS
                    ? models.processed.getOrDefault(e.key(), e.value()) : e.value()));
            processed.put(kind.key(), EdnMap.of(entries), 0);
        }
        return new LoadedModel(result.schema(), result.hints(), processed.build(),
                layers.stream().map(Layer::name).toList());
    }

    /** A layer folder. */
    private record Layer(String name, Path dir) {
    }

    /** One merged top-level entry with where it is defined. */
    private record Entry(Object key, Object value, Location where) {
    }

    private static List<Layer> layers(Path root) {
        List<Layer> layers = new ArrayList<>();
        for (String fixed : List.of("shared", "template")) {
            if (Files.isDirectory(root.resolve(fixed))) {
                layers.add(new Layer(fixed, root.resolve(fixed)));
            }
        }
        Path domain = root.resolve("domain");
        if (Files.isDirectory(domain)) {
            try (Stream<Path> dirs = Files.list(domain)) {
                dirs.filter(Files::isDirectory)
                        .map(d -> d.getFileName().toString())
                        .sorted()
                        .forEach(n -> layers.add(new Layer("domain/" + n, domain.resolve(n))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + domain, e);
            }
        }
        return layers;
    }

    private static void read(Path file, FileKind kind, Set<Keyword> strip, Map<Object, Entry> merged,
                             Problems problems) {
        Object doc;
        try {
            doc = EdnReader.read(file);
        } catch (StrataException e) {
            problems.addRaw(e.getMessage());
            return;
        }
        if (!(doc instanceof EdnMap map)) {
            int line = doc instanceof EdnVector v ? v.line() : 1;
            problems.add(new Location(file, line), null, kind.fileName() + " must hold one map, not "
                    + EdnPrinter.flat(doc).substring(0, Math.min(40, EdnPrinter.flat(doc).length())),
                    "write {:name definition ...}");
            return;
        }
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            Location where = new Location(file, map.lineOf(e.getKey()));
            Entry first = merged.get(e.getKey());
            if (first != null) {
                problems.add(where, null, EdnPrinter.flat(e.getKey()) + " in " + kind.fileName()
                                + " is defined twice: at " + first.where() + " and at " + where,
                        "keep one definition (a key may be defined in only one layer)");
                continue;
            }
            merged.put(e.getKey(), new Entry(e.getKey(), Strip.strip(e.getValue(), strip), where));
        }
    }
}
