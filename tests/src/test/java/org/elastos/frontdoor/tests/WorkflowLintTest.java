package org.elastos.frontdoor.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workflows for the platforms we cannot build here must at least be well-formed: actionlint and the workflow
 * schema accept them, and every action is pinned to a commit. A broken workflow proves the linters can fail.
 */
class WorkflowLintTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LINT = ROOT.resolve("installers/ci");
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final Pattern USES = Pattern.compile("uses:\\s*([^\\s@]+)@(\\S+)");

    @TempDir
    Path broken;

    @BeforeAll
    static void installLinters() throws Exception {
        boolean ready = Processes.onPath("node") && Processes.onPath("npm");
        if (Processes.inCi()) {
            assertTrue(ready, "CI needs Node.js and npm for the workflow linters (see .ci/run)");
        }
        assumeTrue(ready, "needs node and npm");
        Processes.Result install = Processes.run(LINT, 300, "npm", "ci", "--no-audit", "--no-fund");
        assertEquals(0, install.exit(), install.output());
    }

    private static List<Path> workflows() throws Exception {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void actionlintAcceptsEveryWorkflow() throws Exception {
        Processes.Result lint = Processes.run(LINT, 120, "node", "lint-workflows.mjs", WORKFLOWS.toString());
        assertEquals(0, lint.exit(), lint.output());
        assertTrue(lint.output().contains(workflows().size() + " workflow file(s), 0 problem(s)"), lint.output());
    }

    @Test
    void everyWorkflowMatchesTheWorkflowSchema() throws Exception {
        for (Path workflow : workflows()) {
            Processes.Result check = Processes.run(LINT, 120, "node_modules/.bin/action-validator", workflow.toString());
            assertEquals(0, check.exit(), workflow + ":\n" + check.output());
        }
    }

    @Test
    void everyActionIsPinnedToACommit() throws Exception {
        int uses = 0;
        for (Path workflow : workflows()) {
            Matcher matcher = USES.matcher(Files.readString(workflow));
            while (matcher.find()) {
                uses++;
                assertTrue(matcher.group(2).matches("[0-9a-f]{40}"), workflow.getFileName() + " uses " + matcher.group(1)
                        + "@" + matcher.group(2) + ": pin it to a full commit SHA");
            }
        }
        assertTrue(uses > 0);
    }

    @Test
    void theLintersCatchABrokenWorkflow() throws Exception {
        Path bad = Files.writeString(broken.resolve("bad.yml"),
                "name: bad\non:\n  pushh:\njobs:\n  build:\n    steps:\n      - run: echo ${{ secret.TOKEN }}\n");
        Processes.Result lint = Processes.run(LINT, 120, "node", "lint-workflows.mjs", bad.toString());
        assertNotEquals(0, lint.exit());
        assertTrue(lint.output().contains("runs-on"), lint.output());
        assertNotEquals(0, Processes.run(LINT, 120, "node_modules/.bin/action-validator", bad.toString()).exit());
    }
}
