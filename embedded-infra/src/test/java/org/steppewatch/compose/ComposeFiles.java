package org.steppewatch.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** The Docker Compose deployment as its files in the repository say it: docker-compose.yml and compose/. */
final class ComposeFiles {

    /** {@code ${NAME:-}}: a value docker-compose takes from .env, empty when it is not set there. */
    private static final Pattern FROM_ENV_FILE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-[^}]*)?}");

    private final Path root;
    private final Map<String, Object> compose;

    private ComposeFiles(Path root, Map<String, Object> compose) {
        this.root = root;
        this.compose = compose;
    }

    static ComposeFiles load() {
        Path root = repositoryRoot();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return new ComposeFiles(root, compose);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run in the module directory; the compose files live at the repository root. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("compose"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The service's environment with merged anchors, every value as a string. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
        }
        return values;
    }

    /** The names of the .env variables a value refers to. */
    static List<String> envFileVariables(String value) {
        List<String> names = new ArrayList<>();
        Matcher matcher = FROM_ENV_FILE.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The value with every {@code ${NAME:-default}} replaced as docker-compose would, from the given .env. */
    static String interpolate(String value, Map<String, String> envFile) {
        Matcher matcher = FROM_ENV_FILE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String text = matcher.group();
            String fallback = text.contains(":-") ? text.substring(text.indexOf(":-") + 2, text.length() - 1) : "";
            String replacement = envFile.getOrDefault(matcher.group(1), fallback);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.isEmpty() ? fallback : replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Variable names defined in compose/.env.example. */
    Set<String> envExampleNames() {
        Set<String> names = new java.util.TreeSet<>();
        for (String line : read("compose/.env.example").split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                names.add(trimmed.substring(0, trimmed.indexOf('=')));
            }
        }
        return names;
    }

    /** One line of compose/kafka/acls.txt. */
    record Acl(String principal, String operation, String resource) {
    }

    List<Acl> kafkaAcls() {
        List<Acl> acls = new ArrayList<>();
        for (String line : read("compose/kafka/acls.txt").split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 3) {
                throw new AssertionError("acls.txt: not principal, operation, resource: " + line);
            }
            acls.add(new Acl(fields[0], fields[1], fields[2]));
        }
        return acls;
    }
}
