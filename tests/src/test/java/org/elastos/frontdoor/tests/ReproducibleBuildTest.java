package org.elastos.frontdoor.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Two clean builds of the same sources, in two different folders, give byte-identical jars. */
class ReproducibleBuildTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> OUR_JARS = List.of("wallet", "installers", "market", "pc2-link", "media-player", "home-box",
            "capsule-sandbox", "views", "app");

    @TempDir
    Path work;

    @BeforeAll
    static void needsMavenAndGit() {
        boolean ready = Processes.onPath("mvn") && Processes.onPath("git") && Files.isDirectory(ROOT.resolve(".git"));
        if (Processes.inCi()) {
            assertTrue(ready, "CI builds from a git clone with Maven on the PATH");
        }
        assumeTrue(ready, "needs mvn, git and a git checkout");
    }

    @Test
    void twoCleanBuildsGiveTheSameJars() throws Exception {
        Map<String, String> first = build(work.resolve("first"));
        Map<String, String> second = build(work.resolve("second"));
        assertEquals(new java.util.TreeSet<>(OUR_JARS), new java.util.TreeSet<>(first.keySet().stream()
                .map(jar -> jar.substring(0, jar.indexOf('/'))).toList()), "every module's jar was built: " + first.keySet());
        assertEquals(first, second, "the jars differ between two clean builds");
    }

    /** Copies the committed sources (what a fresh clone holds), builds our jars, and hashes them. */
    private Map<String, String> build(Path into) throws Exception {
        Processes.Result clone = Processes.run(work, 120, "git", "clone", "--quiet", "--no-hardlinks", ROOT.toString(), into.toString());
        assertEquals(0, clone.exit(), clone.output());
        copyUncommitted(into);
        Processes.Result build = Processes.run(into, Map.of(), 900, List.of("mvn", "-B", "-q", "-o", "-DskipTests",
                "-Denforcer.skip=true", "-pl", String.join(",", OUR_JARS), "package"));
        assertEquals(0, build.exit(), build.output());
        Map<String, String> hashes = new TreeMap<>();
        for (String module : OUR_JARS) {
            Path target = into.resolve(module).resolve("target");
            Path lib = module.equals("app") ? target.resolve("lib") : target;
            try (Stream<Path> files = Files.list(lib)) {
                for (Path jar : files.filter(p -> p.getFileName().toString().startsWith(module.equals("app") ? "frontdoor-app" : module)
                        && p.toString().endsWith(".jar")).toList()) {
                    hashes.put(module + "/" + jar.getFileName(), sha256(jar));
                }
            }
        }
        assertFalse(hashes.isEmpty());
        return hashes;
    }

    /** A developer's run also checks what they have not committed yet: copy changed sources over the clone. */
    private static void copyUncommitted(Path clone) throws IOException, InterruptedException {
        Processes.Result changed = Processes.run(ROOT, 60, "git", "ls-files", "--modified", "--others", "--exclude-standard");
        Processes.Result staged = Processes.run(ROOT, 60, "git", "diff", "--cached", "--name-only");
        for (String line : (changed.output() + "\n" + staged.output()).split("\n")) {
            if (!line.isBlank() && Files.isRegularFile(ROOT.resolve(line))) {
                Path target = clone.resolve(line);
                Files.createDirectories(target.getParent());
                Files.copy(ROOT.resolve(line), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
