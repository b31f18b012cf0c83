package org.elastos.frontdoor.tests;

import com.sun.net.httpserver.HttpServer;
import org.elastos.frontdoor.installers.ReleaseArtifact;
import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.installers.platform.ProjectVersion;
import org.elastos.frontdoor.installers.platform.ReleasePlan;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.elastos.frontdoor.wallet.vault.Wallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A release rehearsal on this machine: every release workflow's bash steps (its own script text, read from the
 * workflow) run here in order, with a test publisher's vault as the secret. The Linux packages are really built;
 * what only another platform can build stands in as files where its packager leaves them, under the packager's
 * names, as large as the .deb (the same runtime and jars are inside). Then the download page is written from the
 * manifests, served on loopback, and visited in Chromium as a Mac (Apple silicon, Intel), Windows and Linux visitor,
 * and with scripts off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseRehearsalTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final Path TARGET = ROOT.resolve("installers/target");
    private static final String PASSWORD = "rehearsal publisher password";
    private static final Pattern HREF = Pattern.compile("<a [^>]*href=\"([^\"]*)\"");
    private static final Pattern DOWNLOAD = Pattern.compile("<a id=\"download\" href=\"([^\"]*)\"");

    private final Map<ReleaseTarget, Path> builtIn = new LinkedHashMap<>();
    private final Map<String, Path> served = new HashMap<>();
    private String publisher;
    private ProjectVersion version;
    private long debSize;
    private Path work;
    private HttpServer server;
    private Chromium chromium;

    @BeforeAll
    void rehearse() throws Exception {
        boolean ready = "root".equals(System.getProperty("user.name")) && Chromium.installed()
                && Stream.of("fakeroot", "dpkg-deb", "png2icns", "convert").allMatch(Processes::onPath)
                && Files.exists(ROOT.resolve("app/target/lib/frontdoor-app.jar"));
        if (Processes.inCi()) {
            assertTrue(ready, "CI runs as root with chromium, fakeroot, dpkg-deb, icnsutils and ImageMagick (see .ci/run), after the app's package");
        }
        assumeTrue(ready, "needs root, chromium, fakeroot, dpkg-deb, icnsutils, ImageMagick and the built app");
        work = Files.createTempDirectory("release-rehearsal-");
        version = ProjectVersion.parse(appVersion());

        Vault.at(work.resolve("vault")).create(RecoveryPhrase.parse(
                "legal winner thank year wave sausage worth useful legal winner thank yellow"), "", PASSWORD.toCharArray());
        try (Wallet wallet = Wallet.open(Vault.at(work.resolve("vault")))) {
            publisher = wallet.unlock(PASSWORD.toCharArray()).did().value();
        }
        Map<String, String> secrets = Map.of(
                "${{ secrets.RELEASE_VAULT_B64 }}", Base64.getEncoder().encodeToString(Files.readAllBytes(work.resolve("vault/vault.json"))),
                "${{ secrets.RELEASE_VAULT_PASSWORD }}", PASSWORD,
                "${{ vars.RELEASE_PUBLISHER }}", publisher,
                "${{ github.ref_type == 'tag' && github.ref_name || '' }}", "",
                "${{ github.event.workflow_run.head_sha || github.sha }}", "the commit being rehearsed");

        Map<String, String> linux = run("release-linux.yml", "package", secrets, Map.of());
        builtIn.put(ReleaseTarget.LINUX_X64, TARGET.resolve("deb"));
        debSize = Files.size(TARGET.resolve("deb").resolve(linux.get("RELEASE_DEB")));

        run("release-macos.yml", "icons", secrets, Map.of());
        for (ReleaseTarget mac : List.of(ReleaseTarget.MACOS_X64, ReleaseTarget.MACOS_ARM64)) {
            Path dir = fresh(TARGET.resolve("mac"));
            standIn(dir.resolve("elastOS Front Door-" + version.numbers() + ".dmg"), mac);
            standIn(dir.resolve("elastOS Front Door-" + version.numbers() + ".pkg"), mac);
            Map<String, String> matrix = new HashMap<>(secrets);
            matrix.put("${{ matrix.target }}", mac.id());
            run("release-macos.yml", "package", matrix, Map.of());
            builtIn.put(mac, keep(dir, mac));
        }

        run("release-windows.yml", "icons", secrets, Map.of());
        standIn(fresh(TARGET.resolve("windows")).resolve("elastOS Front Door-" + version.numbers() + ".msi"), ReleaseTarget.WINDOWS_X64);
        run("release-windows.yml", "package", secrets, Map.of());
        builtIn.put(ReleaseTarget.WINDOWS_X64, TARGET.resolve("windows"));

        Path gvm = fresh(ROOT.resolve("app/target/gluonfx/aarch64-android/gvm"));
        standIn(gvm.resolve("elastOS Front Door.apk"), ReleaseTarget.ANDROID_ARM64);
        standIn(gvm.resolve("elastOS Front Door.aab"), ReleaseTarget.ANDROID_ARM64);
        fresh(TARGET.resolve("android"));
        run("release-mobile.yml", "android", secrets, Map.of());
        builtIn.put(ReleaseTarget.ANDROID_ARM64, TARGET.resolve("android"));
        standIn(fresh(ROOT.resolve("app/target/gluonfx/arm64-ios")).resolve("elastOS Front Door.ipa"), ReleaseTarget.IOS_ARM64);
        fresh(TARGET.resolve("ios"));
        run("release-mobile.yml", "ios", secrets, Map.of());
        builtIn.put(ReleaseTarget.IOS_ARM64, TARGET.resolve("ios"));

        // What the collecting step downloads from GitHub: each target's manifest in a folder named after its artifact.
        Path collected = fresh(TARGET.resolve("collected"));
        for (Map.Entry<ReleaseTarget, Path> built : builtIn.entrySet()) {
            String manifest = ReleasePlan.manifestName(built.getKey());
            Path into = Files.createDirectories(collected.resolve("manifest-" + built.getKey().id()));
            Files.copy(built.getValue().resolve(manifest), into.resolve(manifest));
        }
        fresh(TARGET.resolve("site"));
        run("release-page.yml", "page", secrets, Map.of("PAGE_READY", "true"));
        serve();
        chromium = Chromium.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static String appVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>frontdoor</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find());
        return m.group(1);
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** The Intel and Apple silicon jobs use one folder on their own runners; here each job's output is kept apart. */
    private Path keep(Path dir, ReleaseTarget target) throws IOException {
        Path kept = fresh(work.resolve(target.id()));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.move(file, kept.resolve(file.getFileName()));
            }
        }
        return kept;
    }

    private void standIn(Path file, ReleaseTarget target) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "stands in for " + file.getFileName() + " for " + target + ", which only its platform's runner builds\n");
        try (RandomAccessFile sized = new RandomAccessFile(file.toFile(), "rw")) {
            sized.setLength(Math.max(debSize, 1 << 20));
        }
    }

    /**
     * Runs a job's bash steps as the runner would (bash -eo pipefail, plus -u so a misspelt variable fails here),
     * with $GITHUB_ENV carried from step to step. A value the job or step takes from ${{ }} must be one the
     * rehearsal knows.
     */
    private Map<String, String> run(String workflow, String jobId, Map<String, String> expressions, Map<String, String> seed) throws Exception {
        WorkflowFile.Job job = WorkflowFile.read(WORKFLOWS.resolve(workflow)).jobs().get(jobId);
        assertTrue(job != null, workflow + " has no job " + jobId);
        Path githubEnv = Files.createTempFile(work, "github-env-", "");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("GITHUB_ENV", githubEnv.toString());
        env.put("GITHUB_WORKSPACE", ROOT.toString());
        env.put("RUNNER_TEMP", Files.createDirectories(work.resolve("runner-temp")).toString());
        Optional.ofNullable(System.getenv("JAVA_HOME")).ifPresent(home -> env.put("JAVA_HOME", home));
        env.putAll(seed);
        resolve(job.env(), expressions, workflow + " " + jobId).forEach(env::put);
        List<String> ran = new ArrayList<>();
        for (WorkflowFile.Step step : job.steps()) {
            if (!step.bash() || !applies(step, env)) {
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            stepEnv.putAll(resolve(step.env(), expressions, workflow + " \"" + step.name() + "\""));
            Path script = Files.writeString(Files.createTempFile(work, "step-", ".sh"), step.run().orElseThrow());
            ProcessBuilder bash = new ProcessBuilder("bash", "--noprofile", "--norc", "-euo", "pipefail", script.toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("step.log").toFile());
            bash.environment().clear();
            bash.environment().putAll(stepEnv);
            Process process = bash.start();
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), workflow + " \"" + step.name() + "\" ran over 300 s");
            assertEquals(0, process.exitValue(), workflow + " \"" + step.name() + "\" failed:\n" + Files.readString(work.resolve("step.log")));
            for (String line : Files.readAllLines(githubEnv)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            ran.add(step.name());
        }
        assertFalse(ran.isEmpty(), workflow + " " + jobId + " has no bash step to rehearse");
        if (!jobId.equals("icons") && !jobId.equals("page")) {
            assertTrue(ran.containsAll(List.of("Plan the release", "Sign the release manifest", "Verify the manifest before uploading")),
                    workflow + " " + jobId + " plans, signs and verifies: " + ran);
        }
        return env;
    }

    private static Map<String, String> resolve(Map<String, String> declared, Map<String, String> expressions, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            if (value.contains("${{")) {
                assertTrue(expressions.containsKey(value), where + " takes " + name + " from " + value + ", which the rehearsal does not know");
                values.put(name, expressions.get(value));
            } else {
                values.put(name, value);
            }
        });
        return values;
    }

    private static boolean applies(WorkflowFile.Step step, Map<String, String> env) {
        if (step.condition().isEmpty()) {
            return true;
        }
        Matcher test = Pattern.compile("env\\.(\\w+) == '([^']*)'").matcher(step.condition().get());
        assertTrue(test.matches(), "the rehearsal reads only if: env.NAME == 'value', not " + step.condition().get());
        return test.group(2).equals(env.get(test.group(1)));
    }

    /** The site, and every file the manifests list, from one loopback server, as a release's files would be. */
    private void serve() throws IOException {
        Path site = TARGET.resolve("site");
        try (Stream<Path> pages = Files.list(site)) {
            pages.forEach(file -> served.put(file.getFileName().toString(), file));
        }
        for (Path dir : builtIn.values()) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> served.putIfAbsent(file.getFileName().toString(), file));
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = served.get(exchange.getRequestURI().getPath().substring(1));
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream");
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : Files.size(file));
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        Files.copy(file, out);
                    }
                }
            }
            exchange.close();
        });
        server.start();
    }

    private String pageUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html";
    }

    /** Visits the page as a browser on another machine would present itself, and returns the document once settled. */
    private String visit(String userAgent, String platform, Optional<String> architecture, boolean scripts, Optional<Path> screenshot) throws Exception {
        try (Chromium.Tab tab = chromium.open()) {
            Map<String, Object> override = new LinkedHashMap<>();
            override.put("userAgent", userAgent);
            override.put("platform", platform);
            architecture.ifPresent(arch -> override.put("userAgentMetadata", Map.of("platform", "macOS", "platformVersion", "14.5.0",
                    "architecture", arch, "model", "", "mobile", false, "brands", List.of(Map.of("brand", "Chromium", "version", "120")))));
            tab.send("Emulation.setUserAgentOverride", override);
            tab.send("Emulation.setScriptExecutionDisabled", Map.of("value", !scripts));
            tab.navigate(pageUrl());
            String html = tab.html();
            for (int i = 0; scripts && i < 100 && !html.contains("data-chosen=\""); i++) {
                Thread.sleep(50);
                html = tab.html();
            }
            if (screenshot.isPresent()) {
                Files.write(screenshot.get(), tab.screenshot());
            }
            return html;
        }
    }

    private static String offered(String html) {
        Matcher download = DOWNLOAD.matcher(html);
        assertTrue(download.find(), "the page offers one file first, with id=\"download\"");
        return download.group(1);
    }

    private String plannedFile(ReleaseTarget target) {
        return ReleasePlan.of(version, target).updaterFile().orElseThrow();
    }

    private static final String MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    @Test
    void everyTargetSignedItsOwnManifestForWhatItBuilt() throws Exception {
        Set<String> hashes = new java.util.HashSet<>();
        for (ReleaseTarget target : ReleaseTarget.ALL) {
            ReleaseManifest manifest = ReleaseManifest.open(Files.readString(builtIn.get(target).resolve(ReleasePlan.manifestName(target))));
            assertEquals(Optional.of(target), manifest.target());
            assertEquals(publisher, manifest.publisher().value());
            assertEquals(version.toString(), manifest.version());
            assertEquals(ReleasePlan.of(version, target).files().stream().map(ReleasePlan.PlannedFile::name).toList(),
                    manifest.artifacts().stream().map(ReleaseArtifact::name).toList(), target + " lists the files its plan names");
            for (ReleaseArtifact artifact : manifest.artifacts()) {
                assertEquals(debSize, artifact.size(), artifact.name() + " is as large as the .deb built here");
                assertTrue(hashes.add(artifact.sha256()), artifact.name() + " has bytes of its own");
            }
        }
    }

    @Test
    void aMacWithAppleSiliconIsOfferedTheArm64DiskImage() throws Exception {
        Path shot = Files.createDirectories(ROOT.resolve("tests/target")).resolve("download-page-mac.png");
        String html = visit(MAC, "MacIntel", Optional.of("arm"), true, Optional.of(shot));
        assertTrue(html.contains("data-chosen=\"macos-arm64\""));
        assertEquals(plannedFile(ReleaseTarget.MACOS_ARM64), offered(html));
        assertTrue(Files.size(shot) > 10_000, "a screenshot of the page");
    }

    @Test
    void anIntelMacIsOfferedTheX64DiskImage() throws Exception {
        String html = visit(MAC, "MacIntel", Optional.of("x86"), true, Optional.empty());
        assertEquals(plannedFile(ReleaseTarget.MACOS_X64), offered(html));
    }

    @Test
    void aWindowsVisitorIsOfferedTheMsi() throws Exception {
        String html = visit("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                "Win32", Optional.empty(), true, Optional.empty());
        assertTrue(html.contains("data-chosen=\"windows-x64\""), "the script chose Windows");
        assertEquals(plannedFile(ReleaseTarget.WINDOWS_X64), offered(html));
    }

    @Test
    void aLinuxVisitorIsOfferedTheDeb() throws Exception {
        String html = visit("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                "Linux x86_64", Optional.empty(), true, Optional.empty());
        assertEquals(plannedFile(ReleaseTarget.LINUX_X64), offered(html));
    }

    @Test
    void withoutScriptsTheMacWithAppleSiliconIsOfferedAndEveryFileIsListed() throws Exception {
        String html = visit("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                "Win32", Optional.empty(), false, Optional.empty());
        assertFalse(html.contains("data-chosen="), "no script ran");
        assertEquals(plannedFile(ReleaseTarget.MACOS_ARM64), offered(html));
        for (ReleaseTarget target : ReleaseTarget.ALL) {
            ReleasePlan.of(version, target).files().forEach(file -> assertTrue(html.contains("href=\"" + file.name() + "\""), file.name()));
        }
    }

    @Test
    void everyLinkPointsAtAFileInTheManifestsAndTheServerHasIt() throws Exception {
        String html = visit(MAC, "MacIntel", Optional.of("arm"), true, Optional.empty());
        Set<String> listed = new TreeSet<>();
        for (ReleaseTarget target : ReleaseTarget.ALL) {
            listed.add(ReleasePlan.manifestName(target));
            ReleaseManifest.open(Files.readString(builtIn.get(target).resolve(ReleasePlan.manifestName(target))))
                    .artifacts().forEach(a -> listed.add(a.name()));
        }
        Matcher links = HREF.matcher(html);
        Set<String> linked = new TreeSet<>();
        while (links.find()) {
            linked.add(links.group(1));
        }
        assertTrue(listed.containsAll(linked), "links to files no manifest lists: " + linked);
        assertEquals(listed, linked, "every file and manifest is linked");
        var http = java.net.http.HttpClient.newHttpClient();
        for (String name : linked) {
            var head = java.net.http.HttpRequest.newBuilder(java.net.URI.create(pageUrl()).resolve(name))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            assertEquals(200, http.send(head, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(), name);
        }
        assertTrue(html.contains(publisher), "the page names the publisher's DID");
        assertTrue(Files.readString(TARGET.resolve("site/index.html")).getBytes(StandardCharsets.UTF_8).length > 0);
    }
}
