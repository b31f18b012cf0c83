package org.elastos.frontdoor.wallet.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The end of a log file, read backwards so a long log costs no more than a short one: the head (the last complete
 * line) and how many bytes after it are torn (written without their line end).
 */
record AuditTail(AuditHead head, long torn) {
    private static final int BLOCK = 8192;

    static AuditTail read(FileChannel channel, Path file) throws IOException {
        long size = channel.size();
        long lastEnd = lastNewlineBefore(channel, size);
        long torn = size - (lastEnd + 1);
        if (lastEnd < 0) {
            return new AuditTail(AuditHead.EMPTY, torn);
        }
        long start = lastNewlineBefore(channel, lastEnd) + 1;
        long length = lastEnd - start;
        if (length <= 0 || length > AuditLog.MAX_LINE_BYTES) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.DAMAGED, file, null);
        }
        ByteBuffer line = ByteBuffer.allocate((int) length);
        while (line.hasRemaining() && channel.read(line, start + line.position()) >= 0) {
            // Read the whole line.
        }
        try {
            JsonNode last = AuditLog.parseLine(new String(line.array(), StandardCharsets.UTF_8));
            return new AuditTail(new AuditHead(last.path("seq").asLong(-1), last.path("hash").asText("")), torn);
        } catch (IOException | IllegalArgumentException e) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.DAMAGED, file, e);
        }
    }

    /** The position of the last line feed before {@code end}, or -1. */
    private static long lastNewlineBefore(FileChannel channel, long end) throws IOException {
        long position = end;
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        while (position > 0) {
            int length = (int) Math.min(BLOCK, position);
            position -= length;
            block.clear().limit(length);
            while (block.hasRemaining() && channel.read(block, position + block.position()) >= 0) {
                // Fill the block.
            }
            for (int i = length - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return position + i;
                }
            }
        }
        return -1;
    }
}
