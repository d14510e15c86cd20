package org.mekongledger.registry;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.mekongledger.api.EmployerRelocated;
import org.mekongledger.vocabulary.ThaiProvinces;
import org.mekongledger.web.contract.model.EmployerProvince;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mekongledger.api.EmployerRegistered;
import org.mekongledger.web.contract.model.Employer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Registered employers, for look-up by their Social Security Office account. */
@Component
@ProcessingGroup("directory")
class EmployerDirectory {

    private final JdbcClient jdbc;
    /** The fund's clock: the province "today" is this month's in the fund's time zone. */
    private final java.time.Clock clock;

    EmployerDirectory(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The month from which the registration's province holds: the fund's first. */
    static final String FROM_THE_START = org.mekongledger.employer.Employer.FIRST_MONTH.toString();

    @EventHandler
    void on(EmployerRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        insert into employer_view (employer_account, name, registered_at) values (?, ?, ?)
                        on conflict (employer_account) do nothing""")
                .params(event.employerAccount(), event.name(), Timestamp.from(at))
                .update();
        recordProvince(event.employerAccount(), FROM_THE_START, event.province(), at);
    }

    @EventHandler
    void on(EmployerRelocated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        recordProvince(event.employerAccount(), event.from().toString(), event.province(), at);
    }

    private void recordProvince(String account, String from, String province, Instant at) {
        jdbc.sql("""
                        insert into employer_province (employer_account, from_period, province, recorded_at)
                        values (?, ?, ?, ?)
                        on conflict (employer_account, from_period) do update set province = excluded.province""")
                .params(account, from, province, Timestamp.from(at))
                .update();
    }

    Optional<Employer> employer(String account) {
        Optional<Employer> employer = jdbc.sql("select * from employer_view where employer_account = ?").param(account)
                .query((row, n) -> new Employer()
                        .employerAccount(row.getString("employer_account"))
                        .name(row.getString("name"))
                        .registeredAt(row.getTimestamp("registered_at").toInstant().atOffset(ZoneOffset.UTC)))
                .optional();
        employer.ifPresent(found -> {
            List<EmployerProvince> provinces = jdbc.sql("""
                            select from_period, province from employer_province where employer_account = ?
                            order by from_period""").param(account)
                    .query((row, n) -> province(row.getString("from_period"), row.getString("province"))).list();
            found.provinces(provinces).province(provinceToday(provinces));
        });
        return employer;
    }

    /** The province in force this month, from provinces listed by their first month in order. */
    String provinceToday(List<EmployerProvince> provinces) {
        String thisMonth = YearMonth.now(clock).toString();
        return provinces.stream().filter(p -> p.getFrom().compareTo(thisMonth) <= 0)
                .reduce((a, b) -> b).map(EmployerProvince::getProvince).orElse(null);
    }

    static List<EmployerProvince> provinces(java.util.SortedMap<YearMonth, String> byMonth) {
        List<EmployerProvince> provinces = new ArrayList<>();
        byMonth.forEach((from, province) -> provinces.add(province(
                from.toString(), province)));
        return provinces;
    }

    static EmployerProvince province(String from, String code) {
        return new EmployerProvince().from(from).province(code).name(ThaiProvinces.name(code).orElse(null));
    }
}
