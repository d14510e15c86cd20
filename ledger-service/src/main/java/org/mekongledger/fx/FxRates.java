package org.mekongledger.fx;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund's rates: set, replaced (the old one kept in the history) and read. A day's rate is set
 * under a row lock, so two administrators setting one day at once leave one rate and one history row.
 */
@Service
class FxRates {

    /** How the rate was stored: first time, replaced, or the same figures again. */
    enum Outcome { SET, REPLACED, UNCHANGED }

    record Stored(FxRateDay rate, Outcome outcome) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FxRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Stored set(LocalDate day, String currency, BigDecimal rate, String source, String actor) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into fx_rate (rate_date, currency, rate, source, set_by, set_at) values (?, ?, ?, ?, ?, ?)
                        on conflict (rate_date, currency) do nothing""")
                .params(day, currency, rate, source, actor, Timestamp.from(now))
                .update();
        if (inserted == 1) {
            return new Stored(new FxRateDay(day, currency, rate, source, actor, now), Outcome.SET);
        }
        FxRateDay current = jdbc.sql("select * from fx_rate where rate_date = ? and currency = ? for update")
                .params(day, currency).query(FxRates::rate).single();
        if (current.sameAs(rate, source)) {
            return new Stored(current, Outcome.UNCHANGED);
        }
        jdbc.sql("""
                        insert into fx_rate_history (rate_date, currency, rate, source, set_by, set_at, replaced_by, replaced_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(day, currency, current.rate(), current.source(), current.setBy(), Timestamp.from(current.setAt()),
                        actor, Timestamp.from(now))
                .update();
        jdbc.sql("update fx_rate set rate = ?, source = ?, set_by = ?, set_at = ? where rate_date = ? and currency = ?")
                .params(rate, source, actor, Timestamp.from(now), day, currency)
                .update();
        return new Stored(new FxRateDay(day, currency, rate, source, actor, now), Outcome.REPLACED);
    }

    Optional<FxRateDay> on(LocalDate day, String currency) {
        return jdbc.sql("select * from fx_rate where rate_date = ? and currency = ?")
                .params(day, currency).query(FxRates::rate).optional();
    }

    List<FxRateDay> between(LocalDate from, LocalDate to, String currency) {
        return jdbc.sql("""
                        select * from fx_rate where rate_date between ? and ? and (cast(? as char(3)) is null or currency = ?)
                        order by rate_date, currency""")
                .params(from, to, currency, currency).query(FxRates::rate).list();
    }

    private static FxRateDay rate(ResultSet row, int rowNumber) throws SQLException {
        return new FxRateDay(row.getObject("rate_date", LocalDate.class), row.getString("currency"),
                row.getBigDecimal("rate").stripTrailingZeros(), row.getString("source"), row.getString("set_by"),
                row.getTimestamp("set_at").toInstant());
    }
}
