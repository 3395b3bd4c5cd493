package io.jenkins.plugins.mlops.model;

import io.jenkins.plugins.mlops.contract.FileTrees;
import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model package as one zip file. Packing is reproducible (sorted entries, fixed timestamps), so
 * the same package gives the same bytes; unpacking refuses absolute paths, {@code ..}, links and
 * archives that expand beyond a size limit, and the manifest is verified before anything is loaded.
 */
public final class ModelArchive {
    /** Larger expansions are refused: a zip bomb must not fill the agent's disk. */
    static final long MAX_EXPANDED_BYTES = 4L << 30;
    static final int MAX_ENTRIES = 10_000;
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private ModelArchive() {
    }

    public static boolean isArchive(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".zip");
    }

    public static void pack(Path packageDir, Path zip) {
        Manifest.verify(packageDir);
        try (Stream<Path> walk = Files.walk(packageDir)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> packageDir.relativize(p).toString())).toList();
            Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), "." + zip.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path f : files) {
                    ZipEntry entry = new ZipEntry(packageDir.relativize(f).toString().replace('\\', '/'));
                    entry.setLastModifiedTime(EPOCH);
                    entry.setCreationTime(EPOCH);
                    entry.setLastAccessTime(EPOCH);
                    z.putNextEntry(entry);
                    Files.copy(f, z);
                    z.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
    }

    /** A folder unpacked from an archive, with the manifest it was verified against. */
    public record Unpacked(Path dir, Manifest manifest) {
    }

    /** Unpacks into a new folder under {@code parent} and verifies the manifest, so callers need not hash again. */
    public static Unpacked unpack(Path zip, Path parent) {
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, "model-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path root = dir.toAbsolutePath().normalize();
        long expanded = 0;
        int entries = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw InvalidInputException.in(zip, "more than " + MAX_ENTRIES + " entries");
                }
                if (e.isDirectory()) {
                    continue;
                }
                Path target = Manifest.safeResolve(root, e.getName(), zip);
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = z.read(buffer)) > 0; ) {
                        expanded += n;
                        if (expanded > MAX_EXPANDED_BYTES) {
                            throw InvalidInputException.in(zip, "expands beyond " + (MAX_EXPANDED_BYTES >> 30) + " GiB");
                        }
                        out.write(buffer, 0, n);
                    }
                } catch (FileAlreadyExistsException dup) {
                    throw InvalidInputException.in(zip, "entry '" + e.getName() + "' appears twice");
                }
            }
        } catch (ZipException e) {
            FileTrees.deleteQuietly(dir);
            throw InvalidInputException.in(zip, "not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            FileTrees.deleteQuietly(dir);
            throw InvalidInputException.in(zip, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw e;
        }
        if (entries == 0) {
            FileTrees.deleteQuietly(dir);
            throw InvalidInputException.in(zip, "not a zip archive, or an empty one");
        }
        Manifest manifest;
        try {
            manifest = Manifest.verify(dir);
        } catch (InvalidInputException e) {
            FileTrees.deleteQuietly(dir);
            // name the archive the user gave, not the temporary folder
            throw new InvalidInputException(zip + ": " + e.getMessage().replace(dir + "/", "").replace(dir.toString(), "")
                    .replaceFirst("^: ", ""));
        }
        return new Unpacked(dir, manifest);
    }
}
