package org.elastos.frontdoor.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged app's command line, run in its own process as a person or a script would, fed on stdin. */
final class FrontDoorCli {
    static final Path JAR = Path.of("..", "app", "target", "lib", "frontdoor-app.jar");

    record Run(int exit, String out, String err) {
    }

    private FrontDoorCli() {
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    static Run run(String stdin, String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(args)).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = readAll(process, false);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "frontdoor " + String.join(" ", args) + " did not finish");
        return new Run(process.exitValue(), out, err.join());
    }

    private static String readAll(Process process, boolean error) {
        try {
            return new String((error ? process.getErrorStream() : process.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Waits, up to a minute, for a line of a process's log that matches. */
    static Matcher awaitLine(Path log, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line like " + pattern + " in " + Files.readString(log));
    }
}
