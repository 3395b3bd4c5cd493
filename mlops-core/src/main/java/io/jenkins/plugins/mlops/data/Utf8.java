package io.jenkins.plugins.mlops.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the first byte sequence that is not UTF-8, for an error message that points at it. */
final class Utf8 {
    private Utf8() {
    }

    /** {line, column} (1-based, column in characters) of the first malformed sequence; {0, 0} if none. */
    static long[] firstMalformed(Path file) {
        long line = 1;
        long column = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int b;
            while ((b = in.read()) >= 0) {
                int continuation;
                if (b < 0x80) {
                    continuation = 0;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    continuation = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    continuation = 2;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    continuation = 3;
                } else {
                    return new long[] {line, column};
                }
                for (int i = 0; i < continuation; i++) {
                    int c = in.read();
                    if (c < 0x80 || c > 0xBF) {
                        return new long[] {line, column};
                    }
                }
                if (b == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        } catch (IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {0, 0};
    }
}
