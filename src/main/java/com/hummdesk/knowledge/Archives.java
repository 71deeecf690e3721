package com.hummdesk.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the files of an import (a zip, or a directory on the command line) within limits: a zip bomb, a path that
 * climbs out of the archive or an oversized file is reported for that file (or refuses the whole archive when the
 * archive itself is over its limits); everything else is handed on.
 */
final class Archives {
    static final int MAX_FILES = 2_000;
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;
    /** A text file compresses 3-10×; far beyond that is a bomb, not a document. */
    static final int MAX_RATIO = 100;

    /** Thrown when the archive as a whole is unacceptable (not a zip, too many files, too big). */
    static final class ArchiveException extends Exception {
        private static final long serialVersionUID = 1L;

        ArchiveException(String message) {
            super(message);
        }
    }

    private Archives() {}

    static List<ImportedFile> readZip(InputStream in) throws ArchiveException {
        var files = new ArrayList<ImportedFile>();
        long total = 0;
        boolean any = false;
        try (var zip = new ZipInputStream(in)) {
            java.util.zip.ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                var name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new ArchiveException("more than " + MAX_FILES + " files in the archive");
                }
                if (!safe(name)) {
                    files.add(ImportedFile.failed(name, "unsafe path (absolute or with ..); skipped"));
                    continue;
                }
                if (!TextExtractor.EXTENSIONS.contains(TextExtractor.extension(name))) {
                    files.add(ImportedFile.failed(
                            name, "unsupported file type; expected .md, .markdown, .html, .htm or .txt"));
                    continue;
                }
                var bytes = readLimited(zip, entry.getCompressedSize());
                if (bytes == null) {
                    files.add(ImportedFile.failed(
                            name,
                            "larger than " + MAX_FILE_BYTES / 1024 + " KiB uncompressed, or compressed"
                                    + " suspiciously well (zip bomb); skipped"));
                    continue;
                }
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new ArchiveException(
                            "more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB of text in the archive");
                }
                files.add(TextExtractor.extract(name, bytes));
            }
        } catch (ZipException e) {
            throw new ArchiveException("not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new ArchiveException("could not read the archive: " + e.getMessage());
        }
        if (!any) {
            throw new ArchiveException("not a zip archive, or an empty one");
        }
        return files;
    }

    /** Every supported file under {@code dir}, with paths relative to it, under the same limits. */
    static List<ImportedFile> readDirectory(Path dir) throws ArchiveException {
        var files = new ArrayList<ImportedFile>();
        try (var walk = Files.walk(dir)) {
            var paths = walk.filter(Files::isRegularFile).sorted().toList();
            for (var path : paths) {
                var name = dir.relativize(path).toString().replace('\\', '/');
                if (ignored(name)) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new ArchiveException("more than " + MAX_FILES + " files in " + dir);
                }
                if (Files.size(path) > MAX_FILE_BYTES) {
                    files.add(ImportedFile.failed(name, "larger than " + MAX_FILE_BYTES / 1024 + " KiB; skipped"));
                    continue;
                }
                files.add(TextExtractor.extract(name, Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new ArchiveException("could not read " + dir + ": " + e.getMessage());
        }
        return files;
    }

    /** Hidden files and macOS resource forks are not documents. */
    private static boolean ignored(String name) {
        var last = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || last.startsWith(".");
    }

    static boolean safe(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
            return false;
        }
        for (var part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The entry's bytes, or null past the size limit or the compression ratio (read no further than that). */
    private static byte[] readLimited(InputStream in, long compressedSize) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        long ratioLimit = compressedSize > 0 ? Math.max(compressedSize * MAX_RATIO, 64 * 1024) : Long.MAX_VALUE;
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_FILE_BYTES || out.size() > ratioLimit) {
                return null;
            }
        }
        return out.toByteArray();
    }
}
