package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mekongledger.console.ConsoleBrowser.assertAccessible;
import static org.mekongledger.console.ConsoleBrowser.chromium;
import static org.mekongledger.console.ConsoleBrowser.shot;
import static org.mekongledger.console.ConsoleBrowser.signIn;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mekongledger.support.ApiTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * The statement as Chromium renders and prints it, one language per run: an embassy officer opens a
 * national's statement; it passes axe-core, prints on one or two A4 pages, its QR code decodes from
 * a screenshot to the worker's code, and the page's complex script is drawn with the served font and
 * shaped (a cluster measures as one cluster, not as its characters side by side).
 */
class StatementBrowserTest extends ApiTestBase {

    /** A4 in centimetres, as Selenium's print options take it. */
    private static final PageSize A4 = new PageSize(29.7, 21.0);
    /** A page object in a PDF (not the /Pages tree). */
    private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page(?![s\\w])");

    /**
     * Runs in the page: the served family is loaded and used for the sample, and a cluster that is
     * right only when shaped is measured against its characters side by side, and against the same
     * characters kept apart by a zero-width non-joiner (the same font, unshaped).
     */
    private static final String SHAPING = """
            const [family, cluster, parts, done] = arguments;
            document.fonts.ready.then(() => {
              const faces = [...document.fonts].filter(f => f.family.replace(/["']/g, '') === family);
              const context = document.createElement('canvas').getContext('2d');
              context.font = '48px "' + family + '"';
              const width = text => context.measureText(text).width;
              const ascent = text => context.measureText(text).actualBoundingBoxAscent;
              done({
                check: document.fonts.check('16px "' + family + '"', cluster),
                loaded: faces.some(f => f.status === 'loaded'),
                cluster: width(cluster),
                parts: parts.reduce((sum, part) => sum + width(part), 0),
                first: width(parts[0]),
                apart: width(parts.join('\\u200C')),
                stacked: ascent(cluster),
                baseAndLast: ascent(parts[0] + parts[parts.length - 1]),
                baseAndSecond: ascent(parts[0] + parts[1])
              });
            });""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Social security statement |                   |          |
            th | ใบแจ้งสิทธิประกันสังคม      | Noto Sans Thai    | ที่       | STACKED    
            my | လူမှုဖူလုံရေး ရှင်းတမ်း       | Noto Sans Myanmar | က္က      | NARROWER
            km | របាយការណ៍សន្តិសុខសង្គម       | Noto Sans Khmer   | ក្រ      | NARROWER
            lo | ໃບແຈ້ງສິດປະກັນສັງຄົມ          | Noto Sans Lao     | ກີ່       | STACKED    
            vi | Bảng kê bảo hiểm xã hội     |                   |          |
            """)
    void anEmbassyOfficerPrintsANationalsStatement(String lang, String title, String family, String cluster,
                                                   String shaped) throws Exception {
        PinkCardHolder holder = registerPinkCardHolder();
        String workerId = holder.workerId();
        String employer = registerEmployer();
        assertThat(file(employer, "2024-11", workerId, "12000.00").status()).isEqualTo(201);
        assertThat(file(employer, "2025-06", workerId, "12000.00").status()).isEqualTo(201);
        // and a welfare fund's fee: its column and its benefits make the longest statement a worker has
        assertThat(admin("/api/v1/contribution-filings", Map.of("scheme", "MM_OWF", "employerAccount", employer,
                "period", "2025-06", "lines", List.of(Map.of("workerId", workerId, "payer", "WORKER")))).status())
                .isEqualTo(201);
        eventually("/api/v1/workers/" + workerId + "/ledger",
                r -> r.json().path("entries").path("totalEntries").asLong() == 3);

        WebDriver browser = chromium();
        try {
            String base = "http://localhost:" + port;
            signIn(browser, base, "en", "embassy-mmr");
            browser.get(base + "/console/workers/" + workerId + "/statement?lang=" + lang);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeAsyncScript("const done = arguments[0]; document.fonts.ready.then(() => done(true));")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);

            // the whole page in one screenshot: the window as tall as the statement
            long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(1100, (int) Math.min(height + 120, 6000)));
            shot(browser, lang, "statement");
            assertAccessible(browser, "statement");

            assertThat(decodedQr(browser)).isEqualTo(StatementCode.of(workerId));
            assertThat(StatementCode.workerId(decodedQr(browser))).contains(workerId);

            PrintOptions a4 = new PrintOptions();
            a4.setPageSize(A4);
            byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser).print(a4).getContent());
            Files.write(ConsoleBrowser.SHOTS.resolve(lang + "-statement.pdf"), pdf);
            long pages = PDF_PAGE.matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).results().count();
            assertThat(pages).as("A4 pages of the printed statement").isBetween(1L, 2L);

            if (family != null) {
                assertShaped(browser, family, cluster, shaped);
            }
        } finally {
            browser.quit();
        }
    }

    /** The QR code read back from a screenshot of the page as Chromium drew it. */
    private static String decodedQr(WebDriver browser) throws Exception {
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
        WebElement qr = browser.findElement(By.cssSelector(".qr svg"));
        Rectangle at = qr.getRect();
        assertThat(at.getY() + at.getHeight()).as("the QR code is in the screenshot").isLessThanOrEqualTo(page.getHeight());
        BufferedImage around = page.getSubimage(Math.max(0, at.getX() - 20), Math.max(0, at.getY() - 20),
                Math.min(page.getWidth() - Math.max(0, at.getX() - 20), at.getWidth() + 40),
                Math.min(page.getHeight() - Math.max(0, at.getY() - 20), at.getHeight() + 40));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(around))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)))
                .getText();
    }

    /**
     * The served family is loaded and shapes the cluster: a Khmer subscript or a Burmese stack is
     * clearly narrower than its characters side by side; a Thai or Lao base with its vowel and tone
     * marks is about as wide as the base alone. Kept apart by a zero-width non-joiner, the same
     * characters in the same font do not pass, so the measure tells shaped from unshaped.
     */
    private static void assertShaped(WebDriver browser, String family, String cluster, String shaped) {
        List<String> parts = cluster.codePoints().mapToObj(Character::toString).toList();
        Map<?, ?> served = (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript(SHAPING, family, cluster, parts);
        assertThat(served.get("check")).as(family + " ready for " + cluster).isEqualTo(Boolean.TRUE);
        assertThat(served.get("loaded")).as(family + " loaded from the service").isEqualTo(Boolean.TRUE);
        assertThat(isShaped(served, shaped)).as(family + " shapes " + cluster + ": " + served).isTrue();
        if (shaped.equals("NARROWER")) {
            // the same characters in the same font kept apart by a zero-width non-joiner: not one cluster, and the measure says so
            Map<String, Object> apart = new java.util.HashMap<>(map(served));
            apart.put("cluster", served.get("apart"));
            assertThat(isShaped(apart, shaped)).as(cluster + " kept apart: " + served).isFalse();
        }
        // a family the service does not serve is not loaded: the check fails without the font
        Map<?, ?> missing = (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript(SHAPING, "No Such Font", cluster, parts);
        assertThat(missing.get("loaded")).as("a family nobody serves").isEqualTo(Boolean.FALSE);
    }

    /**
     * A Khmer subscript or a Burmese stack is clearly narrower than its characters side by side. A
     * Thai or Lao base with an upper vowel and a tone mark is about as wide as the base alone (the
     * marks take no width), and the tone mark is stacked above the vowel: the cluster stands clearly
     * higher than the base with either mark alone. Without the font's mark positioning the tone mark
     * would sit where it sits alone.
     */
    private static boolean isShaped(Map<?, ?> measured, String shaped) {
        double cluster = number(measured, "cluster");
        double first = number(measured, "first");
        return switch (shaped) {
            case "NARROWER" -> cluster < 0.75 * number(measured, "parts");
            case "STACKED" -> Math.abs(cluster - first) <= 0.15 * first
                    && number(measured, "stacked") >= 4 + Math.max(number(measured, "baseAndLast"), number(measured, "baseAndSecond"));
            default -> throw new IllegalArgumentException(shaped);
        };
    }

    private static double number(Map<?, ?> measured, String key) {
        return ((Number) measured.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> measured) {
        return (Map<String, Object>) measured;
    }
}
