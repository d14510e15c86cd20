package org.mekongledger.console;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as one SVG path of its dark modules, one unit per module, quiet zone included: drawn in
 * the page itself, so the strict content policy needs no image source and print stays sharp.
 */
record StatementQr(int size, String path) {

    /** The SVG view box: one unit per module. */
    public String viewBox() {
        return "0 0 " + size + " " + size;
    }

    /** Four modules of quiet zone, as the standard asks; level M survives a creased or smudged print. */
    static StatementQr of(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (!matrix.get(x, y)) {
                        x++;
                        continue;
                    }
                    int run = 1;
                    while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-")
                            .append(run).append('z');
                    x += run;
                }
            }
            return new StatementQr(matrix.getWidth(), path.toString());
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("a statement code does not fit a QR code", tooLong);
        }
    }
}
