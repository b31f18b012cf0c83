package org.elastos.frontdoor.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads our release workflows the way they are written (two-space YAML, every step starting with "- name:", scripts
 * as "run: |" blocks), so their bash steps can be run here. It reads no YAML beyond that and says so: the linters
 * check the files as YAML.
 */
record WorkflowFile(Path file, Map<String, Job> jobs) {
    record Step(String name, Optional<String> shell, Optional<String> condition, Map<String, String> env, Optional<String> run) {
        boolean bash() {
            return shell.equals(Optional.of("bash"));
        }
    }

    record Job(String id, Map<String, String> env, List<Step> steps) {
    }

    private static final Pattern KEY = Pattern.compile("^( *)(- )?([A-Za-z_][\\w-]*):\\s?(.*)$");

    static WorkflowFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, Job> jobs = new LinkedHashMap<>();
        int at = lines.indexOf("jobs:");
        if (at < 0) {
            throw new IllegalStateException(file + " has no jobs:");
        }
        for (int i = at + 1; i < lines.size(); i++) {
            Matcher job = KEY.matcher(lines.get(i));
            if (job.matches() && job.group(1).length() == 2 && job.group(2) == null) {
                int end = next(lines, i + 1, 2);
                jobs.put(job.group(3), job(job.group(3), lines.subList(i + 1, end), file));
                i = end - 1;
            }
        }
        return new WorkflowFile(file, jobs);
    }

    /** The first line after {@code from} indented at most {@code indent} (a comment or a blank line does not count). */
    private static int next(List<String> lines, int from, int indent) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.trim().startsWith("#") && line.length() - line.stripLeading().length() <= indent) {
                return i;
            }
        }
        return lines.size();
    }

    private static Job job(String id, List<String> lines, Path file) {
        Map<String, String> env = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("    env:")) {
                int end = next(lines, i + 1, 4);
                env.putAll(mapping(lines.subList(i + 1, end)));
                i = end - 1;
            } else if (line.startsWith("      - ")) {
                Matcher first = KEY.matcher(line);
                if (!first.matches() || !first.group(3).equals("name")) {
                    throw new IllegalStateException(file + ": every step starts with \"- name:\", not " + line.trim());
                }
                int end = next(lines, i + 1, 6);
                steps.add(step(first.group(4).trim(), lines.subList(i + 1, end), file));
                i = end - 1;
            }
        }
        return new Job(id, env, steps);
    }

    private static Step step(String name, List<String> lines, Path file) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        Optional<String> run = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches() || key.group(1).length() != 8) {
                continue;
            }
            int end = next(lines, i + 1, 8);
            switch (key.group(3)) {
                case "env" -> env.putAll(mapping(lines.subList(i + 1, end)));
                case "run" -> {
                    if (key.group(4).trim().equals("|")) {
                        // A block scalar ends at the first line indented like the step's keys, a comment included.
                        end = i + 1;
                        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).length() - lines.get(end).stripLeading().length() > 8)) {
                            end++;
                        }
                        StringBuilder script = new StringBuilder();
                        lines.subList(i + 1, end).forEach(l -> script.append(l.length() > 10 ? l.substring(10) : l.strip()).append('\n'));
                        run = Optional.of(script.toString().strip() + "\n");
                    } else {
                        run = Optional.of(key.group(4).trim() + "\n");
                    }
                }
                default -> keys.put(key.group(3), key.group(4).trim());
            }
            i = end - 1;
        }
        Step step = new Step(name, Optional.ofNullable(keys.get("shell")), Optional.ofNullable(keys.get("if")), env, run);
        if (step.bash() && (run.isEmpty() || run.get().contains("${{"))) {
            throw new IllegalStateException(file + ": the bash step \"" + name + "\" needs a run: | script that takes "
                    + "values from env:, not from ${{ }} (so it runs the same here)");
        }
        return step;
    }

    private static Map<String, String> mapping(List<String> lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher key = KEY.matcher(line);
            if (key.matches()) {
                map.put(key.group(3), key.group(4).trim());
            }
        }
        return map;
    }
}
