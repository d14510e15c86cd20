package org.mekongledger.console;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A statement page as it is sent: HTML to print, never kept by a cache (it is personal data). */
final class StatementResponses {

    private StatementResponses() {
    }

    static ResponseEntity<String> page(String workerId, String html) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.inline().filename("statement-" + workerId + ".html")
                        .build().toString())
                .body(html);
    }
}
