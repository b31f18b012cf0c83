package org.elastos.frontdoor.installers;

import org.bouncycastle.util.encoders.Hex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** One file of a release: its name (no folders), size and SHA-256. */
public record ReleaseArtifact(String name, long size, String sha256) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ReleaseArtifact {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw new IllegalArgumentException("an artifact is named by its file name alone, got \"" + name + "\"");
        }
        if (size < 0) {
            throw new IllegalArgumentException("an artifact's size cannot be negative");
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("an artifact's sha256 is 64 lower-case hex digits");
        }
    }

    /** Hashes a file in 1 MiB steps, so an installer of any size streams through. */
    public static ReleaseArtifact of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long size = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
                size += read;
            }
        }
        return new ReleaseArtifact(file.getFileName().toString(), size, Hex.toHexString(digest.digest()));
    }
}
