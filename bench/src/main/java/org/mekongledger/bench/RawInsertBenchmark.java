package org.mekongledger.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw baseline: what plain JDBC achieves inserting Axon-shaped event rows into the service's database with
 * the same concurrency, one transaction per batch (by default one filing's worth: a header event and one
 * event per line). The scratch table lives in its own schema, which is dropped at the end.
 */
final class RawInsertBenchmark {

    static final String SCHEMA = "bench_scratch";
    static final String TABLE = SCHEMA + ".bench_raw_event";

    /** Same columns and constraints as Axon's domain_event_entry (ledger-service V1__axon_event_store.sql). */
    private static final String CREATE = """
            create table %s (
                global_index         bigserial    not null primary key,
                event_identifier     varchar(255) not null unique,
                meta_data            bytea,
                payload              bytea        not null,
                payload_revision     varchar(255),
                payload_type         varchar(255) not null,
                time_stamp           varchar(255) not null,
                aggregate_identifier varchar(255) not null,
                sequence_number      bigint       not null,
                type                 varchar(255),
                unique (aggregate_identifier, sequence_number)
            )""".formatted(TABLE);

    private static final String INSERT = "insert into " + TABLE + " (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    record Row(String eventId, String aggregateId, long sequence, String type, String timeStamp,
               String payloadType, byte[] payload, byte[] metaData) {
    }

    record Result(int rows, int batches, int batchSize, long nanos, long rowsInTable, double avgPayloadBytes,
                  double avgMetaDataBytes, int failedBatches, String firstError) {
        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }
    }

    private final IngestOptions options;

    RawInsertBenchmark(IngestOptions options) {
        this.options = options;
    }

    Result run(int rows) throws Exception {
        int batchSize = options.rawBatch;
        List<Row[]> batches = generate(rows, batchSize);
        double avgPayload = batches.stream().flatMap(Arrays::stream).mapToInt(r -> r.payload.length).average().orElse(0);
        double avgMeta = batches.stream().flatMap(Arrays::stream).mapToInt(r -> r.metaData.length).average().orElse(0);

        try (Connection admin = connect()) {
            admin.setAutoCommit(true);
            try (Statement st = admin.createStatement()) {
                st.execute("create schema if not exists " + SCHEMA);
                st.execute("drop table if exists " + TABLE);
                st.execute(CREATE);
            }
            List<Connection> connections = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(options.concurrency);
            try {
                for (int i = 0; i < options.concurrency; i++) {
                    Connection c = connect();
                    c.setAutoCommit(false);
                    connections.add(c);
                }
                AtomicInteger next = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                String[] firstError = new String[1];
                List<Future<?>> futures = new ArrayList<>();
                long start = System.nanoTime();
                for (Connection c : connections) {
                    futures.add(pool.submit(() -> {
                        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                            int b;
                            while ((b = next.getAndIncrement()) < batches.size()) {
                                try {
                                    for (Row r : batches.get(b)) {
                                        ps.setString(1, r.eventId);
                                        ps.setString(2, r.aggregateId);
                                        ps.setLong(3, r.sequence);
                                        ps.setString(4, r.type);
                                        ps.setString(5, r.timeStamp);
                                        ps.setString(6, r.payloadType);
                                        ps.setNull(7, java.sql.Types.VARCHAR);
                                        ps.setBytes(8, r.payload);
                                        ps.setBytes(9, r.metaData);
                                        ps.addBatch();
                                    }
                                    ps.executeBatch();
                                    c.commit();
                                } catch (SQLException e) {
                                    ps.clearBatch();
                                    c.rollback();
                                    if (failed.getAndIncrement() == 0) {
                                        synchronized (firstError) {
                                            firstError[0] = e.toString();
                                        }
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                long nanos = System.nanoTime() - start;
                long inTable;
                try (Statement st = admin.createStatement();
                     ResultSet rs = st.executeQuery("select count(*) from " + TABLE)) {
                    rs.next();
                    inTable = rs.getLong(1);
                }
                String error;
                synchronized (firstError) {
                    error = firstError[0];
                }
                return new Result(rows, batches.size(), batchSize, nanos, inTable, avgPayload, avgMeta,
                        failed.get(), error);
            } finally {
                pool.shutdownNow();
                for (Connection c : connections) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // closing a scratch connection
                    }
                }
                try (Statement st = admin.createStatement()) {
                    st.execute("drop schema if exists " + SCHEMA + " cascade");
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", options.jdbcUser);
        if (!options.jdbcPassword.isEmpty()) {
            p.setProperty("password", options.jdbcPassword);
        }
        p.setProperty("ApplicationName", "mekong-ledger-bench");
        return DriverManager.getConnection(options.jdbcUrl, p);
    }

    /**
     * Rows laid out like the service's: filing k (employer k mod E, period k div E) is a header event on a
     * new filing aggregate followed by one contribution event per line on each worker's account (sequence
     * 1 + period index, registration being 0). The first {@code rows} of that stream, cut into batches.
     */
    private List<Row[]> generate(int rows, int batchSize) {
        int perFiling = options.linesPerFiling + 1;
        int employers = options.employers();
        Random random = new Random(options.seed ^ 0x5EEDL);
        String[] filingIds = new String[(rows + perFiling - 1) / perFiling];
        List<Row[]> batches = new ArrayList<>();
        for (int from = 0; from < rows; from += batchSize) {
            int size = Math.min(batchSize, rows - from);
            Row[] batch = new Row[size];
            for (int i = 0; i < size; i++) {
                int g = from + i;
                int filing = g / perFiling;
                int pos = g % perFiling;
                int employer = filing % employers;
                int periodIndex = filing / employers;
                YearMonth period = options.period(Math.min(periodIndex, options.periods() - 1));
                String account = options.employerAccount(employer);
                if (filingIds[filing] == null) {
                    filingIds[filing] = UUID.randomUUID().toString();
                }
                String filingId = filingIds[filing];
                String timeStamp = Instant.now().toString();
                byte[] meta = metaData().getBytes(StandardCharsets.UTF_8);
                if (pos == 0) {
                    batch[i] = new Row(UUID.randomUUID().toString(), filingId, 0, "ContributionFiling", timeStamp,
                            "org.mekongledger.api.ContributionsFiled",
                            headerPayload(filingId, account, period, employer).getBytes(StandardCharsets.UTF_8),
                            meta);
                } else {
                    int worker = employer * options.linesPerFiling + pos - 1;
                    long wageCents = 100_000 + random.nextInt(2_900_001);
                    batch[i] = new Row(UUID.randomUUID().toString(), workerId(worker), 1L + periodIndex,
                            "WorkerAccount", timeStamp, "org.mekongledger.api.ContributionRecorded",
                            linePayload(workerId(worker), filingId, account, period, wageCents)
                                    .getBytes(StandardCharsets.UTF_8),
                            meta);
                }
            }
            batches.add(batch);
        }
        return batches;
    }

    private static String workerId(int worker) {
        return UUID.nameUUIDFromBytes(("bench-raw-worker-" + worker).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String metaData() {
        return "{\"actor\":\"admin\",\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\""
                + UUID.randomUUID() + "\"}";
    }

    private String headerPayload(String filingId, String account, YearMonth period, int employer) {
        StringBuilder sb = new StringBuilder(64 * options.linesPerFiling + 256);
        sb.append("{\"filingId\":\"").append(filingId).append("\",\"scheme\":\"").append(options.scheme)
                .append("\",\"employerAccount\":\"").append(account).append("\",\"period\":\"").append(period)
                .append("\",\"ruleSetVersion\":\"2026-01\",\"currency\":\"").append(options.currency)
                .append("\",\"workerIds\":[");
        for (int j = 0; j < options.linesPerFiling; j++) {
            if (j > 0) {
                sb.append(',');
            }
            sb.append('"').append(workerId(employer * options.linesPerFiling + j)).append('"');
        }
        return sb.append("]}").toString();
    }

    /** A ContributionRecorded as Axon's Jackson serializer writes it: about 700 bytes. */
    private String linePayload(String workerId, String filingId, String account, YearMonth period, long wageCents) {
        long insurable = Math.max(165_000, Math.min(1_750_000, wageCents));
        StringBuilder sb = new StringBuilder(800);
        sb.append("{\"workerId\":\"").append(workerId).append("\",\"filingId\":\"").append(filingId)
                .append("\",\"scheme\":\"").append(options.scheme).append("\",\"employerAccount\":\"").append(account)
                .append("\",\"period\":\"").append(period).append("\",\"ruleSetVersion\":\"2026-01\",\"currency\":\"")
                .append(options.currency).append("\",\"wage\":").append(money(wageCents))
                .append(",\"insurableWage\":").append(money(insurable)).append(",\"shares\":{");
        String[] parties = {"EMPLOYEE", "EMPLOYER", "GOVERNMENT"};
        long[][] basisPoints = {{150, 300, 50}, {150, 300, 50}, {150, 100, 25}};
        for (int p = 0; p < parties.length; p++) {
            long[] bp = basisPoints[p];
            long a = insurable * bp[0] / 10_000;
            long b = insurable * bp[1] / 10_000;
            long c = insurable * bp[2] / 10_000;
            sb.append(p > 0 ? "," : "").append('"').append(parties[p]).append("\":{\"total\":")
                    .append(money(a + b + c)).append(",\"branches\":{\"SICKNESS_MATERNITY_INVALIDITY_DEATH\":")
                    .append(money(a)).append(",\"CHILD_ALLOWANCE_OLD_AGE\":").append(money(b))
                    .append(",\"UNEMPLOYMENT\":").append(money(c)).append("}}");
        }
        return sb.append("}}").toString();
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
