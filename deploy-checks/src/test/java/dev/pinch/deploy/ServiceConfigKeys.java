package dev.pinch.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The configuration keys a Pinch service really reads, and whether an environment variable maps to one of them.
 *
 * <p>Known keys of a service: the keys of its {@code src/main/resources/application.properties} (unprofiled and
 * {@code %prod.} ones, the profile stripped), the environment variables those values reference
 * ({@code ${PINCH_STORE_ROOT:./pinch-data}}), and the properties of every {@code @ConfigMapping} interface in the
 * service's jar and in the jars of its {@code dev.pinch} dependencies (read from the jar's embedded pom.xml,
 * transitively), enumerated with SmallRye Config's {@link ConfigMappings#getProperties}. Those jars are test
 * dependencies of this module.
 *
 * <p>An environment variable matches a key the way SmallRye Config's environment source does: both sides are
 * normalised by replacing every character that is not a letter or digit with {@code _} and upper-casing, so
 * {@code PINCH_STORE_S3_PATH_STYLE_ACCESS} matches {@code pinch.store.s3.path-style-access}. A map-valued mapping
 * property ({@code pinch.trainer.builtin-pretrain.*}) matches any non-empty name in place of {@code *}.
 */
public final class ServiceConfigKeys {

    /**
     * Environment variables that are not configuration keys but are read by the images or native libraries. Keep
     * this list short and explicit: every entry needs a reason.
     */
    static final Map<String, String> NON_CONFIG_VARIABLES = Map.of(
            "JAVA_OPTS", "JVM options, read by the images' entrypoint (src/main/docker/Dockerfile.*)",
            "OMP_WAIT_POLICY", "libtorch's OpenMP threads (trainer and evaluator)",
            "PYTORCH_LIBRARY_PATH", "DJL PyTorch engine: libtorch directory (CUDA image)",
            "PYTORCH_VERSION", "DJL PyTorch engine: libtorch version (CUDA image)",
            "PYTORCH_FLAVOR", "DJL PyTorch engine: libtorch flavour, cu128 (CUDA image)");

