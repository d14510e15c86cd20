package org.mekongledger.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.mekongledger.audit.AuditTrail;
import org.mekongledger.ledger.LedgerQueries;
import org.mekongledger.security.Officer;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A worker's contributions at the console: months insured per year as a chart (with the same
 * figures as a table, for screen readers and for print), the balances per party and branch as the
 * journal keeps them, and the journal entries, newest first.
 */
@Controller
class ContributionsPage implements ConsolePage {

    /** The scheme whose months the chart counts: the Thai Social Security Fund, Section 33. */
    static final String SECTION_33 = "TH_SSF_S33";
    private static final int ENTRIES_PER_PAGE = 25;

    private final VisibleWorkers workers;
    private final LedgerQueries ledger;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    ContributionsPage(VisibleWorkers workers, LedgerQueries ledger, AuditTrail audit, java.time.Clock clock) {
        this.workers = workers;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/workers/{id}/contributions")
    String contributions(@PathVariable("id") String workerId, @RequestParam(defaultValue = "0") int page,
                         Locale locale, Model model) {
        Worker worker = workers.worker(workerId);
        audit.recordRead(Officer.current(), workerId, "console");
        int shown = Math.max(0, page);
        LedgerQueries.WorkerLedger book = ledger.workerLedger(workerId, shown, ENTRIES_PER_PAGE);
        model.addAttribute("worker", worker);
        model.addAttribute("chart", MonthsChart.of(ledger.standingMonths(workerId, SECTION_33)));
        model.addAttribute("balances", book.balances().stream().map(b -> SchemeTotals.of(b, locale)).toList());
        model.addAttribute("entries", book.entries().stream().map(e -> EntryRow.of(e, locale, clock.getZone())).toList());
        model.addAttribute("page", shown);
        model.addAttribute("pages", Math.max(1, (book.entryCount() + ENTRIES_PER_PAGE - 1) / ENTRIES_PER_PAGE));
        return "console/contributions";
    }

    /**
     * Months insured per calendar year, as bars of an SVG drawn on the server (the CSP allows no
     * script, and a chart needs none). Years without a month between the first and the last show as
     * empty bars, so a gap in the record is visible.
     */
    record MonthsChart(List<Bar> bars, int width, int height) {

        static final int BAR = 34;
        static final int GAP = 8;
        static final int TOP = 16;
        static final int PLOT = 120;

        record Bar(int year, int months, int x, int y, int barHeight, int labelY) {
        }

        static MonthsChart of(List<LedgerQueries.StandingMonth> standing) {
            TreeMap<Integer, Integer> perYear = ContributionShares.monthsPerYear(standing);
            List<Bar> bars = new ArrayList<>();
            if (!perYear.isEmpty()) {
                int first = perYear.firstKey();
                int last = perYear.lastKey();
                for (int year = first; year <= last; year++) {
                    int months = perYear.getOrDefault(year, 0);
                    int h = months * PLOT / 12;
                    int x = GAP + (year - first) * (BAR + GAP);
                    bars.add(new Bar(year, months, x, TOP + PLOT - h, h, TOP + PLOT + 16));
                }
            }
            return new MonthsChart(bars, GAP + bars.size() * (BAR + GAP), TOP + PLOT + 24);
        }
    }

    /** A scheme's balances in the officer's locale, with the worker's and the employers' totals. */
    record SchemeTotals(String scheme, int months, List<Line> lines, String byWorker, String byEmployers) {

        record Line(String party, String branch, String payer, String amount) {
        }

        static SchemeTotals of(LedgerQueries.SchemeBalance b, Locale locale) {
            Currency currency = Currency.getInstance(b.currency());
            BigDecimal worker = BigDecimal.ZERO;
            BigDecimal employers = BigDecimal.ZERO;
            List<Line> lines = new ArrayList<>();
            for (LedgerQueries.Balance balance : b.balances()) {
                lines.add(new Line(balance.party() == null ? null : balance.party().name(),
                        balance.branch() == null ? null : balance.branch().name(), balance.payer(),
                        EntitlementView.money(balance.amount(), currency, locale)));
                if (ContributionShares.paidByWorker(balance)) {
                    worker = worker.add(balance.amount());
                } else if (ContributionShares.paidByEmployers(balance)) {
                    employers = employers.add(balance.amount());
                }
            }
            return new SchemeTotals(b.scheme(), b.months(), lines, EntitlementView.money(worker, currency, locale),
                    EntitlementView.money(employers, currency, locale));
        }
    }

    /** One journal entry: when it was booked, what it was (a bundle's {@code journal.<kind>}), for which month and employer. */
    record EntryRow(String bookedOn, String kind, String scheme, String period, String employer) {

        static EntryRow of(LedgerQueries.Entry e, Locale locale, java.time.ZoneId fundZone) {
            return new EntryRow(ConsoleDates.format(LocalDate.ofInstant(e.bookedAt(), fundZone), locale), e.journalKind(),
                    e.scheme(), e.period() == null ? "" : ConsoleDates.month(YearMonth.parse(e.period()), locale),
                    e.employerAccount());
        }
    }
}
