package org.elastos.frontdoor.tests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Running the machine's own tools from tests: commands with a time limit, their output kept for the failure message. */
final class Processes {
    private Processes() {
    }

    record Result(int exit, String output) {
    }

    static Result run(Path workDir, Map<String, String> env, long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("process-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " ran over " + timeoutSeconds + " s:\n" + tail(log));
        }
        return new Result(process.exitValue(), tail(log));
    }

    static Result run(Path workDir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        return run(workDir, Map.of(), timeoutSeconds, List.of(command));
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** In CI a missing tool is a failure; on a developer's machine the test is skipped instead. */
    static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