    /**
     * Kafka client settings as environment variables: Quarkus' Kafka extension passes every {@code kafka.*} name
     * (an environment variable {@code KAFKA_X_Y} as {@code x.y}) to all Kafka clients of the service, so these set
     * the clients' own settings, not keys of the service. Only the ones the manifests use, each with its reason.
     */
    static final Map<String, String> KAFKA_CLIENT_VARIABLES = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "security.protocol: SASL_PLAINTEXT against Strimzi's SCRAM listener (k8s)",
            "KAFKA_SASL_MECHANISM", "sasl.mechanism: SCRAM-SHA-512 (k8s)",
            "KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config: the KafkaUser's credentials, from its Secret (k8s)");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");

    private final String module;
    private final Set<String> keys;
    private final List<Pattern> mapKeys;

    private ServiceConfigKeys(String module, Set<String> keys, List<Pattern> mapKeys) {
        this.module = module;
        this.keys = keys;
        this.mapKeys = mapKeys;
    }

    /** The known keys of the service in module {@code module} of the repository at {@code repo}. */
    public static ServiceConfigKeys of(Path repo, String module) {
        Set<String> names = new TreeSet<>(applicationProperties(repo.resolve(module)
                .resolve("src/main/resources/application.properties")));
        for (Class<?> mapping : configMappings(module)) {
            names.addAll(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping)).keySet());
        }
        Set<String> plain = new TreeSet<>();
        List<Pattern> maps = new ArrayList<>();
        for (String name : names) {
            if (name.contains("*")) {
                StringBuilder regex = new StringBuilder();
                String[] parts = name.split("\\*", -1);
                for (int i = 0; i < parts.length; i++) {
                    regex.append(Pattern.quote(normalize(parts[i])));
                    if (i < parts.length - 1) {
                        regex.append("[A-Z0-9_]+");
                    }
                }
                maps.add(Pattern.compile(regex.toString()));
            } else {
                plain.add(normalize(name));
            }
        }
        return new ServiceConfigKeys(module, plain, maps);
    }

    /** A key or environment variable name as SmallRye Config's environment source compares it. */
    public static String normalize(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Whether environment variable {@code name} sets a known key of this service (or is an allowed non-config one). */
    public boolean accepts(String name) {
        if (NON_CONFIG_VARIABLES.containsKey(name) || KAFKA_CLIENT_VARIABLES.containsKey(name)) {
            return true;
        }
        String env = normalize(name);
        return keys.contains(env) || mapKeys.stream().anyMatch(p -> p.matcher(env).matches());
    }

    /** One message per variable of {@code environment} that maps to no known key, naming the service. */
    public List<String> unknown(String composeService, Iterable<String> environment) {
        List<String> problems = new ArrayList<>();
        for (String name : environment) {
            if (!accepts(name)) {
                problems.add("compose service '" + composeService + "' (module " + module + ") sets " + name
                        + ", which maps to no config key of the service (application.properties, @ConfigMapping "
                        + "interfaces, or ServiceConfigKeys.NON_CONFIG_VARIABLES)");
            }
        }
        return problems;
    }

    /** The normalised known keys (for messages and tests). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(keys);
    }

    /** Keys of an application.properties: unprofiled and %prod. ones, plus the environment variables values use. */
    static Set<String> applicationProperties(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            Matcher refs = ENV_REFERENCE.matcher(props.getProperty(key));
            while (refs.find()) {
                keys.add(refs.group(1));
            }
            if (!key.startsWith("%")) {
                keys.add(key);
                continue;
            }
            int dot = key.indexOf('.');
            List<String> profiles = List.of(key.substring(1, dot).split(","));
            if (profiles.contains("prod")) {
                keys.add(key.substring(dot + 1));
            }
        }
        return keys;
    }

    /** The @ConfigMapping interfaces of a service: in its jar and its dev.pinch dependencies' jars, transitively. */
    static List<Class<?>> configMappings(String module) {
        List<Class<?>> mappings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String artifactId = todo.pop();
            if (!seen.add(artifactId)) {
                continue;
            }
            Path jar = jarOf(artifactId);
            try (JarFile jf = new JarFile(jar.toFile())) {
                todo.addAll(pinchDependencies(jf, artifactId));
                Enumeration<JarEntry> entries = jf.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith("dev/pinch/") && name.endsWith(".class") && !name.contains("$")) {
                        Class<?> type = load(name.substring(0, name.length() - 6).replace('/', '.'));
                        if (type != null && type.isInterface() && type.isAnnotationPresent(ConfigMapping.class)) {
                            mappings.add(type);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mappings;
    }

    /** The jar of dev.pinch:{@code artifactId} on the test classpath, found by its pom.properties. */
    static Path jarOf(String artifactId) {
        String resource = "META-INF/maven/dev.pinch/" + artifactId + "/pom.properties";
        URL url = ServiceConfigKeys.class.getClassLoader().getResource(resource);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException("dev.pinch:" + artifactId + " is not a jar on deploy-checks' test "
                    + "classpath (" + url + "): add it to deploy-checks/pom.xml as a test dependency");
        }
        try {
            return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The non-test dev.pinch dependencies declared in the pom.xml embedded in a dev.pinch jar. */
    static List<String> pinchDependencies(JarFile jar, String artifactId) throws IOException {
        JarEntry pom = jar.getJarEntry("META-INF/maven/dev.pinch/" + artifactId + "/pom.xml");
        if (pom == null) {
            return List.of();
        }
        try (InputStream in = jar.getInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList deps = factory.newDocumentBuilder().parse(in).getElementsByTagName("dependency");
            List<String> result = new ArrayList<>();
            for (int i = 0; i < deps.getLength(); i++) {
                Element dep = (Element) deps.item(i);
                if (!dep.getParentNode().getParentNode().getNodeName().equals("project")) {
                    continue; // dependencyManagement or a plugin's dependencies
                }
                String scope = text(dep, "scope");
                if ("dev.pinch".equals(text(dep, "groupId")) && !"test".equals(scope) && !"provided".equals(scope)) {
                    result.add(text(dep, "artifactId"));
                }
            }
            return result;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read the pom.xml of " + artifactId, e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ServiceConfigKeys.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // a class needing a library this module leaves out cannot be a config mapping we need
        }
    }
}
