package org.mekongledger.settlement.bankfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The run's manifest in {@code sha256sum} format ({@code <hex>  <file>} lines, sorted by file name,
 * LF), so that {@code sha256sum -c manifest} in the output folder checks every file. Written last,
 * to a temporary name, forced to disk and renamed atomically: a manifest present means every file
 * it names was complete.
 */
public final class Manifest {

    private Manifest() {
    }

    public static void write(Path dir, List<String> fileNames, String manifestName) throws IOException {
        requirePlainName(manifestName);
        Set<String> seen = new HashSet<>();
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : fileNames) {
            requirePlainName(name);
            if (!seen.add(name) || name.equals(manifestName)) {
                throw new IllegalArgumentException("the manifest cannot list " + name + " twice or list itself");
            }
            sorted.add(name);
        }
        StringBuilder lines = new StringBuilder();
        for (String name : sorted) {
            lines.append(sha256(dir.resolve(name))).append("  ").append(name).append('\n');
        }
        Path temporary = dir.resolve("." + manifestName + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, dir.resolve(manifestName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
            Files.move(temporary, dir.resolve(manifestName), StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(dir);
    }

    /** The file's SHA-256 in lower-case hex, as {@code sha256sum} prints it. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The rename itself is durable only once the directory is on disk too (Linux; elsewhere best effort). */
    private static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            // some platforms cannot open a directory; the rename has still happened
        }
    }

    /** A bare file name in the folder: sha256sum would escape anything else, and we never need it. */
    private static void requirePlainName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.contains("\\") || name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
    }
}
