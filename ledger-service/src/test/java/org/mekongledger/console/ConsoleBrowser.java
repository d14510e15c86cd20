package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * The machine's Chromium (Debian's chromium and chromium-driver, which .ci/run installs) for the
 * console's browser tests: start it headless, sign in, take a screenshot, run axe-core.
 */
final class ConsoleBrowser {

    static final Path SHOTS = Path.of("target", "console-screenshots");

    private ConsoleBrowser() {
    }

    static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--window-size=1100,900");
        // the Debian driver, never one Selenium Manager would fetch from the network
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }

    /** Signs in on the form (password = user name + "-pw" in the tests' users) and waits for the look-up page. */
    static void signIn(WebDriver browser, String base, String lang, String user) {
        browser.get(base + "/console/sign-in?lang=" + lang);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-pw");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/console/workers"));
    }

    static void shot(WebDriver browser, String lang, String step) throws Exception {
        Files.createDirectories(SHOTS);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(lang + "-" + step + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** axe-core's WCAG 2 A and AA rules on the page as rendered: no serious or critical violation. */
    static void assertAccessible(WebDriver browser, String page) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            try (java.io.InputStream axe = ConsoleBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
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
        assertThat((List<?>) result.get("serious")).as("serious or critical WCAG violations on the %s page", page)
                .isEmpty();
    }
}
