package org.mekongledger.settlement.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the ledger service is and who the batch is to it (a SETTLEMENT_OPERATOR user). */
@ConfigurationProperties("ledger")
public class LedgerProperties {

    private String url = "http://localhost:8080";
    private String username = "settlement";
    private String password = "settlement";
    private Duration timeout = Duration.ofSeconds(60);
    /** Retries of an answer that invites one (503, 429, a lost connection, a concurrency conflict). */
    private int retries = 4;

    public int getRetries() {
        return retries;
    }

    public void setRetries(int retries) {
        this.retries = retries;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
