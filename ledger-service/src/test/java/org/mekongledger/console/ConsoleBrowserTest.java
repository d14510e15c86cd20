package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mekongledger.support.ApiTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in the machine's Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs), one language per run: an embassy officer signs in, finds a worker by pink card number
 * typed the way people type it, and opens what the worker is owed. Screenshots of every step are
 * kept under target/console-screenshots.
 */
class ConsoleBrowserTest extends ApiTestBase {

    private static final Path SHOTS = Path.of("target", "console-screenshots");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Find a worker            | Old-age lump sum
            th | ค้นหาแรงงาน              | บำเหน็จชราภาพ
            my | အလုပ်သမား ရှာရန်          | အငြိမ်းစား ငွေတစ်လုံးတစ်ခဲ
            km | ស្វែងរកពលករ               | ប្រាក់បំណាច់ចាស់ជរា
            lo | ຊອກຫາແຮງງານ               | ເງິນບຳເນັດຊະລາພາບ
            vi | Tìm người lao động         | Trợ cấp tuổi già một lần
            """)
    void anEmbassyOfficerFindsANationalByPinkCardAndSeesWhatTheyAreOwed(String lang, String findTitle,
                                                                      String lumpSum) throws Exception {
        String unique = uniqueNumber("");
        String pinkCard = "00-" + unique.substring(unique.length() - 4) + "-567890-1";
        Map<String, Object> aung = worker("MMR", "PINK_CARD", pinkCard);
        aung.put("documents", java.util.List.of(Map.of("type", "PINK_CARD", "number", pinkCard, "issuingCountry", "THA")));
        String workerId = admin("/api/v1/workers", aung).json().path("workerId").asString();
        String employer = registerEmployer();
        assertThat(file(employer, "2025-06", workerId, "12000.00").status()).isEqualTo(201);
        eventually("/api/v1/workers/" + workerId + "/ledger", r -> r.json().path("schemes").size() > 0);

        WebDriver browser = chromium();
        try {
            String base = "http://localhost:" + port;
            browser.get(base + "/console/sign-in?lang=" + lang);
            shot(browser, lang, "1-sign-in");
            assertAccessible(browser, "sign-in");
            browser.findElement(By.id("username")).sendKeys("embassy-mmr");
            browser.findElement(By.id("password")).sendKeys("embassy-mmr-pw");
            browser.findElement(By.cssSelector("main button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/console/workers"));

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(findTitle);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            // the number as it is often written: no dashes
            browser.findElement(By.id("documentNumber")).sendKeys(pinkCard.replace("-", ""));
            browser.findElement(By.cssSelector("form.search button")).click();
            shot(browser, lang, "2-found");
            assertAccessible(browser, "look-up");
            browser.findElement(By.cssSelector("a[href='/console/workers/" + workerId + "']")).click();

            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(workerId));
            shot(browser, lang, "3-entitlements");
            assertAccessible(browser, "worker");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(lumpSum).contains(pinkCard);
            if (lang.equals("th")) {
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("2534");
            }
        } finally {
            browser.quit();
        }
    }

    /** axe-core's WCAG 2 A and AA rules on the page as rendered: no serious or critical violation. */
    private static void assertAccessible(WebDriver browser, String page) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            try (java.io.InputStream axe = ConsoleBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                js.executeScript(new String(axe.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "; return true;");
            }
        }
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
                   .then(r => done({passed: r.passes.length,
                                    serious: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                                     .map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + ')')}))
                   .catch(e => done({passed: 0, serious: ['axe failed: ' + e]}));""");
        Map<?, ?> result = (Map<?, ?>) found;
        // the rules did run: labels, contrast, language and the like passed
        assertThat(((Number) result.get("passed")).intValue()).as("axe rules passed on the %s page", page).isGreaterThan(5);
        assertThat((java.util.List<?>) result.get("serious")).as("serious or critical WCAG violations on the %s page", page)
                .isEmpty();
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--window-size=1100,900");
        // the Debian driver, never one Selenium Manager would fetch from the network
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }

    private static void shot(WebDriver browser, String lang, String step) throws Exception {
        Files.createDirectories(SHOTS);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(lang + "-" + step + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
