package io.jenkins.plugins.mlops.data;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads RFC 4180 CSV (UTF-8, optional BOM, LF or CRLF) with a header row through Commons CSV.
 * Every malformation becomes an {@link InvalidInputException} naming the file and line.
 */
public final class CsvReader {
    private final MissingValues missing;
    private final boolean allowShortRows;

    /**
     * @param allowShortRows read a row with fewer fields than the header as if the trailing fields
     *     were empty (some exporters omit them), instead of rejecting the file
     */
    public CsvReader(MissingValues missing, boolean allowShortRows) {
        this.missing = missing;
        this.allowShortRows = allowShortRows;
    }

    public CsvReader() {
        this(MissingValues.DEFAULT, false);
    }

    public Table read(Path file) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.in(file, "is a directory, expected a CSV file");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                // duplicates are reported by checkHeader, with their column numbers
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .setAllowMissingColumnNames(false)
                .setIgnoreEmptyLines(true)
                .get();
        CSVParser parser = null;
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
             Reader reader = new InputStreamReader(in, utf8)) {
            try {
                parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.at(file, 1, 0, "bad header row: " + e.getMessage());
            }
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty()) {
                throw InvalidInputException.in(file, "file is empty: expected a header row of column names");
            }
            checkHeader(file, columns);
            List<String[]> rows = new ArrayList<>();
            List<Long> shortRows = new ArrayList<>();
            long[] lines = new long[64];
            long startLine = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                boolean isShort = record.size() < columns.size();
                if (isShort && allowShortRows) {
                    shortRows.add(startLine);
                } else if (record.size() != columns.size()) {
                    throw InvalidInputException.at(file, startLine, 0, "row has " + record.size()
                            + (record.size() == 1 ? " field" : " fields") + " but the header has " + columns.size()
                            + (isShort ? " (if the trailing fields are omitted on purpose, allow short rows)" : ""));
                }
                String[] values = new String[columns.size()];
                for (int i = 0; i < record.size(); i++) {
                    String v = record.get(i);
                    values[i] = missing.isMissing(v) ? null : v;
                }
                if (rows.size() == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                }
                lines[rows.size()] = startLine;
                rows.add(values);
                startLine = parser.getCurrentLineNumber() + 1;
            }
            return new Table(file.getFileName().toString(), columns, rows, java.util.Arrays.copyOf(lines, rows.size()),
                    shortRows);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.in(file, "no such file");
        } catch (AccessDeniedException e) {
            throw InvalidInputException.in(file, "permission denied");
        } catch (UncheckedIOException | IOException e) {
            throw malformed(file, parser, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        } catch (IllegalStateException e) {
            // Commons CSV reports malformed quoting as IllegalStateException wrapping an IOException
            throw malformed(file, parser, e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
        }
    }

    private static void checkHeader(Path file, List<String> columns) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            if (name.isBlank()) {
                throw InvalidInputException.at(file, 1, i + 1, "column " + (i + 1) + " has no name");
            }
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw InvalidInputException.at(file, 1, i + 1, "duplicate column name '" + name + "' (columns " + first
                        + " and " + (i + 1) + ")");
            }
        }
    }

    private static InvalidInputException malformed(Path file, CSVParser parser, IOException e) {
        long line = parser == null ? 1 : parser.getCurrentLineNumber() + 1;
        if (e instanceof CharacterCodingException) {
            long[] where = Utf8.firstMalformed(file);
            return InvalidInputException.at(file, where[0], where[1], "not valid UTF-8 text (binary data or another"
                    + " encoding such as Latin-1 or UTF-16; save the file as UTF-8)");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        java.util.regex.Matcher start = java.util.regex.Pattern.compile("startline (\\d+)").matcher(message);
        if (message.contains("EOF reached before encapsulated token finished")) {
            return InvalidInputException.at(file, start.find() ? Long.parseLong(start.group(1)) : line, 0,
                    "unterminated quoted field: a \" opens a value that never ends");
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return InvalidInputException.at(file, line, 0, "unexpected character after a closing quote");
        }
        return InvalidInputException.at(file, line, 0, "malformed CSV: " + message.replaceAll("\\s+", " "));
    }
}
