package org.mekongledger.settlement.bankfile;

import java.nio.file.Path;

/**
 * A pain.002 status report refused as a whole: not well-formed, not valid against the official
 * schema, not a pain.002.001.10, empty, truncated, too large, or inconsistent. The message names the
 * file, the line and column (when the problem has a place) and what is wrong, e.g.
 * {@code report.xml:12:7: TxInfAndSts has no OrgnlEndToEndId}.
 */
public final class MalformedStatusReport extends Exception {

    private final int line;
    private final int column;

    MalformedStatusReport(Path file, int line, int column, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line + ":" + Math.max(column, 0) : "") + ": " + problem, cause);
        this.line = line;
        this.column = column;
    }

    MalformedStatusReport(Path file, String problem) {
        this(file, -1, -1, problem, null);
    }

    /** The line of the problem, counted from 1, or -1 when it concerns the file as a whole. */
    public int line() {
        return line;
    }

    /** The column of the problem, counted from 1, or -1 when it concerns the file as a whole. */
    public int column() {
        return column;
    }
}
