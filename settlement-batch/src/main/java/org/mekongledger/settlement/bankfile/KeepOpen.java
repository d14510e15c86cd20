package org.mekongledger.settlement.bankfile;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The caller owns its stream: closing the writers' XML and buffers flushes it but never closes it. */
final class KeepOpen extends FilterOutputStream {

    KeepOpen(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
