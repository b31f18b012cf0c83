package org.elastos.frontdoor.media.sealed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sealed format (ADR 0016): what goes in comes out byte for byte, and anything else is refused leaving nothing. */
class SealedItemTest {
    private static final byte[] KEY = bytes(16, 1);
    private static final byte[] ID = bytes(16, 2);
    private static final int SMALL_CHUNK = 1024;

    @TempDir
    Path dir;

    @Test
    void aFolderComesOutByteForByteWithItsFoldersEmptyFilesAndFilesOfExactlyOneChunk() throws Exception {
        Path folder = dir.resolve("Summer");
        write(folder.resolve("Sunset.png"), bytes(5000, 3));
        write(folder.resolve("Beach/Waves one.jpg"), bytes(SMALL_CHUNK, 4));
        write(folder.resolve("Beach/empty.txt"), new byte[0]);
        write(folder.resolve("Notes/\u00e9t\u00e9.txt"), "summer".getBytes(StandardCharsets.UTF_8));
        write(folder.resolve(".hidden"), bytes(10, 5));
        byte[] sealed = seal(folder, SMALL_CHUNK);

        ItemUnsealer.Opened opened = unseal(sealed, dir.resolve("out"));
        assertEquals(dir.resolve("out/Summer"), opened.path());
        assertTrue(opened.manifest().folder());
        assertEquals(List.of("Beach/Waves one.jpg", "Beach/empty.txt", "Notes/\u00e9t\u00e9.txt", "Sunset.png"),
                opened.manifest().entries().stream().map(SealedManifest.Entry::path).toList());
        for (String name : List.of("Sunset.png", "Beach/Waves one.jpg", "Beach/empty.txt", "Notes/\u00e9t\u00e9.txt")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve(name)), Files.readAllBytes(opened.path().resolve(name)), name);
        }
        assertFalse(Files.exists(opened.path().resolve(".hidden")), "what the owner does not see in the box is not sold");
        assertEquals(List.of("Summer"), names(dir.resolve("out")), "nothing is left beside it");
    }

    @Test
    void aFileComesOutUnderItsNameAndASecondCopyBesideIt() throws Exception {
        Path photo = write(dir.resolve("Sunset.png"), bytes(3 * ItemSealer.CHUNK + 7, 6));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        SealedHeader header = ItemSealer.seal(KEY, ID, photo, out, progress::add).header();
        assertEquals(header.sealedLength(), out.size());
        assertEquals(4, header.chunks());
        assertEquals(header.clearLength(), progress.get(progress.size() - 1));

        Path first = unseal(out.toByteArray(), dir.resolve("out")).path();
        Path second = unseal(out.toByteArray(), dir.resolve("out")).path();
        assertEquals("Sunset.png", first.getFileName().toString());
        assertEquals("Sunset (2).png", second.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(second));
    }

    @Test
    void anEmptyFolderSealsAsOneEmptyChunkAndOpensEmpty() throws Exception {
        Files.createDirectories(dir.resolve("Nothing yet"));
        byte[] sealed = seal(dir.resolve("Nothing yet"), SMALL_CHUNK);
        Path opened = unseal(sealed, dir.resolve("out")).path();
        assertTrue(Files.isDirectory(opened));
        assertEquals(List.of(), names(opened));
    }

    @Test
    void everyFlippedByteIsRefusedAndLeavesNothing() throws Exception {
        Path folder = dir.resolve("Two");
        write(folder.resolve("a.txt"), bytes(1500, 7));
        write(folder.resolve("b.txt"), bytes(700, 8));
        byte[] sealed = seal(folder, SMALL_CHUNK);
        Path out = dir.resolve("out");
        List<Integer> opened = new ArrayList<>();
        for (int i = 0; i < sealed.length; i++) {
            byte[] copy = sealed.clone();
            copy[i] ^= 0x40;
            try {
                unseal(copy, out);
                opened.add(i);
            } catch (SealedRefused refused) {
                assertEquals(List.of(), names(out), "byte " + i + " left something behind");
            }
        }
        assertEquals(List.of(), opened, "bytes whose change went unseen");
    }

    @Test
    void anItemCutAtAnyChunkOrExtendedIsRefusedByName() throws Exception {
        Path file = write(dir.resolve("long.bin"), bytes(4000, 9));
        byte[] sealed = seal(file, SMALL_CHUNK);
        int chunk = SMALL_CHUNK + SealedCipher.TAG_BYTES;
        for (int end : new int[] {SealedHeader.LENGTH, SealedHeader.LENGTH + chunk, SealedHeader.LENGTH + 2 * chunk, sealed.length - 1}) {
            SealedRefused refused = assertThrows(SealedRefused.class, () -> unseal(Arrays.copyOf(sealed, end), dir.resolve("out")));
            assertEquals(SealedRefused.Reason.TRUNCATED, refused.reason(), "cut at " + end);
        }
        assertEquals(SealedRefused.Reason.TRUNCATED, assertThrows(SealedRefused.class,
                () -> unseal(Arrays.copyOf(sealed, 30), dir.resolve("out"))).reason(), "cut inside the header");
        assertEquals(SealedRefused.Reason.TRAILING_BYTES, assertThrows(SealedRefused.class,
                () -> unseal(Arrays.copyOf(sealed, sealed.length + 1), dir.resolve("out"))).reason());
        assertEquals(SealedRefused.Reason.NOT_SEALED, assertThrows(SealedRefused.class,
                () -> unseal("hello".getBytes(StandardCharsets.US_ASCII), dir.resolve("out"))).reason());
        assertEquals(List.of(), names(dir.resolve("out")));
    }

    @Test
    void chunksSwappedOrMovedFromAnotherSealingAreRefused() throws Exception {
        Path file = write(dir.resolve("three.bin"), bytes(3000, 10));
        byte[] sealed = seal(file, SMALL_CHUNK);
        byte[] again = seal(file, SMALL_CHUNK);
        int chunk = SMALL_CHUNK + SealedCipher.TAG_BYTES;
        int first = SealedHeader.LENGTH;
        assertFalse(Arrays.equals(Arrays.copyOfRange(sealed, first, first + chunk), Arrays.copyOfRange(again, first, first + chunk)),
                "sealing the same bytes again gives other ciphertext: the salt differs, so no nonce repeats");
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, first + chunk, swapped, first, chunk);
        System.arraycopy(sealed, first, swapped, first + chunk, chunk);
        assertEquals(SealedRefused.Reason.DAMAGED, assertThrows(SealedRefused.class, () -> unseal(swapped, dir.resolve("out"))).reason());
        byte[] mixed = sealed.clone();
        System.arraycopy(again, first + chunk, mixed, first + chunk, chunk);
        assertEquals(SealedRefused.Reason.DAMAGED, assertThrows(SealedRefused.class, () -> unseal(mixed, dir.resolve("out"))).reason());
    }

    @Test
    void anotherKeyOrAKeyForAnotherItemOpensNothing() throws Exception {
        byte[] sealed = seal(write(dir.resolve("a.txt"), bytes(100, 11)), SMALL_CHUNK);
        assertEquals(SealedRefused.Reason.DAMAGED, assertThrows(SealedRefused.class, () -> ItemUnsealer.unseal(
                new ByteArrayInputStream(sealed), header -> SealedCipher.of(bytes(16, 12), header), dir.resolve("out"), done -> { })).reason());
        ItemUnsealer.Keys onlyAnother = header -> {
            if (!Arrays.equals(header.contentId(), bytes(16, 13))) {
                throw new SealedRefused(SealedRefused.Reason.ANOTHER_ITEM, "not this one");
            }
            return SealedCipher.of(KEY, header);
        };
        assertEquals(SealedRefused.Reason.ANOTHER_ITEM, assertThrows(SealedRefused.class, () -> ItemUnsealer.unseal(
                new ByteArrayInputStream(sealed), onlyAnother, dir.resolve("out"), done -> { })).reason());
        assertEquals(List.of(), names(dir.resolve("out")));
    }

    @Test
    void aListThatClimbsOutCollidesOrDoesNotAddUpIsRefusedBeforeAnyFileIsMade() throws Exception {
        for (String entries : List.of("[{\"path\":\"../escape.txt\",\"size\":1}]", "[{\"path\":\"/etc/x\",\"size\":1}]",
                "[{\"path\":\"a\\\\b\",\"size\":1}]", "[{\"path\":\"CON.txt\",\"size\":1}]", "[{\"path\":\"a/./b\",\"size\":1}]",
                "[{\"path\":\"A.txt\",\"size\":0},{\"path\":\"a.TXT\",\"size\":1}]", "[{\"path\":\"a\",\"size\":0},{\"path\":\"a/b\",\"size\":1}]",
                "[{\"path\":\"x\",\"size\":-1}]", "[{\"path\":\"x\",\"size\":5}]", "[{\"path\":\"x\",\"size\":0}]")) {
            byte[] sealed = sealRaw("{\"kind\":\"folder\",\"name\":\"F\",\"entries\":" + entries + "}", new byte[] {42});
            SealedRefused refused = assertThrows(SealedRefused.class, () -> unseal(sealed, dir.resolve("out")), entries);
            assertEquals(SealedRefused.Reason.BAD_MANIFEST, refused.reason(), entries);
            assertEquals(List.of(), names(dir.resolve("out")), entries);
        }
        for (String manifest : List.of("{\"kind\":\"file\",\"name\":\"a\",\"entries\":[{\"path\":\"b\",\"size\":1}]}",
                "{\"kind\":\"disk\",\"name\":\"a\",\"entries\":[]}", "{\"kind\":\"folder\",\"name\":\"..\",\"entries\":[]}", "[]", "{")) {
            assertEquals(SealedRefused.Reason.BAD_MANIFEST, assertThrows(SealedRefused.class,
                    () -> unseal(sealRaw(manifest, new byte[] {42}), dir.resolve("out")), manifest).reason(), manifest);
        }
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(unseal(sealRaw(
                "{\"kind\":\"folder\",\"name\":\"F\",\"entries\":[{\"path\":\"x\",\"size\":1}]}", new byte[] {42}), dir.resolve("out")).path().resolve("x")),
                "the same list, made right, opens");
    }

    @Test
    void aHeaderOutOfBoundsIsRefusedBeforeAnyChunkIsRead() throws Exception {
        byte[] sealed = seal(write(dir.resolve("a.txt"), bytes(100, 14)), SMALL_CHUNK);
        for (int chunkSize : new int[] {0, SealedHeader.MIN_CHUNK - 1, SealedHeader.MAX_CHUNK + 1, -1}) {
            byte[] copy = sealed.clone();
            ByteBuffer.wrap(copy).putInt(SealedHeader.LENGTH - 12, chunkSize);
            assertEquals(SealedRefused.Reason.BAD_HEADER, assertThrows(SealedRefused.class, () -> unseal(copy, dir.resolve("out"))).reason());
        }
        byte[] huge = sealed.clone();
        ByteBuffer.wrap(huge).putLong(SealedHeader.LENGTH - 8, SealedHeader.MAX_CLEAR + 1);
        assertEquals(SealedRefused.Reason.BAD_HEADER, assertThrows(SealedRefused.class, () -> unseal(huge, dir.resolve("out"))).reason());
    }

    @Test
    void aFileThatChangesWhileItIsSealedFailsTheSealing() throws Exception {
        Path file = write(dir.resolve("growing.log"), bytes(100, 15));
        SealedManifest before = ItemSealer.manifestOf(file);
        Files.write(file, bytes(200, 15));
        assertEquals(200, ItemSealer.manifestOf(file).entries().get(0).size());
        assertNotEquals(before, ItemSealer.manifestOf(file));
        IOException e = assertThrows(IOException.class, () -> ItemSealer.seal(KEY, ID, file, new ChangingOutput(file), done -> { }, SMALL_CHUNK));
        assertTrue(e.getMessage().contains("grew"), e.getMessage());
    }

    /** Takes what is written, and appends to the file being sealed as soon as the header is out. */
    private static final class ChangingOutput extends ByteArrayOutputStream {
        private final Path file;
        private boolean changed;

        ChangingOutput(Path file) {
            this.file = file;
        }

        @Override
        public void write(byte[] b) throws IOException {
            super.write(b);
            if (!changed) {
                changed = true;
                Files.write(file, bytes(10, 1), java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    private byte[] seal(Path source, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ItemSealer.seal(KEY, ID, source, out, done -> { }, chunk);
        return out.toByteArray();
    }

    /** An item sealed by hand around any list, for the lists our sealer would never write. */
    static byte[] sealRaw(String manifest, byte[] content) {
        byte[] listed = manifest.getBytes(StandardCharsets.UTF_8);
        byte[] clear = ByteBuffer.allocate(4 + listed.length + content.length).putInt(listed.length).put(listed).put(content).array();
        SealedHeader header = new SealedHeader(ID, bytes(16, 16), SMALL_CHUNK, clear.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.toBytes());
        try (SealedCipher cipher = SealedCipher.of(KEY, header)) {
            for (long i = 0; i < header.chunks(); i++) {
                int from = (int) (i * SMALL_CHUNK);
                out.writeBytes(cipher.seal(i, Arrays.copyOfRange(clear, from, from + header.clearBytesOf(i)), header.clearBytesOf(i)));
            }
        }
        return out.toByteArray();
    }

    static ItemUnsealer.Opened unseal(byte[] sealed, Path out) throws IOException, SealedRefused {
        return ItemUnsealer.unseal(new ByteArrayInputStream(sealed), header -> SealedCipher.of(KEY, header), out, done -> { });
    }

    private static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
