package org.elastos.frontdoor.box;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The person's folders on the box, and the only way a request reaches a file: a relative path whose first part is
 * one of {@link #FOLDERS}, with no {@code ..}, no absolute part, and no link that leads outside.
 */
public final class BoxFolders {
    public static final List<String> FOLDERS = List.of("Photos", "Music", "Films", "Documents", "Personal");

    /** One entry of a folder listing. */
    public record Entry(String name, boolean folder, long size, Instant modified) {
    }

    private final Path root;

    public BoxFolders(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        for (String folder : FOLDERS) {
            Files.createDirectories(this.root.resolve(folder));
        }
    }

    /**
     * The file or folder a request names.
     *
     * @throws IllegalArgumentException for a path that is not inside one of the folders
     * @throws NoSuchFileException when it does not exist
     */
    public Path resolve(String relative) throws IOException {
        String clean = relative.replace('\\', '/');
        while (clean.startsWith("/")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty() || clean.indexOf('\0') >= 0 || clean.indexOf('"') >= 0) {
            throw new IllegalArgumentException("name a path inside one of " + FOLDERS);
        }
        for (String part : clean.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new IllegalArgumentException("a path cannot step out with \"" + part + "\": " + relative);
            }
        }
        String top = clean.split("/")[0];
        if (!FOLDERS.contains(top)) {
            throw new IllegalArgumentException(top + " is not one of the box's folders " + FOLDERS);
        }
        Path target = root.resolve(clean).normalize();
        Path real = target.toRealPath();
        if (!real.startsWith(root.toRealPath().resolve(top))) {
            throw new IllegalArgumentException(relative + " leads outside its folder");
        }
        return real;
    }

    /** A folder's entries; the empty path lists the box's own folders. */
    public List<Entry> list(String relative) throws IOException {
        if (relative.isBlank() || relative.equals("/")) {
            List<Entry> top = new ArrayList<>();
            for (String name : FOLDERS) {
                top.add(new Entry(name, true, 0, Files.getLastModifiedTime(root.resolve(name)).toInstant()));
            }
            return top;
        }
        Path folder = resolve(relative);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(relative + " is a file, not a folder");
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink() || child.getFileName().toString().startsWith(".")) {
                    continue;
                }
                entries.add(new Entry(child.getFileName().toString(), attributes.isDirectory(),
                        attributes.isDirectory() ? 0 : attributes.size(), attributes.lastModifiedTime().toInstant()));
            }
        }
        return entries;
    }
}
