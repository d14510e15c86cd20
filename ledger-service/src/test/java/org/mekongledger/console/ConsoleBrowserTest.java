package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mekongledger.console.ConsoleBrowser.assertAccessible;
import static org.mekongledger.console.ConsoleBrowser.chromium;
import static org.mekongledger.console.ConsoleBrowser.shot;
import static org.mekongledger.console.ConsoleBrowser.signIn;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mekongledger.support.ApiTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in the machine's Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs), one language per run: an embassy officer signs in, finds a worker by pink card number
 * typed the way people type it, and opens what the worker is owed. Screenshots of every step are
 * kept under target/console-screenshots.
 */
class ConsoleBrowserTest extends ApiTestBase {

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
            signIn(browser, base, lang, "embassy-mmr");

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
}
