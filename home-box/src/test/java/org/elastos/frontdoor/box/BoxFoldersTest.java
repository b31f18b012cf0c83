package org.elastos.frontdoor.box;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The only way a request reaches a file: inside one of the box's folders, never beside or above them. */
class BoxFoldersTest {
    @TempDir
    Path dir;
    private Path root;
    private BoxFolders folders;

    @BeforeEach
    void setUp() throws IOException {
        root = dir.resolve("box");
        folders = new BoxFolders(root);
    }

    @Test
    void aFileInsideAFolderResolvesWithOrWithoutALeadingSlashOrBackslashes() throws IOException {
        Path film = Files.writeString(root.resolve("Films").resolve("sintel.mp4"), "film");
        assertEquals(film.toRealPath(), folders.resolve("Films/sintel.mp4"));
        assertEquals(film.toRealPath(), folders.resolve("//Films/sintel.mp4"));
        assertEquals(film.toRealPath(), folders.resolve("Films\\sintel.mp4"));
        assertEquals(root.resolve("Photos").toRealPath(), folders.resolve("Photos"));
    }

    @Test
    void everyPathThatStepsOutOrNamesNothingIsRefused() throws IOException {
        Files.writeString(root.resolve("box.key"), "secret");
        for (String path : List.of("", "/", "Films/../box.key", "../box.key", "Films/./x", "box.key", "Films/a\"b",
                "Films/a\0b", "films/x", "Downloads")) {
            assertThrows(IllegalArgumentException.class, () -> folders.resolve(path), path);
        }
    }

    @Test
    void aLinkThatLeadsOutsideItsFolderIsRefused() throws IOException {
        Path secret = Files.writeString(root.resolve("box.key"), "secret");
        Path photo = Files.writeString(root.resolve("Photos").resolve("cat.jpg"), "cat");
        Files.createSymbolicLink(root.resolve("Films").resolve("key"), secret);
        Files.createSymbolicLink(root.resolve("Films").resolve("cat"), photo);
        assertThrows(IllegalArgumentException.class, () -> folders.resolve("Films/key"));
        assertThrows(IllegalArgumentException.class, () -> folders.resolve("Films/cat"), "another folder is outside too");
    }

    @Test
    void aMissingFileIsNotFoundRatherThanRefused() {
        assertThrows(NoSuchFileException.class, () -> folders.resolve("Films/none.mp4"));
    }

    @Test
    void aListingShowsFilesAndFoldersByNameButHidesDotFilesAndLinks() throws IOException {
        Path films = root.resolve("Films");
        Files.write(films.resolve("b.mp4"), new byte[42]);
        Files.createDirectory(films.resolve("a trip"));
        Files.writeString(films.resolve(".upload-part"), "half");
        Files.createSymbolicLink(films.resolve("c.mp4"), films.resolve("b.mp4"));
        List<BoxFolders.Entry> entries = folders.list("Films");
        assertEquals(List.of("a trip", "b.mp4"), entries.stream().map(BoxFolders.Entry::name).toList());
        assertEquals(true, entries.get(0).folder());
        assertEquals(0, entries.get(0).size());
        assertEquals(false, entries.get(1).folder());
        assertEquals(42, entries.get(1).size());
        assertEquals(Files.getLastModifiedTime(films.resolve("b.mp4")).toInstant(), entries.get(1).modified());
    }

    @Test
    void theTopListingIsTheBoxsFoldersAndAFileCannotBeListed() throws IOException {
        assertEquals(BoxFolders.FOLDERS, folders.list("").stream().map(BoxFolders.Entry::name).toList());
        assertEquals(BoxFolders.FOLDERS, folders.list("/").stream().map(BoxFolders.Entry::name).toList());
        Files.writeString(root.resolve("Music").resolve("song.ogg"), "la");
        assertThrows(IllegalArgumentException.class, () -> folders.list("Music/song.ogg"));
    }
}
